import 'server-only';

// Messages we sent to one address since a moment, newest first: how a sender
// that lost track of a create call (a timeout, a worker killed mid-call) finds
// out whether Twilio made the message before deciding to send again.
//
// Filtered by To and From at Twilio. Not by DateSent: Twilio sets date_sent
// only once a message has left, so a message still queued, or one that failed
// at once, would be missed. The list is newest first, so paging stops at the
// first message older than `createdSince`.
import type { MessageInstance } from 'twilio/lib/rest/api/v2010/account/message';

import { twilioClient, type TwilioClient } from './client';
import { toTwilioError } from './errors';

export interface SentMessageSummary {
  sid: string;
  to: string;
  from: string;
  status: string;
  errorCode: number | null;
  direction: string;
  dateCreated: Date;
  /** The text Twilio holds (for templates, the rendered template). Compare it, never log it. */
  body: string;
}

const PAGE_SIZE = 50;
const MAX_MESSAGES = 500;

export async function findRecentMessages(
  query: { to: string; from: string; createdSince: Date },
  client: TwilioClient = twilioClient(),
): Promise<SentMessageSummary[]> {
  const found: SentMessageSummary[] = [];
  try {
    // Typed structurally: the helper's first page and its nextPage() have different declared types.
    let page: { instances: MessageInstance[]; nextPage(): Promise<unknown> | undefined } =
      await client.messages.page({
        to: query.to,
        from: query.from,
        pageSize: PAGE_SIZE,
      });
    for (;;) {
      let older = false;
      for (const m of page.instances) {
        if (m.dateCreated.getTime() < query.createdSince.getTime()) {
          older = true;
          break;
        }
        found.push({
          sid: m.sid,
          to: m.to,
          from: m.from,
          status: m.status,
          errorCode: m.errorCode ?? null,
          direction: m.direction,
          dateCreated: m.dateCreated,
          body: m.body ?? '',
        });
      }
      if (older || found.length >= MAX_MESSAGES) break;
      const next = (await page.nextPage()) as typeof page | undefined;
      if (!next) break;
      page = next;
    }
  } catch (err) {
    throw toTwilioError(err);
  }
  return found;
}
