import 'server-only';

// The phone numbers the account rents, with what each can do.
import { twilioClient, type TwilioClient } from './client';
import { toTwilioError } from './errors';

export interface IncomingNumber {
  sid: string;
  phoneNumber: string;
  sms: boolean;
  voice: boolean;
}

export async function listIncomingNumbers(client: TwilioClient = twilioClient()): Promise<IncomingNumber[]> {
  try {
    const numbers = await client.incomingPhoneNumbers.list({ pageSize: 1000, limit: 1000 });
    return numbers.map((n) => ({
      sid: n.sid,
      phoneNumber: n.phoneNumber,
      sms: n.capabilities?.sms === true,
      voice: n.capabilities?.voice === true,
    }));
  } catch (err) {
    throw toTwilioError(err);
  }
}
