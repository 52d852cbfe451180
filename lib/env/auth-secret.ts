// The key that encrypts the session cookie. Production must set AUTH_SECRET
// (lib/env refuses to start without it). In development and tests, when it is
// unset, a random secret is generated once into .data/auth-secret (git-ignored)
// and reused, so sessions survive a dev server restart.
import 'server-only';

import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { env } from '@/lib/env';

let cached: string | undefined;

export function authSecret(): string {
  if (cached) return cached;
  const configured = env().AUTH_SECRET;
  if (configured) return (cached = configured);
  if (env().NODE_ENV === 'production') {
    throw new Error('AUTH_SECRET is required in production.');
  }
  return (cached = developmentSecret());
}

function developmentSecret(): string {
  const dir = path.join(process.cwd(), '.data');
  const file = path.join(dir, 'auth-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dir, { recursive: true });
    try {
      // 'wx': when two processes start at once, the second reads the first's secret.
      writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    return readFileSync(file, 'utf8').trim();
  }
}
