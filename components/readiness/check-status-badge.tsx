import type { CheckStatus } from '@/lib/readiness/types';

// The result in words with a symbol; the colour only repeats what they say.
const styles: Record<CheckStatus, { label: string; symbol: string; className: string }> = {
  pass: { label: 'Pass', symbol: '✓', className: 'border-emerald-700 bg-emerald-50 text-emerald-900' },
  warn: { label: 'Warning', symbol: '!', className: 'border-amber-600 bg-amber-50 text-amber-900' },
  fail: { label: 'Fail', symbol: '✗', className: 'border-red-700 bg-red-50 text-red-900' },
};

export function CheckStatusBadge({ status }: { status: CheckStatus }) {
  const style = styles[status];
  return (
    <span
      className={`inline-flex min-w-20 items-center justify-center gap-1 rounded-full border px-2 py-0.5 text-xs font-semibold ${style.className}`}
    >
      <span aria-hidden="true">{style.symbol}</span>
      {style.label}
    </span>
  );
}
