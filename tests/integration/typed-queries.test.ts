// Every query in lib/db/queries is checked against the migrated schema without
// running it: PostgreSQL parses and describes the SQL, and the result columns
// it reports (names and types, computed columns included) must be exactly the
// ones the query declares, so a schema change the SQL no longer matches fails
// here rather than in production (decision 008).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { databaseUrl } from '@/lib/db/client';
import type { TypedQuery, TypedStatement } from '@/lib/db/queries/define-query';
import { requestCountQuery } from '@/lib/db/queries/rate-limit';
import { createBoss } from '@/lib/jobs/boss';

import { describeStatement } from '../helpers/describe-statement';

type Registered = TypedQuery<unknown> | TypedStatement;

function isRegistered(value: unknown): value is Registered {
  return (
    typeof value === 'object' &&
    value !== null &&
    'kind' in value &&
    (value.kind === 'query' || value.kind === 'statement') &&
    'text' in value
  );
}

// Every module of the folder, so a query added there is checked without being listed here.
const modules = import.meta.glob<Record<string, unknown>>('../../lib/db/queries/*.ts', { eager: true });
const registered: Registered[] = [
  ...Object.values(modules).flatMap((m) => Object.values(m).filter(isRegistered)),
  // Built per number of keys: the smallest and a larger one.
  requestCountQuery(1),
  requestCountQuery(3),
];

let client: pg.Client;

beforeAll(async () => {
  // pg-boss creates its own tables when it first starts; the metrics query reads them.
  const boss = createBoss(databaseUrl(), { sendOnly: true });
  await boss.start();
  await boss.stop({ graceful: false });
  client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
});

describe('typed queries', () => {
  it('are found in every module of lib/db/queries, each with a name of its own', () => {
    expect(Object.keys(modules).length).toBeGreaterThan(5);
    expect(registered.length).toBeGreaterThan(25);
    const names = registered.map((q) => q.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(registered.map((q) => [q.name, q] as const))(
    '%s parses against the schema and returns exactly the columns it declares',
    async (_name, query) => {
      const columns = await describeStatement(client, query.text);
      if (query.kind === 'statement') return;
      const reported = Object.fromEntries(columns.map((c) => [c.name, c.type]));
      expect(columns.length).toBe(Object.keys(reported).length); // no column name twice
      expect(reported).toEqual(query.columns);
    },
  );

  it('fail on a column the schema does not have', async () => {
    await expect(describeStatement(client, 'SELECT "noSuchColumn" FROM "VideoRoom"')).rejects.toThrow(
      /noSuchColumn/,
    );
  });

  it('report a computed column’s type as PostgreSQL infers it', async () => {
    expect(await describeStatement(client, 'SELECT count(*) AS n, count(*)::int AS m')).toEqual([
      { name: 'n', type: 'int8' },
      { name: 'm', type: 'int4' },
    ]);
  });
});
