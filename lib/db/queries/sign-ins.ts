// What an account remembers of its sign-ins (lib/auth/record-login-attempt.ts).
import 'server-only';

import type { User } from '@/lib/db/generated/client';

import { defineQuery, defineStatement } from './define-query';

/** $1 user id, $2 now: one more failed attempt. */
export const recordFailedLoginStatement = defineStatement(
  'record-failed-login',
  `
    UPDATE "User"
    SET "failedLoginCount" = "failedLoginCount" + 1,
        "lastFailedLoginAt" = GREATEST("lastFailedLoginAt", $2::timestamp(3)),
        "updatedAt" = $2::timestamp(3)
    WHERE "id" = $1`,
);

export type FailedSignInsRow = { count: User['failedLoginCount']; latestAt: User['lastFailedLoginAt'] };

/** $1 user id, $2 now: starts the count again and answers what it was, in one statement. */
export const recordSuccessfulLoginQuery = defineQuery<FailedSignInsRow>(
  'record-successful-login',
  `
    UPDATE "User" AS u
    SET "failedLoginCount" = 0, "lastFailedLoginAt" = NULL, "lastLoginAt" = $2::timestamp(3)
    FROM (SELECT "id", "failedLoginCount", "lastFailedLoginAt" FROM "User" WHERE "id" = $1 FOR UPDATE) AS before
    WHERE u."id" = before."id"
    RETURNING before."failedLoginCount" AS "count", before."lastFailedLoginAt" AS "latestAt"`,
  { count: 'int4', latestAt: 'timestamp' },
);
