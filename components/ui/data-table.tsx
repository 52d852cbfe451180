import type { ReactNode } from 'react';

export type DataColumn<T> = {
  key: string;
  header: string;
  /** The cell's content. */
  cell: (row: T) => ReactNode;
  /** Shown in full on hover (title) when a long value is cut short. */
  title?: (row: T) => string | undefined;
  /** A width class for the column (table-fixed: the others share the rest). */
  width?: string;
  /** Cut long values to one line with an ellipsis (true), or wrap them anywhere (false). */
  truncate?: boolean;
  /** The cell that names the row (a row header for screen readers). */
  rowHeader?: boolean;
  className?: string;
};

/**
 * The list pages' table. Fixed layout, so a very long value (a 100-character
 * name) is cut short with its whole text in a tooltip, or wraps, and never
 * pushes the other columns off the screen; it scrolls sideways only on a
 * screen narrower than `minWidth`.
 */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  minWidth = 'min-w-[32rem]',
}: {
  caption: string;
  columns: DataColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  minWidth?: string;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className={`w-full table-fixed text-left text-sm ${minWidth}`}>
        <caption className="sr-only">{caption}</caption>
        <colgroup>
          {columns.map((c) => (
            <col key={c.key} className={c.width} />
          ))}
        </colgroup>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className="px-3 py-2 font-semibold">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => {
                const content = (
                  <div className={c.truncate ? 'truncate' : 'break-words'} title={c.title?.(row)}>
                    {c.cell(row)}
                  </div>
                );
                const className = `min-w-0 px-3 py-3 align-top ${c.className ?? ''}`;
                return c.rowHeader ? (
                  <th key={c.key} scope="row" className={`${className} font-normal`}>
                    {content}
                  </th>
                ) : (
                  <td key={c.key} className={className}>
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
