import 'server-only';

// One message's current status at Twilio: for a message whose status
// callbacks never arrived (our server was down when Twilio called).
import { twilioClient, type TwilioClient } from './client';
import { toTwilioError } from './errors';

export async function fetchMessageStatus(
  sid: string,
  client: TwilioClient = twilioClient(),
): Promise<{ sid: string; status: string; errorCode: number | null }> {
  try {
    const m = await client.messages(sid).fetch();
    return { sid: m.sid, status: m.status, errorCode: m.errorCode ?? null };
  } catch (err) {
    throw toTwilioError(err);
  }
}
