// How Twilio signs the requests it sends to your webhooks (X-Twilio-Signature):
// HMAC-SHA1 keyed with the account's auth token over the full URL, followed by
// every POST parameter's name and value with the names sorted, base64-encoded.
// For a GET callback the parameters are already in the URL and nothing is appended.
// Written here from that description rather than taken from the helper library,
// so the unit test that checks it against twilio's validateRequest tests two
// independent implementations against each other.
import { createHmac } from 'node:crypto';

export type SignedParams = Record<string, string | readonly string[]>;

export function twilioSignature(authToken: string, url: string, params: SignedParams = {}): string {
  let data = url;
  // Code-unit order, which is what Twilio's "sorted alphabetically, case-sensitive" means in practice.
  for (const name of Object.keys(params).sort()) {
    const value = params[name];
    if (value === undefined) continue;
    // A repeated parameter contributes name+value once per distinct value, values sorted.
    const values = typeof value === 'string' ? [value] : [...new Set(value)].sort();
    for (const v of values) data += name + v;
  }
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}
