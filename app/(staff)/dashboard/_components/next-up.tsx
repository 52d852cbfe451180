'use client';

// The dashboard's "Next" figure, computed against the clock in the browser
// and again every half minute, so an 8:40 appointment is no longer "next" at
// 9:00 however long the page has been open. Once a minute the page's server
// data is refreshed too (new bookings, cancellations, the no-show offers).
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

const TICK_MS = 30_000;
const REFRESH_MS = 60_000;

/** The first start still ahead of `now`, or null. Pure: tested in tests/unit/dashboard-next-up.test.ts. */
export function nextStart(starts: readonly string[], now: number): string | null {
  return starts.find((s) => Date.parse(s) > now) ?? null;
}

export function NextUp({
  starts,
  timeZone,
  serverNow,
}: {
  /** Start times (ISO) of today's appointments that are not cancelled, in order. */
  starts: string[];
  timeZone: string;
  serverNow: number;
}) {
  const router = useRouter();
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), TICK_MS);
    const refresh = setInterval(() => router.refresh(), REFRESH_MS);
    const first = setTimeout(() => setNow(Date.now()), 0);
    return () => {
      clearInterval(tick);
      clearInterval(refresh);
      clearTimeout(first);
    };
  }, [router]);
  const next = nextStart(starts, now);
  const zone = timeZone.split('/').pop()?.replace(/_/g, ' ') ?? timeZone;
  return next ? (
    <>
      {new Intl.DateTimeFormat('en-AU', { timeZone, hour: 'numeric', minute: '2-digit' })
        .format(new Date(next))
        .replace(/\s?([ap])\.?m\.?$/i, ' $1m')
        .toLowerCase()}{' '}
      <span className="text-sm font-normal text-slate-600">({zone} time)</span>
    </>
  ) : (
    <>None left today</>
  );
}
