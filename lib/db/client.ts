// The one Prisma client. Prisma 7 runs queries through the pg driver adapter
// (no native engine). Secret columns are omitted unless a query asks for them.
// The adapter shares its pg pool with preparedQuery(), for hot-path reads.
import 'server-only';

import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

import { env } from '@/lib/env';
import { log } from '@/lib/log/logger';

import { PrismaClient } from './generated/client';

const SLOW_QUERY_MS = 200;

function createClient(pool: pg.Pool) {
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
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

const globalForDb = globalThis as unknown as { telehealthDb?: Db; telehealthPool?: pg.Pool };

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
  const pool = new pg.Pool({ connectionString: databaseUrl(), max: 10 });
  // Dev servers re-evaluate modules on every change; one pool for the process.
  globalForDb.telehealthPool = pool;
  globalForDb.telehealthDb = createClient(pool);
  return globalForDb.telehealthDb;
}

/**
 * A read on a hot path, as a named prepared statement: PostgreSQL plans it
 * once per connection rather than on every call, and planning a query of many
 * joins costs several times more than running it (the video token route's
 * query: 0.28 ms to plan, 0.03 ms to run). Raw pg, so: select timestamps as
 * timestamptz (`col AT TIME ZONE 'UTC'`; pg would read a plain timestamp in the
 * process's local zone) and enums as text. `name` must be unique per SQL text.
 * Called through lib/db/queries (runPrepared), where each query's SQL and row type live.
 */
export async function preparedQuery<Row>(name: string, text: string, values: unknown[]): Promise<Row[]> {
  db();
  const result = await globalForDb.telehealthPool!.query<Row & pg.QueryResultRow>({ name, text, values });
  return result.rows;
}

export async function disconnectDb(): Promise<void> {
  // The adapter ends the shared pool with the client (disposeExternalPool).
  await globalForDb.telehealthDb?.$disconnect();
  globalForDb.telehealthDb = undefined;
  globalForDb.telehealthPool = undefined;
}
