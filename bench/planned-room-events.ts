// The room callbacks of one benchmark session, as Twilio sends them: signed,
// some twice, out of order.
import { NextRequest } from 'next/server';
import twilio from 'twilio';

/** The patient's time in each planned session, as attendance must count it. */
export const PLANNED_PATIENT_SECONDS = 3000;

/**
 * Session `r` in room `roomSid`, starting at `base` (ms since the epoch): 50
 * minutes in which the patient drops after 20 minutes and is back 3 minutes later.
 */
export function plannedRoomEvents(
  r: number,
  roomSid: string,
  accountSid: string,
  base: number,
): Record<string, string>[] {
  const events: Record<string, string>[] = [];
  let seq = 0;
  const at = (minute: number) => new Date(base + minute * 60_000).toISOString();
  const ev = (event: string, minute: number, extra: Record<string, string> = {}) =>
    events.push({
      AccountSid: accountSid,
      RoomSid: roomSid,
      RoomName: `bench-${r}`,
      RoomStatus: event === 'room-ended' ? 'completed' : 'in-progress',
      RoomType: 'group',
      StatusCallbackEvent: event,
      Timestamp: at(minute),
      SequenceNumber: String(seq++),
      ...extra,
    });
  const clin = { ParticipantSid: `PA${r}c`, ParticipantIdentity: `clinician:bench${r}` };
  const p1 = { ParticipantSid: `PA${r}p1`, ParticipantIdentity: `patient:bench${r}` };
  const p2 = { ParticipantSid: `PA${r}p2`, ParticipantIdentity: `patient:bench${r}` };
  ev('room-created', -1);
  ev('participant-connected', 0, clin);
  ev('track-added', 0, { ...clin, TrackSid: `MT${r}cv`, TrackKind: 'video' });
  ev('participant-connected', 1, p1);
  ev('track-added', 1, { ...p1, TrackSid: `MT${r}pa`, TrackKind: 'audio' });
  ev('track-added', 1, { ...p1, TrackSid: `MT${r}pv`, TrackKind: 'video' });
  ev('track-removed', 21, { ...p1, TrackSid: `MT${r}pv`, TrackKind: 'video' });
  ev('participant-disconnected', 21, { ...p1, ParticipantDuration: '1200' });
  ev('participant-connected', 24, p2);
  ev('track-added', 24, { ...p2, TrackSid: `MT${r}p2v`, TrackKind: 'video' });
  ev('participant-disconnected', 54, { ...p2, ParticipantDuration: '1800' });
  ev('participant-disconnected', 55, { ...clin, ParticipantDuration: '3300' });
  ev('room-ended', 56, { RoomDuration: '3420' });
  return events;
}

/** As Twilio delivers them: one in ten a second time (its retries), and all shuffled. */
export function asTwilioDelivers<T>(events: T[]): T[] {
  const deliveries = [...events, ...events.filter((_, i) => i % 10 === 0)];
  shuffle(deliveries);
  return deliveries;
}

/** A callback's form body and signature, made before the bench's clock starts. */
export function signedForm(params: Record<string, string>, authToken: string, url: string) {
  return {
    body: new URLSearchParams(params).toString(),
    signature: twilio.getExpectedTwilioSignature(authToken, url, params),
  };
}

/**
 * Posts the signed callbacks to the route handler `concurrency` at a time, as
 * Twilio's servers would; returns how many got each status.
 */
export async function deliverAll(
  signed: { body: string; signature: string }[],
  handler: (request: NextRequest, segment: { params: Promise<Record<string, never>> }) => Promise<Response>,
  url: string,
  concurrency: number,
): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  let cursor = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (cursor < signed.length) {
        const item = signed[cursor++]!;
        const response = await handler(
          new NextRequest(url, {
            method: 'POST',
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              'x-twilio-signature': item.signature,
            },
            body: item.body,
          }),
          { params: Promise.resolve({}) },
        );
        await response.arrayBuffer();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      }
    }),
  );
  return statuses;
}

function shuffle<T>(items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
