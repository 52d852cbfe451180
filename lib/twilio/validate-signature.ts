import 'server-only';

// Checks X-Twilio-Signature on a webhook Twilio sent us, with the official
// helper's algorithm. `url` must be the exact public URL Twilio called
// (scheme, host, port, path and query) and `params` the POST form fields;
// reconstructing that URL behind a proxy is the route handler's job.
import twilio from 'twilio';

export interface SignedRequest {
  authToken: string;
  url: string;
  params: Record<string, string | string[]>;
  signature: string | null | undefined;
}

export function validateTwilioSignature({ authToken, url, params, signature }: SignedRequest): boolean {
  if (!signature || !authToken) return false;
  return twilio.validateRequest(authToken, signature, url, params);
}
