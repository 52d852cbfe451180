// Where Twilio reports a message's progress. The claim id in the query lets
// the first callback attach a message to its claim even when the worker that
// sent it died before it could record the SID; Twilio signs the whole URL, so
// the query cannot be altered.
import 'server-only';

import { env } from '@/lib/env';

export const MESSAGE_STATUS_PATH = '/api/twilio/messages/status';
export const MESSAGE_INBOUND_PATH = '/api/twilio/messages/inbound';

export function portalBaseUrl(): string {
  const e = env();
  return (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
}

export function messageStatusCallbackUrl(claimId: string): string {
  return `${portalBaseUrl()}${MESSAGE_STATUS_PATH}?claim=${encodeURIComponent(claimId)}`;
}
