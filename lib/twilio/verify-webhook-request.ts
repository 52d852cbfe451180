import 'server-only';

// Is this webhook request really from Twilio? The one check for every webhook:
// X-Twilio-Signature, checked with the official helper's algorithm against the
// URL as Twilio called it (publicRequestUrl: behind a proxy the server sees
// another address) and the POSTed form fields, keyed with the account's auth
// token. Without an auth token nothing can be verified, so nothing is accepted.
import { env } from '@/lib/env';
import { publicRequestUrl } from '@/lib/http/public-url';

import { validateTwilioSignature } from './validate-signature';

export type WebhookSignatureOptions = {
  /**
   * The room callback's configured URL ends in "/", and Twilio signs it so.
   * Should the framework ever hand the handler the path without it, the URL
   * as configured is checked too.
   */
  trailingSlash?: boolean;
};

export function twilioWebhookSignatureValid(
  request: Request,
  params: Record<string, string | string[]>,
  options: WebhookSignatureOptions = {},
): boolean {
  const signature = request.headers.get('x-twilio-signature');
  const authToken = env().TWILIO_AUTH_TOKEN;
  if (!signature || !authToken) return false;
  const url = publicRequestUrl(request);
  if (validateTwilioSignature({ authToken, url, params, signature })) return true;
  if (!options.trailingSlash) return false;
  const seen = new URL(url);
  if (seen.pathname.endsWith('/')) return false;
  seen.pathname = `${seen.pathname}/`;
  return validateTwilioSignature({ authToken, url: seen.toString(), params, signature });
}
