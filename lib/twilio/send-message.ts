import 'server-only';

// Sends one WhatsApp or SMS message through Twilio. The only place the portal
// creates a Message: callers get back the SID and Twilio's first status, or a
// TwilioError (lib/twilio/errors.ts) that says whether trying again can help.
//
// Twilio has no idempotency key for creating a message: a retried create is a
// second message. Callers that must send at most once (lib/reminders/
// send-reminder.ts) record a claim before calling this and, when the outcome is
// unknown (a timeout), look the message up (find-recent-messages.ts) instead of
// calling this again.
import { twilioClient, type TwilioClient } from './client';
import { toTwilioError } from './errors';

export type OutboundMessage =
  | {
      channel: 'SMS';
      /** E.164. */
      to: string;
      from: string;
      body: string;
      statusCallback: string;
    }
  | {
      channel: 'WHATSAPP';
      /** "whatsapp:+61…". */
      to: string;
      from: string;
      /** An approved Content template (HX…) and its variables: outside a 24-hour session WhatsApp accepts nothing else. */
      contentSid: string;
      contentVariables: Record<string, string>;
      statusCallback: string;
    };

export interface AcceptedMessage {
  sid: string;
  /** Twilio's status at creation: queued, accepted, sending, sent, or failed. */
  status: string;
  errorCode: number | null;
  dateCreated: Date | null;
  /** SMS segments Twilio counted (num_segments); null when it did not say. */
  segments: number | null;
}

function segmentCount(value: string | null | undefined): number | null {
  const n = Number(value);
  return value != null && Number.isInteger(n) && n > 0 ? n : null;
}

export async function sendMessage(
  message: OutboundMessage,
  client: TwilioClient = twilioClient(),
): Promise<AcceptedMessage> {
  try {
    const created = await client.messages.create(
      message.channel === 'SMS'
        ? { to: message.to, from: message.from, body: message.body, statusCallback: message.statusCallback }
        : {
            to: message.to,
            from: message.from,
            contentSid: message.contentSid,
            contentVariables: JSON.stringify(message.contentVariables),
            statusCallback: message.statusCallback,
          },
    );
    return {
      sid: created.sid,
      status: created.status,
      errorCode: created.errorCode ?? null,
      dateCreated: created.dateCreated ?? null,
      segments: message.channel === 'SMS' ? segmentCount(created.numSegments) : null,
    };
  } catch (err) {
    throw toTwilioError(err);
  }
}
