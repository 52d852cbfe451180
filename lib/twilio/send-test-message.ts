import 'server-only';

// Test messages from the readiness page: plain text by SMS or WhatsApp, to a
// number the admin typed, with their status callbacks sent to the readiness
// route. (Reminders go through send-message.ts; a test must not look like one.)
import { twilioClient, type TwilioClient } from './client';
import { toTwilioError } from './errors';

export interface TestMessage {
  /** "+61…" for SMS, "whatsapp:+61…" for WhatsApp. */
  to: string;
  from: string;
  body: string;
  statusCallback: string;
}

export async function sendTestMessage(
  message: TestMessage,
  client: TwilioClient = twilioClient(),
): Promise<{ sid: string; status: string }> {
  try {
    const created = await client.messages.create({
      to: message.to,
      from: message.from,
      body: message.body,
      statusCallback: message.statusCallback,
    });
    return { sid: created.sid, status: created.status };
  } catch (err) {
    throw toTwilioError(err);
  }
}
