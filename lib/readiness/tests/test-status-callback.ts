import 'server-only';

// Where Twilio reports a test message's status. The run's id and the leg (the
// first message, or the fallback SMS) ride in the query string, which Twilio
// signs with the rest of the URL: a status that arrives before the portal has
// stored the message's SID (Twilio may call back before its create call returns)
// still finds its run instead of being dropped.
import { appBaseUrl } from '@/lib/http/public-url';
import { READINESS_MESSAGE_STATUS_PATH } from '../../twilio/webhook-routes';

export type TestLeg = 'primary' | 'fallback';
export type TestCallbackRef = { runId: string; leg: TestLeg };

export function testStatusCallbackUrl(runId: string, leg: TestLeg): string {
  const query = new URLSearchParams({ run: runId, leg });
  return `${appBaseUrl()}${READINESS_MESSAGE_STATUS_PATH}?${query}`;
}

/** The run and leg named by a callback URL, or null for anything else. */
export function testCallbackRef(url: URL): TestCallbackRef | null {
  const runId = url.searchParams.get('run');
  const leg = url.searchParams.get('leg');
  if (!runId || !/^[A-Za-z0-9_-]{1,64}$/.test(runId)) return null;
  if (leg !== 'primary' && leg !== 'fallback') return null;
  return { runId, leg };
}
