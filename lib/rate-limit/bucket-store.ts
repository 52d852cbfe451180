// The counters behind every limit, in PostgreSQL so that all server instances
// share them. Each operation is one SQL statement: the row lock PostgreSQL takes
// for INSERT … ON CONFLICT DO UPDATE serialises concurrent requests, so two
// instances counting at the same moment count twice, and a wait set by one is
// seen by the other. The clock is passed in (tests move it; the routes use now).
import 'server-only';

import { createHmac } from 'node:crypto';

import { authSecret } from '@/lib/env/auth-secret';
import type pg from 'pg';

import { db } from '@/lib/db/client';
import {
  forgetBucketStatement,
  isMarkedQuery,
  markBucketStatement,
  pruneBucketsStatement,
  refundAttemptStatement,
  requestCountQuery,
  type RequestCountRow,
  runningWaitQuery,
  throttleAttemptQuery,
} from '@/lib/db/queries/rate-limit';
import { runPrepared, runQuery, runStatement, type RawRunner } from '@/lib/db/queries/run-query';

import type { RatePolicy, ThrottlePolicy } from './policies';

/** The database a limit is kept in: the app's client, or a second one in tests (another instance). */
export type BucketDb = RawRunner;

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
  const rows = await runQuery(store, throttleAttemptQuery, [
    key,
    options.accountId ?? null,
    now,
    free,
    baseBlockMs,
    maxBlockMs,
    quietMs,
  ]);
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
  await runStatement(store, refundAttemptStatement, [key, policy.free]);
}

/** Forgets a bucket: a successful sign-in clears the throttle on the network and account it came from. */
export async function forgetBucket(key: string, store: BucketDb = db()): Promise<void> {
  await runStatement(store, forgetBucketStatement, [key]);
}

/** The wait still running on any of these buckets (the longest), or null. */
export async function runningWait(keys: string[], now: Date, store: BucketDb = db()): Promise<Date | null> {
  if (keys.length === 0) return null;
  const rows = await runQuery(store, runningWaitQuery, [keys, now]);
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
  await runStatement(store, markBucketStatement, [key, options.accountId ?? null, until, now]);
}

/** Whether a bucket set by markBucket is still live. */
export async function isMarked(key: string, now: Date, store: BucketDb = db()): Promise<boolean> {
  const rows = await runQuery(store, isMarkedQuery, [key, now]);
  return rows.length > 0;
}

export type RateCount = { key: string; policy: RatePolicy };
export type RateOutcome = { allowed: boolean; retryAt: Date | null };

/** Another instance's pool, in tests; the app's own pool otherwise. */
export type RequestCountPool = Pick<pg.Pool, 'query'>;

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
  const query = requestCountQuery(sorted.length);
  const values = [now.toISOString(), ...sorted.flatMap((c) => [c.key, c.policy.windowMs])];
  const rows = pool
    ? (await pool.query<RequestCountRow>({ name: query.name, text: query.text, values })).rows
    : await runPrepared(query, values);
  let retryAt: Date | null = null;
  for (const row of rows) {
    const policy = sorted.find((c) => c.key === row.key)!.policy;
    if (row.hits > policy.limit && (!retryAt || row.windowEndsAt > retryAt)) retryAt = row.windowEndsAt;
  }
  return { allowed: retryAt === null, retryAt };
}

/** Deletes buckets whose count and wait have both run out (the hourly purge job). */
export async function pruneRateLimitBuckets(now = new Date(), store: BucketDb = db()): Promise<number> {
  return runStatement(store, pruneBucketsStatement, [now]);
}
