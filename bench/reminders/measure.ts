// Waiting for a round's outcome and turning its timings into figures.
import type { Outbox } from './emulator-process';

export const say = (m: string) => process.stdout.write(`[bench] ${m}\n`);

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

export const round2 = (n: number) => Math.round(n * 100) / 100;
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/**
 * Time from each WhatsApp failure reaching the portal to the emulator accepting
 * its SMS fallback, sorted; `smsAt` is when each number's SMS was accepted.
 */
export function fallbackLatencies(failureSeenAt: Map<string, number>, smsAt: Map<string, number>): number[] {
  return [...failureSeenAt.entries()]
    .map(([to, at]) => (smsAt.get(to) ?? NaN) - at)
    .filter((n) => Number.isFinite(n))
    .sort((a, b) => a - b);
}

/** When the emulator accepted each SMS, by number. */
export function smsAcceptedAt(outbox: Outbox): Map<string, number> {
  return new Map(
    outbox.filter((m) => !m.to.startsWith('whatsapp:')).map((m) => [m.to, Date.parse(m.dateCreated)]),
  );
}
