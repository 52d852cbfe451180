// Months as "YYYY-MM" keys (UTC, as Twilio bills), and their bounds. Pure.
export function monthKey(d: Date): string {
  return d.toISOString().slice(0, 7);
}

/** The `count` months ending with the month of `now`, oldest first. */
export function recentMonths(now: Date, count: number): string[] {
  const months: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    months.push(monthKey(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1))));
  }
  return months;
}

export function monthBounds(month: string): { start: Date; end: Date } {
  const [y, m] = month.split('-').map(Number);
  const start = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1));
  const end = new Date(Date.UTC(y ?? 1970, m ?? 1, 1));
  return { start, end };
}
