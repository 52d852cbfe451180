// The counters behind every limit, in PostgreSQL so that all server instances
// share them. Each operation is one SQL statement: the row lock PostgreSQL takes
// for INSERT … ON CONFLICT DO UPDATE serialises concurrent requests, so two
// instances counting at the same moment count twice, and a wait set by one is
// seen by the other. The clock is passed in (tests move it; the routes use now).
import 'server-only';

import { createHmac } from 'node:crypto';

import { authSecret } from '@/lib/auth/auth-secret';
import type pg from 'pg';

import { db, preparedQuery, type Db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';

import type { RatePolicy, ThrottlePolicy } from './policies';

/** The database a limit is kept in: the app's client, or a second one in tests (another instance). */
export type BucketDb = Pick<Db, '$queryRaw' | '$executeRaw'>;

/**
 * A bucket's key: the policy's name and a keyed hash of the subject, so the
 * table holds no address or email, and the same subject always finds its row.
 */
export function bucketKey(policy: { name: string }, ...subject: string[]): string {
  const digest = createHmac('sha256', authSecret())
    .update(`rate-limit\0${policy.name}\0${subject.join('\0')}`)
    .digest('base64url')
    .slice(0, 32);
  return `${policy.name}:${digest}`;
}

const ts = (d: Date) => Prisma.sql`${d}::timestamp(3)`;
const plusMs = (d: Date, ms: Prisma.Sql | number) =>
  Prisma.sql`(${ts(d)} + (${ms})::double precision * interval '1 millisecond')`;

export type ThrottleOutcome = {
  /** False: refused without counting, because an earlier wait has not ended. */
  allowed: boolean;
  /** Attempts counted in a row (this one included when allowed). */
  hits: number;
  /** When the next attempt may be made, if a wait is running (set by this attempt or an earlier one). */
  blockedUntil: Date | null;
};

/**
 * Counts one attempt against a throttle, or refuses it while a wait runs. The
 * attempt that goes past `free` is still made; the wait starts after it.
 */
export async function throttleAttempt(
  key: string,
  policy: ThrottlePolicy,
  now: Date,
  options: { accountId?: string | null; store?: BucketDb } = {},
): Promise<ThrottleOutcome> {
  const store = options.store ?? db();
  const { free, baseBlockMs, maxBlockMs, quietMs } = policy;
  const blocked = Prisma.sql`(b."blockedUntil" IS NOT NULL AND b."blockedUntil" > ${ts(now)})`;
  // The count this attempt makes: restarted once the quiet period has passed.
  const next = Prisma.sql`(CASE WHEN b."windowEndsAt" <= ${ts(now)} THEN 1 ELSE b.hits + 1 END)`;
  const waitMs = (n: Prisma.Sql) =>
    Prisma.sql`LEAST(${baseBlockMs}::double precision * power(2, (${n}) - ${free} - 1), ${maxBlockMs})`;
  const until = (n: Prisma.Sql) =>
    Prisma.sql`(CASE WHEN (${n}) > ${free} THEN ${plusMs(now, waitMs(n))} END)`;
  const first = Prisma.sql`1`;
  const rows = await store.$queryRaw<{ hits: number; blockedUntil: Date | null; lastRefused: boolean }[]>`
    INSERT INTO "RateLimitBucket" AS b ("key", "accountId", "hits", "windowEndsAt", "blockedUntil", "lastRefused", "updatedAt")
    VALUES (${key}, ${options.accountId ?? null}, 1,
            ${plusMs(now, quietMs)} + COALESCE(${until(first)} - ${ts(now)}, interval '0'),
            ${until(first)}, false, ${ts(now)})
    ON CONFLICT ("key") DO UPDATE SET
      "lastRefused" = ${blocked},
      "hits" = CASE WHEN ${blocked} THEN b.hits ELSE ${next} END,
      "blockedUntil" = CASE WHEN ${blocked} THEN b."blockedUntil" ELSE ${until(next)} END,
      "windowEndsAt" = CASE WHEN ${blocked} THEN b."windowEndsAt"
                            ELSE COALESCE(${until(next)}, ${ts(now)}) + ${quietMs}::double precision * interval '1 millisecond' END,
      "accountId" = COALESCE(b."accountId", EXCLUDED."accountId"),
      "updatedAt" = ${ts(now)}
    RETURNING "hits", "blockedUntil", "lastRefused"`;
  const row = rows[0]!;
  return {
    allowed: !row.lastRefused,
    hits: row.hits,
    blockedUntil: row.blockedUntil && row.blockedUntil > now ? row.blockedUntil : null,
  };
}

/**
 * Takes back an attempt that turned out not to be a failure (a right password
 * that still needs its code, or a refusal by another throttle): one fewer in the
 * count, and no wait once the count is back within what is free.
 */
export async function refundAttempt(
  key: string,
  policy: ThrottlePolicy,
  store: BucketDb = db(),
): Promise<void> {
  await store.$executeRaw`
    UPDATE "RateLimitBucket"
    SET "hits" = GREATEST("hits" - 1, 0),
        "blockedUntil" = CASE WHEN "hits" - 1 > ${policy.free} THEN "blockedUntil" END
    WHERE "key" = ${key}`;
}

/** Forgets a bucket: a successful sign-in clears the throttle on the network and account it came from. */
export async function forgetBucket(key: string, store: BucketDb = db()): Promise<void> {
  await store.$executeRaw`DELETE FROM "RateLimitBucket" WHERE "key" = ${key}`;
}

/** The wait still running on any of these buckets (the longest), or null. */
export async function runningWait(keys: string[], now: Date, store: BucketDb = db()): Promise<Date | null> {
  if (keys.length === 0) return null;
  const rows = await store.$queryRaw<{ until: Date | null }[]>`
    SELECT max("blockedUntil") AS "until" FROM "RateLimitBucket"
    WHERE "key" IN (${Prisma.join(keys)}) AND "blockedUntil" > ${ts(now)}`;
  return rows[0]?.until ?? null;
}

/** Marks a bucket live until `until` (a network the account signed in from). */
export async function markBucket(
  key: string,
  until: Date,
  now: Date,
  options: { accountId?: string | null; store?: BucketDb } = {},
): Promise<void> {
  const store = options.store ?? db();
  await store.$executeRaw`
    INSERT INTO "RateLimitBucket" AS b ("key", "accountId", "hits", "windowEndsAt", "updatedAt")
    VALUES (${key}, ${options.accountId ?? null}, 0, ${ts(until)}, ${ts(now)})
    ON CONFLICT ("key") DO UPDATE SET "windowEndsAt" = EXCLUDED."windowEndsAt", "updatedAt" = EXCLUDED."updatedAt"`;
}

/** Whether a bucket set by markBucket is still live. */
export async function isMarked(key: string, now: Date, store: BucketDb = db()): Promise<boolean> {
  const rows = await store.$queryRaw<{ live: boolean }[]>`
    SELECT true AS "live" FROM "RateLimitBucket" WHERE "key" = ${key} AND "windowEndsAt" > ${ts(now)}`;
  return rows.length > 0;
}

export type RateCount = { key: string; policy: RatePolicy };
export type RateOutcome = { allowed: boolean; retryAt: Date | null };

/** Another instance's pool, in tests; the app's own pool otherwise. */
export type RequestCountPool = Pick<pg.Pool, 'query'>;

// Timestamps travel as ISO strings read as UTC: the columns are plain timestamp(3) in UTC.
const NOW = `($1::timestamptz AT TIME ZONE 'UTC')`;

/** One statement per number of keys (prepared once per connection: this runs on every video request). */
function countSql(keys: number): string {
  const rows = Array.from(
    { length: keys },
    (_, i) =>
      `($${2 + 2 * i}, 1, ${NOW} + $${3 + 2 * i}::double precision * interval '1 millisecond', false, ${NOW})`,
  );
  return `
    INSERT INTO "RateLimitBucket" AS b ("key", "hits", "windowEndsAt", "lastRefused", "updatedAt")
    VALUES ${rows.join(', ')}
    ON CONFLICT ("key") DO UPDATE SET
      "hits" = CASE WHEN b."windowEndsAt" <= EXCLUDED."updatedAt" THEN 1 ELSE b.hits + 1 END,
      "windowEndsAt" = CASE WHEN b."windowEndsAt" <= EXCLUDED."updatedAt" THEN EXCLUDED."windowEndsAt" ELSE b."windowEndsAt" END,
      "updatedAt" = EXCLUDED."updatedAt"
    RETURNING "key", "hits", "windowEndsAt" AT TIME ZONE 'UTC' AS "windowEndsAt"`;
}

/**
 * Counts one request against several rate limits at once (one prepared
 * statement on the pg pool, keys locked in a fixed order so concurrent requests
 * cannot deadlock). Refused when any limit is past; `retryAt` is when the last
 * of those windows ends.
 */
export async function countRequest(
  counts: RateCount[],
  now: Date,
  pool?: RequestCountPool,
): Promise<RateOutcome> {
  const sorted = [...counts].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (sorted.length === 0) return { allowed: true, retryAt: null };
  const name = `rate-limit-count-${sorted.length}`;
  const text = countSql(sorted.length);
  const values = [now.toISOString(), ...sorted.flatMap((c) => [c.key, c.policy.windowMs])];
  type Row = { key: string; hits: number; windowEndsAt: Date };
  const rows = pool
    ? (await pool.query<Row>({ name, text, values })).rows
    : await preparedQuery<Row>(name, text, values);
  let retryAt: Date | null = null;
  for (const row of rows) {
    const policy = sorted.find((c) => c.key === row.key)!.policy;
    if (row.hits > policy.limit && (!retryAt || row.windowEndsAt > retryAt)) retryAt = row.windowEndsAt;
  }
  return { allowed: retryAt === null, retryAt };
}

/** Deletes buckets whose count and wait have both run out (the hourly purge job). */
export async function pruneRateLimitBuckets(now = new Date(), store: BucketDb = db()): Promise<number> {
  return store.$executeRaw`
    DELETE FROM "RateLimitBucket"
    WHERE "windowEndsAt" < ${ts(now)} AND ("blockedUntil" IS NULL OR "blockedUntil" < ${ts(now)})`;
}
