// Configuration is validated once at start-up; a bad value names the variable
// and what is wrong, never the value itself.
import { describe, expect, it } from 'vitest';

import { EnvError, parseServerEnv } from '@/lib/env/schema';

import { fakeTwilioEnv } from '../helpers/twilio-test-credentials';

const production = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgresql://u:p@db.internal:5432/telehealth',
  AUTH_SECRET: 'x'.repeat(40),
  APP_URL: 'https://portal.example.com.au',
  ...fakeTwilioEnv('secret-secret-secret'),
  TWILIO_STATUS_CALLBACK_URL: 'https://portal.example.com.au/api/appointments/twilio-status-callback/',
};

function problems(raw: Record<string, string | undefined>): string[] {
  try {
    parseServerEnv(raw);
    return [];
  } catch (err) {
    if (err instanceof EnvError) return err.problems;
    throw err;
  }
}

describe('environment validation', () => {
  it('accepts a complete production configuration and defaults the media region to au1', () => {
    const env = parseServerEnv(production);
    expect(env.TWILIO_VIDEO_MEDIA_REGION).toBe('au1');
    expect(env.TWILIO_EMULATOR).toBe(false);
  });

  it('needs nothing in development, where the embedded database and emulator fill in', () => {
    expect(problems({})).toEqual([]);
  });

  it('names every variable production is missing', () => {
    const found = problems({ NODE_ENV: 'production' });
    for (const key of [
      'DATABASE_URL',
      'AUTH_SECRET',
      'APP_URL',
      'TWILIO_ACCOUNT_SID',
      'TWILIO_API_KEY',
      'TWILIO_STATUS_CALLBACK_URL',
    ]) {
      expect(found).toContain(`${key} is required in production`);
    }
  });

  it('explains malformed Twilio values without echoing them', () => {
    const found = problems({
      ...production,
      TWILIO_ACCOUNT_SID: 'SK123',
      TWILIO_WHATSAPP_FROM: '+61491570157',
      TWILIO_PHONE_NUMBER: '0491 570 156',
      TWILIO_API_KEY: 'AC' + 'a'.repeat(32),
    });
    expect(found).toEqual(
      expect.arrayContaining([
        'TWILIO_ACCOUNT_SID must be "AC" followed by 32 hex characters',
        'TWILIO_WHATSAPP_FROM must be "whatsapp:" followed by an E.164 number',
        'TWILIO_PHONE_NUMBER must be an E.164 number such as +61412345678',
        'TWILIO_API_KEY must be "SK" followed by 32 hex characters',
      ]),
    );
    expect(found.join(' ')).not.toContain('0491 570 156');
  });

  it('treats an empty variable as unset, as .env files often leave them', () => {
    expect(parseServerEnv({ TWILIO_ACCOUNT_SID: '', DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('refuses an emulator URL in production unless TWILIO_EMULATOR=1 says it is meant', () => {
    expect(problems({ ...production, TWILIO_EMULATOR_URL: 'http://127.0.0.1:3999' })).toEqual([
      'TWILIO_EMULATOR_URL is set in production; remove it, or also set TWILIO_EMULATOR=1 for a test deployment',
    ]);
    expect(
      problems({ ...production, TWILIO_EMULATOR_URL: 'http://127.0.0.1:3999', TWILIO_EMULATOR: '1' }),
    ).toEqual([]);
  });

  it('rejects a short auth secret', () => {
    expect(problems({ AUTH_SECRET: 'short' })).toEqual(['AUTH_SECRET must be at least 32 characters']);
  });

  it('takes TWILIO_EMULATOR_PORT as a port number, and leaves it unset (any free port) when empty', () => {
    expect(parseServerEnv({ TWILIO_EMULATOR_PORT: '4010' }).TWILIO_EMULATOR_PORT).toBe(4010);
    expect(parseServerEnv({ TWILIO_EMULATOR_PORT: '' }).TWILIO_EMULATOR_PORT).toBeUndefined();
    expect(problems({ TWILIO_EMULATOR_PORT: 'abc' })).toHaveLength(1);
    expect(problems({ TWILIO_EMULATOR_PORT: 'abc' })[0]).toMatch(/^TWILIO_EMULATOR_PORT /);
    expect(problems({ TWILIO_EMULATOR_PORT: '70000' })[0]).toMatch(/^TWILIO_EMULATOR_PORT /);
  });
});
