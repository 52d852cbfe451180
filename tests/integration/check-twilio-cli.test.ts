// npm run check:twilio: the same checks as the admin page, from a terminal,
// exiting non-zero when any fails, with --json for machines.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startTwilioEmulator, type TwilioEmulator } from '@/scripts/twilio-emulator';

const accountSid = 'AC4123456789abcdef0123456789abcdef';
const authToken = '4123456789abcdef0123456789abcdef';
const apiKey = 'SK4123456789abcdef0123456789abcdef';
const apiSecret = 'a-long-enough-api-key-secret-for-tests';

let emulator: TwilioEmulator;

beforeAll(async () => {
  emulator = await startTwilioEmulator({
    accountSid,
    authToken,
    apiKeys: [{ sid: apiKey, secret: apiSecret }],
    phoneNumbers: ['+61480000021'],
    whatsappSenders: ['whatsapp:+61480000022'],
  });
});

afterAll(async () => {
  await emulator?.stop();
});

function runCli(
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(
    process.execPath,
    [
      join(process.cwd(), 'node_modules/tsx/dist/cli.mjs'),
      '--conditions=react-server',
      'scripts/check-twilio.ts',
      ...args,
    ],
    {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'development',
        LOG_LEVEL: 'silent',
        DATABASE_URL: process.env.DATABASE_URL,
        // Nothing listens here: the webhook probes cannot reach the portal.
        APP_URL: 'http://127.0.0.1:9',
        TWILIO_ACCOUNT_SID: accountSid,
        TWILIO_AUTH_TOKEN: authToken,
        TWILIO_API_KEY: apiKey,
        TWILIO_API_SECRET: apiSecret,
        TWILIO_PHONE_NUMBER: '+61480000021',
        TWILIO_WHATSAPP_FROM: 'whatsapp:+61480000022',
        TWILIO_STATUS_CALLBACK_URL: 'http://127.0.0.1:9/api/appointments/twilio-status-callback/',
        TWILIO_EMULATOR_URL: emulator.url,
        ...extraEnv,
      },
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('check:twilio', () => {
  it('prints JSON with every check and exits 1 when one fails (a Trial account, unreachable webhooks)', async () => {
    emulator.setAccount({ type: 'Trial' });
    const run = await runCli(['--json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as {
      ok: boolean;
      results: Array<{ id: string; status: string; fix: string | null }>;
    };
    expect(report.ok).toBe(false);
    const status = Object.fromEntries(report.results.map((r) => [r.id, r.status]));
    expect(status).toMatchObject({
      'account-type': 'fail',
      'account-status': 'pass',
      'phone-number': 'pass',
      'video-room-region': 'pass',
      'webhook-signatures': 'fail',
      'manual-console-2fa': 'warn',
    });
    expect(report.results.find((r) => r.id === 'account-type')?.fix).toMatch(/Upgrade/);
  }, 60_000);

  it('names an invalid variable and exits 1 without calling Twilio', async () => {
    const run = await runCli([], { TWILIO_API_KEY: 'not-a-key-sid' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('[FAIL] Twilio settings present and well-formed');
    expect(run.stdout).toContain('TWILIO_API_KEY must be "SK" followed by 32 hex characters');
  }, 60_000);

  it('refuses an unknown option with exit code 2', async () => {
    const run = await runCli(['--jsn']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('usage: npm run check:twilio');
  }, 60_000);
});
