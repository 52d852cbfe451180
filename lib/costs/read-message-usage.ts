import 'server-only';

// WhatsApp messages, SMS segments and failed messages per month, from the
// reminders module's records (ReminderMessage: one row per channel tried;
// InboundReply: patients' replies, which Twilio also charges for on WhatsApp).
// Read with SQL so this works whichever migrations a database has: months
// without those tables count nothing, and `source` says so.
//
// Assumptions, shown on the costs page: every outbound WhatsApp reminder is a
// utility template sent outside a customer-service window (Meta's fee applies);
// an SMS counts the segments Twilio reported (ReminderMessage.segments), or two
// for messages sent before that was recorded.
import { db } from '@/lib/db/client';
import {
  columnPresent,
  messageUsage,
  messageUsageWithoutSegments,
  tablePresent,
  whatsappRepliesByMonth,
} from '@/lib/db/queries/message-usage';
import { runQuery } from '@/lib/db/queries/run-query';

import { guideAssumptions } from './guide-estimate';

export interface MessageUsage {
  whatsapp: number;
  whatsappTemplates: number;
  sms: number;
  failed: number;
}

export interface MessageUsageByMonth {
  months: Record<string, MessageUsage>;
  /** 'reminders' when read from the reminders tables, 'none' when they do not exist. */
  source: 'reminders' | 'none';
  /** Whether every SMS's segments were counted (true), or some estimated from the message count (false). */
  segmentsRecorded: boolean;
}

async function tableExists(name: string): Promise<boolean> {
  const [row] = await runQuery(db(), tablePresent, [`public."${name}"`]);
  return row?.present === true;
}

async function columnExists(table: string, column: string): Promise<boolean> {
  const [row] = await runQuery(db(), columnPresent, [table, column]);
  return row?.present === true;
}

export async function readMessageUsage(range: { start: Date; end: Date }): Promise<MessageUsageByMonth> {
  const months: Record<string, MessageUsage> = {};
  const month = (key: string): MessageUsage =>
    (months[key] ??= { whatsapp: 0, whatsappTemplates: 0, sms: 0, failed: 0 });
  if (!(await tableExists('ReminderMessage'))) return { months, source: 'none', segmentsRecorded: false };

  const hasSegments = await columnExists('ReminderMessage', 'segments');
  const perSms = Number(guideAssumptions.segmentsPerSms);
  const rows = hasSegments
    ? await runQuery(db(), messageUsage, [range.start, range.end, perSms])
    : await runQuery(db(), messageUsageWithoutSegments, [range.start, range.end]);
  let segmentsRecorded = true;
  for (const r of rows) {
    const m = month(r.month);
    if (r.status === 'FAILED') {
      m.failed += r.messages;
      continue;
    }
    // Accepted by Twilio and sent on (sent, delivered, read, undelivered): charged.
    if (!['QUEUED', 'SENT', 'DELIVERED', 'READ', 'UNDELIVERED'].includes(r.status)) continue;
    if (r.channel === 'WHATSAPP') {
      m.whatsapp += r.messages;
      m.whatsappTemplates += r.messages;
    } else {
      m.sms += r.segments ?? r.messages * perSms;
      if (r.estimated > 0) segmentsRecorded = false;
    }
  }

  if (await tableExists('InboundReply')) {
    const replies = await runQuery(db(), whatsappRepliesByMonth, [range.start, range.end]);
    for (const r of replies) month(r.month).whatsapp += r.messages;
  }
  return { months, source: 'reminders', segmentsRecorded };
}
