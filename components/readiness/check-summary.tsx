import type { CheckResult } from '@/lib/readiness/types';

/** "11 pass, 2 warnings, 1 fail", announced when the checks finish. */
export function CheckSummary({ results }: { results: CheckResult[] }) {
  const count = (s: CheckResult['status']) => results.filter((r) => r.status === s).length;
  const failed = count('fail');
  return (
    <p
      role="status"
      className={`rounded-md border px-4 py-3 text-sm ${failed > 0 ? 'border-red-300 bg-red-50' : 'border-emerald-300 bg-emerald-50'}`}
    >
      <strong className="font-semibold">{failed > 0 ? 'Not ready to go live.' : 'Ready to go live.'}</strong>{' '}
      {count('pass')} passed, {count('warn')} warning{count('warn') === 1 ? '' : 's'}, {failed} failed.
    </p>
  );
}
