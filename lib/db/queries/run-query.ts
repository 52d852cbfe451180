// Runs a typed query or statement: on the pg pool as a named prepared statement
// (hot paths, decision 008), or through a Prisma client or transaction. The
// text is always a constant from this folder and every value a parameter, so
// Prisma's `…Unsafe` calls (plain SQL text rather than a template) are safe here.
import 'server-only';

import { preparedQuery, type Db } from '@/lib/db/client';

import type { TypedQuery, TypedStatement } from './define-query';

export function runPrepared<Row>(query: TypedQuery<Row>, values: unknown[]): Promise<Row[]> {
  return preparedQuery<Row>(query.name, query.text, values);
}

export async function runPreparedStatement(statement: TypedStatement, values: unknown[]): Promise<void> {
  await preparedQuery(statement.name, statement.text, values);
}

/** Any Prisma client or interactive transaction. */
export type RawRunner = Pick<Db, '$queryRawUnsafe' | '$executeRawUnsafe'>;

export function runQuery<Row>(
  client: Pick<RawRunner, '$queryRawUnsafe'>,
  query: TypedQuery<Row>,
  values: unknown[],
): Promise<Row[]> {
  return client.$queryRawUnsafe<Row[]>(query.text, ...values);
}

/** Returns the number of rows the statement changed (or the rows a SELECT returned). */
export function runStatement(
  client: Pick<RawRunner, '$executeRawUnsafe'>,
  statement: TypedStatement,
  values: unknown[],
): Promise<number> {
  return client.$executeRawUnsafe(statement.text, ...values);
}
