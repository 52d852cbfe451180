// USD amounts as the costs page shows them: cents, or tenths of a cent below 1.
export function formatUsd(amount: number | null): string {
  if (amount === null) return '—';
  const digits = amount !== 0 && Math.abs(amount) < 1 ? 3 : 2;
  return `${amount < 0 ? '−' : ''}US$${Math.abs(amount).toFixed(digits)}`;
}

export function formatQuantity(n: number | null): string {
  return n === null ? '—' : new Intl.NumberFormat('en-AU').format(n);
}

/** "2026-11" → "Nov 2026". */
export function monthLabel(month: string, style: 'short' | 'long' = 'short'): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1, 1)).toLocaleDateString('en-AU', {
    month: style,
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** A per-unit rate: to a hundredth of a cent (0.0515), dollars to the cent (6.50). */
export function formatRate(rate: number | null): string {
  if (rate === null) return 'unknown';
  if (rate >= 1) return `US$${rate.toFixed(2)}`;
  const text = rate.toFixed(4).replace(/0{1,2}$/, '');
  return `US$${text}`;
}
