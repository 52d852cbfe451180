// Is this request really from Twilio? X-Twilio-Signature is checked with the
// official helper against the URL as Twilio called it (publicRequestUrl) and
// the form fields.
import 'server-only';

import { env } from '@/lib/env';
import { publicRequestUrl } from '@/lib/http/public-url';
import { validateTwilioSignature } from '@/lib/twilio/validate-signature';

export function twilioCallbackSignatureValid(request: Request, params: Record<string, string>): boolean {
  const signature = request.headers.get('x-twilio-signature');
  const authToken = env().TWILIO_AUTH_TOKEN;
  if (!signature || !authToken) return false;
  const url = publicRequestUrl(request);
  if (validateTwilioSignature({ authToken, url, params, signature })) return true;
  // The clinic's callback URL ends in "/", and Twilio signs it so. Should the
  // framework ever hand the handler the path without it, check the URL as configured.
  const seen = new URL(url);
  if (seen.pathname.endsWith('/')) return false;
  seen.pathname = `${seen.pathname}/`;
  return validateTwilioSignature({ authToken, url: seen.toString(), params, signature });
}
