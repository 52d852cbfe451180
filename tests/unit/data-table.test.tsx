import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { DataTable, type DataColumn } from '@/components/ui/data-table';

type Row = { id: string; name: string; n: number };
const columns: DataColumn<Row>[] = [
  { key: 'name', header: 'Name', rowHeader: true, className: 'font-normal', cell: (r) => r.name },
  { key: 'n', header: 'Count', headerClassName: 'text-right', cell: (r) => r.n },
];
const rows: Row[] = [
  { id: 'a', name: 'Ada', n: 1 },
  { id: 'b', name: 'Grace', n: 2 },
];

describe('the list pages’ table', () => {
  it('has a caption, column headings, and a row header naming each row', () => {
    const html = renderToString(
      <DataTable caption="People" columns={columns} rows={rows} rowKey={(r) => r.id} />,
    );
    expect(html).toContain('<caption class="sr-only">People</caption>');
    expect(html.match(/<th scope="col"/g)).toHaveLength(2);
    expect(html.match(/<th scope="row"/g)).toHaveLength(2);
    expect(html).toContain('Grace');
  });

  it('shows the empty state instead of a table when there are no rows', () => {
    const html = renderToString(
      <DataTable
        caption="People"
        columns={columns}
        rows={[]}
        rowKey={(r) => r.id}
        empty={<p>No one yet.</p>}
      />,
    );
    expect(html).toBe('<p>No one yet.</p>');
  });

  it('is a focusable named region when asked, so a keyboard can scroll it', () => {
    const html = renderToString(
      <DataTable caption="People" columns={columns} rows={rows} rowKey={(r) => r.id} region="Messages" />,
    );
    expect(html).toMatch(/role="region" aria-label="Messages" tabindex="0"/);
  });

  it('cuts long values short with the whole text as a tooltip in the fixed layout', () => {
    const html = renderToString(
      <DataTable
        caption="People"
        layout="fixed"
        columns={[{ ...columns[0]!, truncate: true, title: (r) => r.name, width: 'w-40' }]}
        rows={rows}
        rowKey={(r) => r.id}
      />,
    );
    expect(html).toContain('<col class="w-40"/>');
    expect(html).toContain('<div class="truncate" title="Ada">Ada</div>');
  });
});
