import type { ReactNode } from 'react';

import { checkGroupLabels, type CheckGroup, type CheckResult } from '@/lib/readiness/types';

import { CheckStatusBadge } from './check-status-badge';

/**
 * The checks grouped as the go-live guide groups them, each with its result,
 * what was found and the fix in one sentence. `actions` renders controls for a
 * check (the tick box of a manual item).
 */
export function CheckList({
  results,
  actions,
}: {
  results: CheckResult[];
  actions?: (result: CheckResult) => ReactNode;
}) {
  const groups = [...new Set(results.map((r) => r.group))] as CheckGroup[];
  return (
    <div className="flex flex-col gap-8">
      {groups.map((group) => (
        <section key={group} aria-labelledby={`group-${group}`} className="flex flex-col gap-3">
          <h2 id={`group-${group}`} className="text-lg font-semibold">
            {checkGroupLabels[group]}
          </h2>
          <ul className="flex flex-col divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {results
              .filter((r) => r.group === group)
              .map((r) => (
                <li key={r.id} className="flex flex-col gap-1 p-4" data-check={r.id} data-status={r.status}>
                  <div className="flex flex-wrap items-center gap-3">
                    <CheckStatusBadge status={r.status} />
                    <h3 className="font-medium">{r.title}</h3>
                  </div>
                  <p className="text-sm text-slate-800">{r.summary}</p>
                  {r.fix ? (
                    <p className="text-sm text-slate-800">
                      <span className="font-semibold">Fix: </span>
                      {r.fix}
                    </p>
                  ) : null}
                  {r.details && r.details.length > 0 ? (
                    <details className="text-sm text-slate-700">
                      <summary className="cursor-pointer text-brand-700">Details</summary>
                      <ul className="mt-1 list-disc pl-5">
                        {r.details.map((d) => (
                          <li key={d}>{d}</li>
                        ))}
                      </ul>
                    </details>
                  ) : null}
                  {actions ? actions(r) : null}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
