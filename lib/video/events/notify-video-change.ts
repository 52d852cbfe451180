// Tells every server instance that a video session changed, through PostgreSQL
// NOTIFY. Sent inside the transaction that made the change, so listeners hear
// of it only once it is committed. The payload holds the session id and what
// kind of change it was, nothing else: listeners read the state themselves.
import 'server-only';

import type { Db } from '@/lib/db/client';
import { notifyChannel } from '@/lib/db/queries/notify';
import { runStatement } from '@/lib/db/queries/run-query';

export const VIDEO_NOTIFY_CHANNEL = 'video_session';

export type VideoChange =
  'waiting' | 'message' | 'reply' | 'consent' | 'room' | 'attendance' | 'session' | 'link';

export type VideoNotice = { sessionId: string; change: VideoChange | 'resync' };

type Executor = Pick<Db, '$executeRawUnsafe'>;

export async function notifyVideoChange(tx: Executor, sessionId: string, change: VideoChange): Promise<void> {
  await runStatement(tx, notifyChannel, [VIDEO_NOTIFY_CHANNEL, JSON.stringify({ s: sessionId, c: change })]);
}

export function parseVideoNotice(payload: string | undefined): VideoNotice | null {
  if (!payload) return null;
  try {
    const value = JSON.parse(payload) as { s?: unknown; c?: unknown };
    if (typeof value.s !== 'string' || typeof value.c !== 'string') return null;
    return { sessionId: value.s, change: value.c as VideoChange };
  } catch {
    return null;
  }
}
