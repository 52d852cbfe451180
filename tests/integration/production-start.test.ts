// In production a missing or malformed variable stops the start with a
// message naming the variable (and never printing its value), before Next or
// the worker starts. `npm start` and `npm run worker` check as production when
// NODE_ENV is unset, as `next start` runs.
import { spawnSync } from 'node:child_process';

import { describe, expect, it } from 'vitest';

import { fakeTwilioEnv } from '../helpers/twilio-test-credentials';

/** Everything production needs except AUTH_SECRET and APP_URL, all well formed. */
const allButSecretAndUrl = {
  DATABASE_URL: 'postgresql://telehealth:db-password-value@127.0.0.1:1/telehealth',
  ...fakeTwilioEnv('api-secret-value-not-to-print'),
  TWILIO_STATUS_CALLBACK_URL: 'https://portal.example.com.au/api/appointments/twilio-status-callback/',
};

function npm(args: string[], env: Record<string, string>) {
  return spawnSync('npm', [...args, '--silent'], {
    // Deliberately without NODE_ENV unless the test gives one (Next's types insist on it).
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } as unknown as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

/** The run stopped, naming AUTH_SECRET and APP_URL and nothing else, and printed none of the values given. */
function expectOnlySecretAndUrlNamed(run: ReturnType<typeof npm>, heading: string) {
  expect(run.status).toBe(1);
  expect(run.stderr).toContain(heading);
  expect(run.stderr).toContain('AUTH_SECRET is required in production');
  expect(run.stderr).toContain('APP_URL is required in production');
  // Only those two: everything else given was well formed.
  expect(run.stderr.match(/^ {2}- /gm)).toHaveLength(2);
  expect(run.stderr).not.toMatch(/db-password-value|api-secret-value-not-to-print/);
}

describe('npm start', () => {
  it('refuses to start in production without its configuration and names what is missing', () => {
    const run = npm(['start'], {
      NODE_ENV: 'production',
      TWILIO_ACCOUNT_SID: 'AC-not-a-sid',
      AUTH_SECRET: 'secret-value-that-is-too-short',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('The portal cannot start.');
    expect(run.stderr).toContain('DATABASE_URL is required in production');
    expect(run.stderr).toContain('TWILIO_ACCOUNT_SID must be "AC" followed by 32 hex characters');
    expect(run.stderr).toContain('AUTH_SECRET must be at least 32 characters');
    expect(run.stderr).not.toContain('secret-value-that-is-too-short');
  });

  it('checks as production when NODE_ENV is unset: no AUTH_SECRET and no APP_URL exit 1 naming both, before Next starts', () => {
    const run = npm(['start'], allButSecretAndUrl);
    expectOnlySecretAndUrlNamed(run, 'The portal cannot start.');
    // Next never ran: it prints its name and "Ready" when it starts.
    expect(run.stdout + run.stderr).not.toMatch(/Next\.js|Ready in/);
  });
});

describe('npm run worker', () => {
  it('checks as production when NODE_ENV is unset, and exits 1 naming each missing variable', () => {
    const run = npm(['run', 'worker'], allButSecretAndUrl);
    expectOnlySecretAndUrlNamed(run, 'The worker cannot start.');
    // It stopped before reaching for the database (which is not there).
    expect(run.stdout + run.stderr).not.toContain('worker.database');
  });
});
