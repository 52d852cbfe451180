import 'server-only';

// Is this webhook request really from Twilio? X-Twilio-Signature is checked
// with the official helper against the URL as Twilio called it (publicRequestUrl:
// behind a proxy the server sees another address) and the POSTed form fields,
// keyed with the account's auth token. (lib/video/verify-twilio-callback.ts
// does the same for the room callback, and also accepts its trailing slash.)
import { env } from '@/lib/env';
import { publicRequestUrl } from '@/lib/http/public-url';

import { validateTwilioSignature } from './validate-signature';

export function twilioWebhookSignatureValid(request: Request, params: Record<string, string>): boolean {
  const signature = request.headers.get('x-twilio-signature');
  const authToken = env().TWILIO_AUTH_TOKEN;
  if (!signature || !authToken) return false;
  return validateTwilioSignature({ authToken, url: publicRequestUrl(request), params, signature });
}
