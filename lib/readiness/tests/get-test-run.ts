import 'server-only';

// A test run as the readiness page shows it, with every callback received so
// far. A video test reads the room's events where the video module stores
// them (its status callback route), so the test proves that route receives
// Twilio's callbacks. A test with no answer for too long is reported failed.
import { db } from '@/lib/db/client';
import { describeTwilioCode } from '@/lib/twilio/errors';

export const TEST_TIMEOUT_MS = { VIDEO_ROOM: 60_000, MESSAGE: 5 * 60_000 } as const;

export interface TestRunView {
  id: string;
  kind: 'VIDEO_ROOM' | 'WHATSAPP' | 'SMS' | 'SMS_FALLBACK';
  status: 'RUNNING' | 'PASSED' | 'FAILED';
  outcome: string | null;
  toHint: string | null;
  startedAt: string;
  finishedAt: string | null;
  events: Array<{ at: string; label: string; errorCode: number | null; meaning: string | null }>;
}

const STATUS_ORDER = ['accepted', 'queued', 'sending', 'sent', 'failed', 'undelivered', 'delivered', 'read'];

function statusRank(status: string): number {
  const rank = STATUS_ORDER.indexOf(status);
  return rank === -1 ? STATUS_ORDER.length : rank;
}

export async function getTestRun(id: string, now = new Date()): Promise<TestRunView | null> {
  const run = await db().readinessTestRun.findUnique({
    where: { id },
    include: { events: { orderBy: { receivedAt: 'asc' } } },
  });
  if (!run) return null;

  let events: TestRunView['events'];
  let status = run.status;
  let outcome = run.outcome;
  if (run.kind === 'VIDEO_ROOM') {
    const roomEvents = run.resourceSid
      ? await db().videoRoomEvent.findMany({
          where: { roomSid: run.resourceSid },
          orderBy: { receivedAt: 'asc' },
        })
      : [];
    events = roomEvents.map((e) => ({
      at: e.receivedAt.toISOString(),
      label: e.event,
      errorCode: null,
      meaning: null,
    }));
    if (status === 'RUNNING') {
      const ended = roomEvents.some((e) => e.event === 'room-ended');
      const timedOut = now.getTime() - run.startedAt.getTime() > TEST_TIMEOUT_MS.VIDEO_ROOM;
      if (ended || timedOut) {
        status = ended ? 'PASSED' : 'FAILED';
        outcome = ended
          ? 'The room was created and completed, and Twilio’s status callbacks reached this portal.'
          : 'No room status callbacks arrived within a minute: check TWILIO_STATUS_CALLBACK_URL and that Twilio can reach this server.';
        await db().readinessTestRun.updateMany({
          where: { id, status: 'RUNNING' },
          data: { status, outcome, finishedAt: now },
        });
      }
    }
  } else {
    const fallbackSid = run.fallbackSid;
    // Twilio does not promise callbacks in order ("delivered" can overtake "sent"):
    // show each message's statuses in the order they happen, the fallback SMS after.
    const ordered = [...run.events].sort(
      (a, b) =>
        Number(a.resourceSid === fallbackSid) - Number(b.resourceSid === fallbackSid) ||
        statusRank(a.event) - statusRank(b.event) ||
        a.receivedAt.getTime() - b.receivedAt.getTime(),
    );
    events = ordered.map((e) => ({
      at: e.receivedAt.toISOString(),
      label: `${e.resourceSid === fallbackSid ? 'SMS fallback' : run.kind === 'SMS' ? 'SMS' : 'WhatsApp'}: ${e.event}`,
      errorCode: e.errorCode,
      meaning: e.errorCode ? describeTwilioCode(e.errorCode) : null,
    }));
    if (status === 'RUNNING' && now.getTime() - run.startedAt.getTime() > TEST_TIMEOUT_MS.MESSAGE) {
      status = 'FAILED';
      outcome =
        'No delivery report arrived within five minutes: check that Twilio can reach this server’s status route.';
      await db().readinessTestRun.updateMany({
        where: { id, status: 'RUNNING' },
        data: { status, outcome, finishedAt: now, toNumber: null },
      });
    }
  }
  return {
    id: run.id,
    kind: run.kind,
    status,
    outcome,
    toHint: run.toHint,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? (status === 'RUNNING' ? null : now.toISOString()),
    events,
  };
}

export async function listRecentTestRuns(limit = 8): Promise<TestRunView[]> {
  const runs = await db().readinessTestRun.findMany({
    orderBy: { startedAt: 'desc' },
    take: limit,
    select: { id: true },
  });
  const views = await Promise.all(runs.map((r) => getTestRun(r.id)));
  return views.filter((v): v is TestRunView => v !== null);
}
