// Which database a command works on: DATABASE_URL when set, otherwise the
// embedded server under .data/ (started for the command when not running).
import 'server-only';

import path from 'node:path';

import { env } from '@/lib/env';

import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres/start-embedded-postgres';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..');

export type DatabaseTarget = { url: string; embedded: EmbeddedPostgres | null };

export async function resolveDatabase(log: (m: string) => void = () => {}): Promise<DatabaseTarget> {
  const configured = env().DATABASE_URL;
  if (configured) return { url: configured, embedded: null };
  const embedded = await startEmbeddedPostgres({ projectRoot: PROJECT_ROOT, log });
  return { url: embedded.url, embedded };
}

/** Hides the password when a URL is shown to a person. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}
