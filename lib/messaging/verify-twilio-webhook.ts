// Is this webhook really from Twilio? X-Twilio-Signature, checked with the
// official helper against the URL Twilio called (publicRequestUrl: the
// public scheme and host, with the path and query as received) and the form
// fields. Without an auth token nothing can be verified, so nothing is accepted.
import 'server-only';

import { env } from '@/lib/env';
import { publicRequestUrl } from '@/lib/http/public-url';
import { validateTwilioSignature } from '@/lib/twilio/validate-signature';

export function twilioWebhookSignatureValid(request: Request, params: Record<string, string>): boolean {
  const signature = request.headers.get('x-twilio-signature');
  const authToken = env().TWILIO_AUTH_TOKEN;
  if (!signature || !authToken) return false;
  return validateTwilioSignature({ authToken, url: publicRequestUrl(request), params, signature });
}
