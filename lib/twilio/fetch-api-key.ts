import 'server-only';

// One API key by SID (Keys API), or null when the region the client talks to
// does not know it (20404). Keys belong to one Twilio region, so a us1 client
// answering null says the key was made elsewhere.
import { twilioClient, type TwilioClient } from './client';
import { toTwilioError } from './errors';

export interface ApiKeyInfo {
  sid: string;
  friendlyName: string;
  dateCreated: Date;
}

export async function fetchApiKey(
  sid: string,
  client: TwilioClient = twilioClient(),
): Promise<ApiKeyInfo | null> {
  try {
    const key = await client.keys(sid).fetch();
    return { sid: key.sid, friendlyName: key.friendlyName, dateCreated: key.dateCreated };
  } catch (err) {
    const error = toTwilioError(err);
    if (error.code === 20404 || error.status === 404) return null;
    throw error;
  }
}
