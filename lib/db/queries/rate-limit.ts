// The rate-limit counters (lib/rate-limit/bucket-store.ts). Times go in as the
// caller's clock: `$n::timestamp(3)` through Prisma, ISO text read as UTC on the pool.
import 'server-only';

import type { RateLimitBucket } from '@/lib/db/generated/client';

import { defineQuery, definePreparedQuery, defineStatement, type TypedQuery } from './define-query';

// Throttle parameters: $1 key, $2 account id, $3 now, $4 free attempts, $5 base wait (ms),
// $6 longest wait (ms), $7 quiet period (ms).
const NOW = `$3::timestamp(3)`;
const BLOCKED = `(b."blockedUntil" IS NOT NULL AND b."blockedUntil" > ${NOW})`;
// The count this attempt makes: restarted once the quiet period has passed.
const NEXT = `(CASE WHEN b."windowEndsAt" <= ${NOW} THEN 1 ELSE b.hits + 1 END)`;
const plusMs = (ms: string) => `(${NOW} + (${ms})::double precision * interval '1 millisecond')`;
const waitMs = (n: string) =>
  `LEAST($5::double precision * power(2, (${n}) - $4::int - 1), $6::double precision)`;
const until = (n: string) => `(CASE WHEN (${n}) > $4::int THEN ${plusMs(waitMs(n))} END)`;

export type ThrottleRow = Pick<RateLimitBucket, 'hits' | 'blockedUntil' | 'lastRefused'>;

/** Counts one attempt, or refuses it (without counting) while a wait runs. */
export const throttleAttemptQuery = defineQuery<ThrottleRow>(
  'rate-limit-throttle',
  `
    INSERT INTO "RateLimitBucket" AS b ("key", "accountId", "hits", "windowEndsAt", "blockedUntil", "lastRefused", "updatedAt")
    VALUES ($1, $2, 1,
            ${plusMs('$7::double precision')} + COALESCE(${until('1')} - ${NOW}, interval '0'),
            ${until('1')}, false, ${NOW})
    ON CONFLICT ("key") DO UPDATE SET
      "lastRefused" = ${BLOCKED},
      "hits" = CASE WHEN ${BLOCKED} THEN b.hits ELSE ${NEXT} END,
      "blockedUntil" = CASE WHEN ${BLOCKED} THEN b."blockedUntil" ELSE ${until(NEXT)} END,
      "windowEndsAt" = CASE WHEN ${BLOCKED} THEN b."windowEndsAt"
                            ELSE COALESCE(${until(NEXT)}, ${NOW}) + $7::double precision * interval '1 millisecond' END,
      "accountId" = COALESCE(b."accountId", EXCLUDED."accountId"),
      "updatedAt" = ${NOW}
    RETURNING "hits", "blockedUntil", "lastRefused"`,
  { hits: 'int4', blockedUntil: 'timestamp', lastRefused: 'bool' },
);

/** $1 key, $2 free attempts: one fewer in the count, and no wait once back within what is free. */
export const refundAttemptStatement = defineStatement(
  'rate-limit-refund',
  `
    UPDATE "RateLimitBucket"
    SET "hits" = GREATEST("hits" - 1, 0),
        "blockedUntil" = CASE WHEN "hits" - 1 > $2::int THEN "blockedUntil" END
    WHERE "key" = $1`,
);

/** $1 key. */
export const forgetBucketStatement = defineStatement(
  'rate-limit-forget',
  `DELETE FROM "RateLimitBucket" WHERE "key" = $1`,
);

/** $1 keys, $2 now: the longest wait still running on any of them. */
export const runningWaitQuery = defineQuery<{ until: RateLimitBucket['blockedUntil'] }>(
  'rate-limit-running-wait',
  `
    SELECT max("blockedUntil") AS "until" FROM "RateLimitBucket"
    WHERE "key" = ANY($1::text[]) AND "blockedUntil" > $2::timestamp(3)`,
  { until: 'timestamp' },
);

/** $1 key, $2 account id, $3 live until, $4 now. */
export const markBucketStatement = defineStatement(
  'rate-limit-mark',
  `
    INSERT INTO "RateLimitBucket" AS b ("key", "accountId", "hits", "windowEndsAt", "updatedAt")
    VALUES ($1, $2, 0, $3::timestamp(3), $4::timestamp(3))
    ON CONFLICT ("key") DO UPDATE SET "windowEndsAt" = EXCLUDED."windowEndsAt", "updatedAt" = EXCLUDED."updatedAt"`,
);

/** $1 key, $2 now: a row when the mark is still live. */
export const isMarkedQuery = defineQuery<{ live: boolean }>(
  'rate-limit-is-marked',
  `
    SELECT true AS "live" FROM "RateLimitBucket" WHERE "key" = $1 AND "windowEndsAt" > $2::timestamp(3)`,
  { live: 'bool' },
);

/** $1 now: buckets whose count and wait have both run out. */
export const pruneBucketsStatement = defineStatement(
  'rate-limit-prune',
  `
    DELETE FROM "RateLimitBucket"
    WHERE "windowEndsAt" < $1::timestamp(3) AND ("blockedUntil" IS NULL OR "blockedUntil" < $1::timestamp(3))`,
);

/** $1 account id, $2 the policy names whose buckets to clear ('name:part' prefixes of the key). */
export const clearAccountWaitsStatement = defineStatement(
  'rate-limit-clear-account',
  `
      DELETE FROM "RateLimitBucket"
      WHERE "accountId" = $1 AND split_part("key", ':', 1) || ':' || split_part("key", ':', 2) = ANY($2::text[])`,
);

export type RequestCountRow = Pick<RateLimitBucket, 'key' | 'hits' | 'windowEndsAt'>;

// Timestamps travel as ISO strings read as UTC: the columns are plain timestamp(3) in UTC.
const POOL_NOW = `($1::timestamptz AT TIME ZONE 'UTC')`;

function requestCountSql(keys: number): string {
  const rows = Array.from(
    { length: keys },
    (_, i) =>
      `($${2 + 2 * i}, 1, ${POOL_NOW} + $${3 + 2 * i}::double precision * interval '1 millisecond', false, ${POOL_NOW})`,
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

const requestCounts = new Map<number, TypedQuery<RequestCountRow>>();

/**
 * $1 now (ISO), then a key and its window (ms) per limit: counts one request
 * against several limits. One statement per number of keys, prepared once per connection.
 */
export function requestCountQuery(keys: number): TypedQuery<RequestCountRow> {
  let query = requestCounts.get(keys);
  if (!query) {
    query = definePreparedQuery<RequestCountRow>(`rate-limit-count-${keys}`, requestCountSql(keys), {
      key: 'text',
      hits: 'int4',
      windowEndsAt: 'timestamptz',
    });
    requestCounts.set(keys, query);
  }
  return query;
}
