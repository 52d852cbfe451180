// In production a missing or malformed variable stops the start with a
// message naming the variable (and never printing its value).
import { spawnSync } from 'node:child_process';

import { describe, expect, it } from 'vitest';

describe('npm start', () => {
  it('refuses to start in production without its configuration and names what is missing', () => {
    const run = spawnSync('npm', ['start', '--silent'], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'production',
        TWILIO_ACCOUNT_SID: 'AC-not-a-sid',
        AUTH_SECRET: 'secret-value-that-is-too-short',
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('The portal cannot start.');
    expect(run.stderr).toContain('DATABASE_URL is required in production');
    expect(run.stderr).toContain('TWILIO_ACCOUNT_SID must be "AC" followed by 32 hex characters');
    expect(run.stderr).toContain('AUTH_SECRET must be at least 32 characters');
    expect(run.stderr).not.toContain('secret-value-that-is-too-short');
  });
});
