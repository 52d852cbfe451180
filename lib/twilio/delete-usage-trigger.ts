import 'server-only';

// Removes a Usage Trigger (when an admin drops or changes a threshold).
import { twilioClient, type TwilioClient } from './client';
import { toTwilioError } from './errors';

export async function deleteUsageTrigger(sid: string, client: TwilioClient = twilioClient()): Promise<void> {
  try {
    await client.usage.triggers(sid).remove();
  } catch (err) {
    throw toTwilioError(err);
  }
}
