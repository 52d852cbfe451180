// The development outbox: what the local Twilio emulator accepted. Only
// available when the portal is pointed at an emulator; production has none.
import 'server-only';

import { z } from 'zod';

import { env } from '@/lib/env';

const outboxEntry = z.object({
  sid: z.string(),
  from: z.string(),
  to: z.string(),
  body: z.string().nullable().optional(),
  status: z.string(),
  errorCode: z.number().nullable().optional(),
  contentSid: z.string().nullable().optional(),
  /** A WhatsApp template's variables as JSON (time, date, link…), shown in the dev outbox. */
  contentVariables: z.string().nullable().optional(),
  dateCreated: z.string(),
});

export type OutboxEntry = z.infer<typeof outboxEntry>;

export function emulatorInUse(): boolean {
  return Boolean(env().TWILIO_EMULATOR_URL);
}

export async function fetchEmulatorOutbox(): Promise<OutboxEntry[]> {
  const base = env().TWILIO_EMULATOR_URL;
  if (!base) return [];
  const res = await fetch(new URL('/__emulator/messages', base), { cache: 'no-store' });
  if (!res.ok) throw new Error(`The Twilio emulator answered ${res.status}`);
  const entries = z.array(outboxEntry).parse(await res.json());
  return entries.sort((a, b) => b.dateCreated.localeCompare(a.dateCreated));
}
