import 'server-only';

// Every API key the account has in the client's region (never the secrets: Twilio shows those once).
import { twilioClient, type TwilioClient } from './client';
import { toTwilioError } from './errors';
import type { ApiKeyInfo } from './fetch-api-key';

export async function listApiKeys(client: TwilioClient = twilioClient()): Promise<ApiKeyInfo[]> {
  try {
    const keys = await client.keys.list({ pageSize: 1000, limit: 1000 });
    return keys.map((k) => ({ sid: k.sid, friendlyName: k.friendlyName, dateCreated: k.dateCreated }));
  } catch (err) {
    throw toTwilioError(err);
  }
}
