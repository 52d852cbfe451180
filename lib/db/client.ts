// The one Prisma client. Prisma 7 runs queries through the pg driver adapter
// (no native engine). Secret columns are omitted unless a query asks for them.
import 'server-only';

import { PrismaPg } from '@prisma/adapter-pg';

import { env } from '@/lib/env';
import { log } from '@/lib/log/logger';

import { PrismaClient } from './generated/client';

const SLOW_QUERY_MS = 200;

function createClient(databaseUrl: string) {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: 10 });
  const client = new PrismaClient({
    adapter,
    omit: { user: { passwordHash: true, totpSecret: true } },
    log: [{ emit: 'event', level: 'query' }],
  });
  client.$on('query', (e) => {
    if (e.duration >= SLOW_QUERY_MS) log.warn('db.slow_query', { ms: e.duration, target: e.target });
  });
  return client;
}

export type Db = ReturnType<typeof createClient>;

const globalForDb = globalThis as unknown as { telehealthDb?: Db };

export function databaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set. `npm run dev` starts the embedded database and sets it; in production set DATABASE_URL.',
    );
  }
  return url;
}

/** Lazily created so that importing this module never opens a connection. */
export function db(): Db {
  if (globalForDb.telehealthDb) return globalForDb.telehealthDb;
  const client = createClient(databaseUrl());
  // Dev servers re-evaluate modules on every change; one pool for the process.
  globalForDb.telehealthDb = client;
  return client;
}

export async function disconnectDb(): Promise<void> {
  await globalForDb.telehealthDb?.$disconnect();
  globalForDb.telehealthDb = undefined;
}
