// Messages per month for the costs page (lib/costs/read-message-usage.ts), and
// the presence checks that let it read a database with older migrations.
import 'server-only';

import type { ReminderMessage } from '@/lib/db/generated/client';

import { defineQuery } from './define-query';

/** $1 a table's regclass text, such as 'public."ReminderMessage"'. */
export const tablePresent = defineQuery<{ present: boolean }>(
  'table-present',
  `
    SELECT to_regclass($1) IS NOT NULL AS present`,
  { present: 'bool' },
);

/** $1 table, $2 column. */
export const columnPresent = defineQuery<{ present: boolean }>(
  'column-present',
  `
    SELECT EXISTS (
      SELECT 1 FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = $1 AND column_name = $2
    ) AS present`,
  { present: 'bool' },
);

export type MessageUsageRow = Pick<ReminderMessage, 'channel' | 'status'> & {
  /** YYYY-MM */
  month: string;
  messages: number;
  segments: ReminderMessage['segments'];
  /** Messages whose segments were not recorded. */
  estimated: number;
};

const usageColumns = {
  month: 'text',
  channel: 'text',
  status: 'text',
  messages: 'int4',
  segments: 'int4',
  estimated: 'int4',
} as const;

const usageSql = (segments: string, estimated: string) => `
    SELECT to_char(date_trunc('month', COALESCE("acceptedAt", "failedAt")), 'YYYY-MM') AS month,
            channel::text AS channel, status::text AS status,
            count(*)::int AS messages,
            ${segments} AS segments,
            ${estimated} AS estimated
       FROM "ReminderMessage"
      WHERE COALESCE("acceptedAt", "failedAt") >= $1 AND COALESCE("acceptedAt", "failedAt") < $2
        -- Implied by the line above, but it lets the acceptedAt and failedAt indexes find the
        -- report's months instead of reading every message ever sent.
        AND ("acceptedAt" >= $1 OR "failedAt" >= $1)
      GROUP BY 1, 2, 3`;

/** $1 start, $2 end, $3 segments counted for an SMS whose count was not recorded. */
export const messageUsage = defineQuery<MessageUsageRow>(
  'message-usage',
  usageSql(`sum(COALESCE("segments", $3::int))::int`, `count(*) FILTER (WHERE "segments" IS NULL)::int`),
  usageColumns,
);

/** $1 start, $2 end: for a database from before ReminderMessage.segments. */
export const messageUsageWithoutSegments = defineQuery<MessageUsageRow>(
  'message-usage-without-segments',
  usageSql('NULL::int', 'count(*)::int'),
  usageColumns,
);

export type ReplyUsageRow = { month: string; messages: number };

/** $1 start, $2 end: patients' WhatsApp replies per month. */
export const whatsappRepliesByMonth = defineQuery<ReplyUsageRow>(
  'whatsapp-replies-by-month',
  `
      SELECT to_char(date_trunc('month', "receivedAt"), 'YYYY-MM') AS month, count(*)::int AS messages
        FROM "InboundReply"
       WHERE channel::text = 'WHATSAPP' AND "receivedAt" >= $1 AND "receivedAt" < $2
       GROUP BY 1`,
  { month: 'text', messages: 'int4' },
);
