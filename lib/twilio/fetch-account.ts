import 'server-only';

// The account's type (Trial or Full) and status, from the Accounts resource.
import { twilioClient, type TwilioClient } from './client';
import { toTwilioError } from './errors';

export interface TwilioAccountInfo {
  sid: string;
  type: 'Trial' | 'Full';
  status: 'active' | 'suspended' | 'closed';
}

export async function fetchAccount(client: TwilioClient = twilioClient()): Promise<TwilioAccountInfo> {
  try {
    const account = await client.api.v2010.accounts(client.accountSid).fetch();
    return {
      sid: account.sid,
      type: account.type === 'Full' ? 'Full' : 'Trial',
      status: account.status === 'active' ? 'active' : account.status === 'closed' ? 'closed' : 'suspended',
    };
  } catch (err) {
    throw toTwilioError(err);
  }
}
