// Asks PostgreSQL to parse a statement and describe its result columns without
// running it (the extended protocol's Parse + Describe), so writes, locks and
// notifications can be checked against the schema as safely as reads.
import pg from 'pg';

export type DescribedColumn = { name: string; type: string };

type Field = { name: string; dataTypeID: number };

class Describe implements pg.Submittable {
  fields: Field[] = [];
  constructor(
    private readonly text: string,
    private readonly done: (error: Error | null, fields: Field[]) => void,
  ) {}
  submit(connection: pg.Connection) {
    connection.parse({ name: '', text: this.text, types: [] }, false);
    connection.describe({ type: 'S', name: '' }, false);
    connection.sync();
  }
  handleRowDescription(message: { fields: Field[] }) {
    this.fields = message.fields;
  }
  handleError(error: Error) {
    this.done(error, []);
  }
  handleReadyForQuery() {
    this.done(null, this.fields);
  }
  // Parse and Describe alone never produce rows, but the client may call these.
  handleDataRow() {}
  handleCommandComplete() {}
  handleEmptyQuery() {}
  handlePortalSuspended() {}
}

/** The statement's result columns with PostgreSQL's type names; rejects when the statement does not parse. */
export async function describeStatement(client: pg.Client, text: string): Promise<DescribedColumn[]> {
  const fields = await new Promise<Field[]>((resolve, reject) => {
    client.query(new Describe(text, (error, f) => (error ? reject(error) : resolve(f))));
  });
  if (fields.length === 0) return [];
  const { rows } = await client.query<{ oid: number; typname: string }>(
    'SELECT oid::int AS oid, typname FROM pg_type WHERE oid = ANY($1::oid[])',
    [fields.map((f) => f.dataTypeID)],
  );
  const names = new Map(rows.map((r) => [r.oid, r.typname]));
  return fields.map((f) => ({ name: f.name, type: names.get(f.dataTypeID) ?? `oid ${f.dataTypeID}` }));
}
