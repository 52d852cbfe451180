// Settings that a process keeps in memory (reminder settings and templates,
// the clinic's contact details and time zone, the Twilio account snapshot,
// prices) are dropped in every process within moments of a change anywhere.
//
// Settings stored in the database announce themselves: triggers send
// `settings_changed` with the table and the clinic id (never the values) in the
// transaction that changes them, so the notice goes out on commit. Settings
// read from Twilio are announced by the process that notices a change
// (announceSettingsChanged).
import 'server-only';

import { randomUUID } from 'node:crypto';

import { z } from 'zod';

import { db } from '@/lib/db/client';
import { notifyChannel } from '@/lib/db/queries/notify';
import { runStatement } from '@/lib/db/queries/run-query';
import { errorFields, log } from '@/lib/log/logger';

import { isListening, listenForNotices } from './notify-listener';

export const SETTINGS_CHANNEL = 'settings_changed';

/** A table name for database settings; `account` and `rates` for Twilio's. */
export type SettingsChange = { setting: string; clinicId: string | null };

const changeSchema = z.object({
  setting: z.string().max(100),
  clinicId: z.string().max(100).nullable(),
  origin: z.string().max(100).optional(),
});

/** Marks this process's own announcements: it has already acted on them. */
const ORIGIN = randomUUID();

type Forget = (change: SettingsChange | 'everything') => void;

const globalForSettings = globalThis as unknown as {
  settingsWatchers?: { forgetters: Set<Forget>; listening: Promise<void> | null };
};

function watchers() {
  globalForSettings.settingsWatchers ??= { forgetters: new Set(), listening: null };
  return globalForSettings.settingsWatchers;
}

function forgetAll(change: SettingsChange | 'everything'): void {
  for (const forget of watchers().forgetters) forget(change);
}

/**
 * Registers a cache's `forget` and starts following changes (once per process).
 * Returns true while changes are arriving: only then may a cache trust itself.
 */
export function watchSettings(forget: Forget): boolean {
  const w = watchers();
  w.forgetters.add(forget);
  w.listening ??= listenForNotices(SETTINGS_CHANNEL, {
    notice: (payload) => {
      const parsed = changeSchema.safeParse(safeJson(payload));
      if (!parsed.success) return forgetAll('everything');
      const { origin, ...change } = parsed.data;
      if (origin !== ORIGIN) forgetAll(change);
    },
    reset: () => forgetAll('everything'),
  }).then(() => undefined);
  return isListening();
}

/** Resolves once this process follows changes (tests; a cache need not wait). */
export async function settingsWatchReady(): Promise<void> {
  await watchers().listening;
}

/** Tells every process (this one included) that a setting held outside the database changed. */
export async function announceSettingsChanged(change: SettingsChange): Promise<void> {
  try {
    const payload = JSON.stringify({ ...change, origin: ORIGIN });
    await runStatement(db(), notifyChannel, [SETTINGS_CHANNEL, payload]);
  } catch (err) {
    // The others fall back on their own expiry times.
    log.warn('settings.announce_failed', { setting: change.setting, ...errorFields(err) });
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
