import type { ReactNode } from 'react';

export type DataColumn<T> = {
  key: string;
  header: ReactNode;
  /** The cell's content. */
  cell: (row: T) => ReactNode;
  /** The cell that names the row (a row header for screen readers). */
  rowHeader?: boolean;
  /** Classes added to this column's body cells. */
  className?: string;
  /** Classes added to this column's heading. */
  headerClassName?: string;
  /** A width class for the column (layout="fixed": the others share the rest). */
  width?: string;
  /** layout="fixed": cut long values to one line with an ellipsis (true), or wrap them anywhere. */
  truncate?: boolean;
  /** layout="fixed": shown in full on hover (title) when a long value is cut short. */
  title?: (row: T) => string | undefined;
};

// Two looks the pages use: a white box with a grey heading row (lists), and
// ruled lines with no box (figures on the admin pages).
const looks = {
  boxed: {
    wrapper: 'overflow-x-auto rounded-lg border border-slate-200 bg-white',
    table: 'w-full text-left text-sm',
    thead: 'bg-slate-100 text-slate-700',
    headRow: undefined,
    th: 'px-3 py-2 font-semibold',
    tbody: 'divide-y divide-slate-200',
    row: '',
    cell: 'px-3',
  },
  plain: {
    wrapper: 'overflow-x-auto',
    table: 'w-full border-collapse text-left text-sm',
    thead: undefined,
    headRow: 'border-b border-slate-300',
    th: 'py-2 pr-4 last:pr-0',
    tbody: undefined,
    row: 'border-b border-slate-200 align-top',
    cell: 'pr-4 last:pr-0',
  },
} as const;

/**
 * The list pages' table: a caption (visible or for screen readers), a heading
 * row, a row per item, and what to show instead when there are none.
 * layout="fixed" cuts a very long value (a 100-character name) short with its
 * whole text in a tooltip, or wraps it, so it never pushes the other columns
 * off the screen; the table scrolls sideways only on a narrower screen.
 */
export function DataTable<T>({
  caption,
  captionClassName = 'sr-only',
  columns,
  rows,
  rowKey,
  rowClassName,
  empty = null,
  look = 'boxed',
  layout = 'auto',
  dense = false,
  className = '',
  region,
  testId,
}: {
  caption: ReactNode;
  captionClassName?: string;
  columns: DataColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  rowClassName?: (row: T) => string | undefined;
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
  look?: keyof typeof looks;
  layout?: 'auto' | 'fixed';
  /** Shorter rows (py-2 rather than py-3) in the boxed look. */
  dense?: boolean;
  /** Extra classes for the table, such as a minimum width. */
  className?: string;
  /** Names a focusable region, so a keyboard user can scroll a table wider than the screen. */
  region?: string;
  testId?: string;
}) {
  if (rows.length === 0) return <>{empty}</>;
  const s = looks[look];
  const fixed = layout === 'fixed';
  const padY = look === 'plain' || dense ? 'py-2' : 'py-3';
  return (
    <div className={s.wrapper} {...(region ? { role: 'region', 'aria-label': region, tabIndex: 0 } : {})}>
      <table className={`${s.table} ${fixed ? 'table-fixed' : ''} ${className}`} data-testid={testId}>
        <caption className={captionClassName}>{caption}</caption>
        {fixed ? (
          <colgroup>
            {columns.map((c) => (
              <col key={c.key} className={c.width} />
            ))}
          </colgroup>
        ) : null}
        <thead className={s.thead}>
          <tr className={s.headRow}>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={`${s.th} ${c.headerClassName ?? ''}`}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={s.tbody}>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={`${s.row} ${rowClassName?.(row) ?? ''}`.trim() || undefined}>
              {columns.map((c) => {
                const content = fixed ? (
                  <div className={c.truncate ? 'truncate' : 'break-words'} title={c.title?.(row)}>
                    {c.cell(row)}
                  </div>
                ) : (
                  c.cell(row)
                );
                const cellClass = `${s.cell} ${padY} ${fixed ? 'min-w-0 align-top' : ''} ${c.className ?? ''}`;
                return c.rowHeader ? (
                  <th key={c.key} scope="row" className={cellClass}>
                    {content}
                  </th>
                ) : (
                  <td key={c.key} className={cellClass}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
