// Check results as text for a terminal, and as JSON for machines. Pure.
import { checkGroupLabels, type CheckResult, type CheckStatus } from './types';

const marks: Record<CheckStatus, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL' };

export function formatResultsText(results: CheckResult[]): string {
  const lines: string[] = [];
  let group: string | null = null;
  for (const r of results) {
    if (r.group !== group) {
      group = r.group;
      lines.push('', checkGroupLabels[r.group]);
    }
    lines.push(`  [${marks[r.status]}] ${r.title}`, `         ${r.summary}`);
    if (r.fix) lines.push(`         Fix: ${r.fix}`);
    for (const d of r.details ?? []) lines.push(`         · ${d}`);
  }
  const count = (s: CheckStatus) => results.filter((r) => r.status === s).length;
  lines.push('', `${count('pass')} passed, ${count('warn')} warnings, ${count('fail')} failed.`);
  return lines.join('\n').trimStart();
}

export function formatResultsJson(results: CheckResult[]): string {
  return JSON.stringify(
    {
      ok: results.every((r) => r.status !== 'fail'),
      results: results.map(({ id, title, group, status, summary, fix, details }) => ({
        id,
        title,
        group,
        status,
        summary,
        fix,
        details: details ?? [],
      })),
    },
    null,
    2,
  );
}

/** The CLI's exit code: non-zero when any check failed. */
export function exitCodeFor(results: CheckResult[]): number {
  return results.some((r) => r.status === 'fail') ? 1 : 0;
}
