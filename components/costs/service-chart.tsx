import { formatQuantity, formatUsd, monthLabel } from './format-usd';

export interface ChartPoint {
  /** "2026-11". */
  month: string;
  quantity: number;
  amount: number | null;
  /** The current month's forecast to month end, drawn as an outline above the bar. */
  forecast?: number | null;
}

const width = 360;
const height = 160;
const pad = { top: 18, right: 8, bottom: 24, left: 8 };

/**
 * One service's monthly cost as an inline SVG bar chart, with the same figures
 * in a table for screen readers and for anyone who prefers numbers. No script,
 * no chart library.
 */
export function ServiceChart({
  id,
  title,
  unit,
  points,
}: {
  id: string;
  title: string;
  unit: string;
  points: ChartPoint[];
}) {
  const max = Math.max(0.01, ...points.map((p) => Math.max(p.amount ?? 0, p.forecast ?? 0)));
  const slot = (width - pad.left - pad.right) / Math.max(points.length, 1);
  const barWidth = Math.min(36, slot * 0.6);
  const plotHeight = height - pad.top - pad.bottom;
  const y = (v: number) => pad.top + plotHeight - (v / max) * plotHeight;
  const last = points.at(-1);
  const description = points
    .map(
      (p) =>
        `${monthLabel(p.month, 'long')}: ${formatUsd(p.amount)}${p.forecast != null ? `, forecast ${formatUsd(p.forecast)}` : ''}`,
    )
    .join('; ');

  return (
    <figure
      className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4"
      aria-labelledby={`${id}-title`}
    >
      <figcaption id={`${id}-title`} className="font-semibold">
        {title}{' '}
        <span className="text-sm font-normal text-slate-600">
          this month {formatUsd(last?.amount ?? null)}
          {last?.forecast != null ? `, forecast ${formatUsd(last.forecast)}` : ''}
        </span>
      </figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-svg-title`}
        className="h-auto w-full"
      >
        <title id={`${id}-svg-title`}>{`${title}, cost per month. ${description}.`}</title>
        <line
          x1={pad.left}
          x2={width - pad.right}
          y1={y(0)}
          y2={y(0)}
          className="stroke-slate-400"
          strokeWidth={1}
        />
        {points.map((p, i) => {
          const cx = pad.left + slot * i + slot / 2;
          const amount = p.amount ?? 0;
          return (
            <g key={p.month}>
              {p.forecast != null && p.forecast > amount ? (
                <rect
                  x={cx - barWidth / 2}
                  y={y(p.forecast)}
                  width={barWidth}
                  height={y(amount) - y(p.forecast)}
                  className="fill-none stroke-brand-700"
                  strokeDasharray="4 3"
                  strokeWidth={1.5}
                />
              ) : null}
              <rect
                x={cx - barWidth / 2}
                y={y(amount)}
                width={barWidth}
                height={y(0) - y(amount)}
                className={p.amount === null ? 'fill-slate-200' : 'fill-brand-700'}
              />
              <text
                x={cx}
                y={Math.min(y(Math.max(amount, p.forecast ?? 0)) - 4, y(0) - 4)}
                textAnchor="middle"
                className="fill-slate-800 text-[10px]"
              >
                {formatUsd(p.amount)}
              </text>
              <text x={cx} y={height - 6} textAnchor="middle" className="fill-slate-700 text-[10px]">
                {monthLabel(p.month)}
              </text>
            </g>
          );
        })}
      </svg>
      <details className="text-sm">
        <summary className="cursor-pointer text-brand-700">Show {title.toLowerCase()} as a table</summary>
        <table className="mt-2 w-full text-left">
          <caption className="sr-only">{title} per month</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-1 pr-2">
                Month
              </th>
              <th scope="col" className="py-1 pr-2">
                Used ({unit})
              </th>
              <th scope="col" className="py-1 pr-2">
                Cost
              </th>
              <th scope="col" className="py-1">
                Forecast
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.month} className="border-b border-slate-100">
                <th scope="row" className="py-1 pr-2 font-normal">
                  {monthLabel(p.month, 'long')}
                </th>
                <td className="py-1 pr-2">{formatQuantity(p.quantity)}</td>
                <td className="py-1 pr-2">{formatUsd(p.amount)}</td>
                <td className="py-1">{p.forecast != null ? formatUsd(p.forecast) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
