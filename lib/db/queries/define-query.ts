// A raw SQL statement with its result row type in one place. The row type is
// derived from Prisma's generated model types (lib/db/generated), so renaming or
// retyping a column fails typecheck; `columns` says which PostgreSQL type each
// result column has, checked against the types allowed for its TypeScript type
// here and against what PostgreSQL reports for the SQL text in
// tests/integration/typed-queries.test.ts, so a schema change that the SQL no
// longer matches fails a test, computed columns included (decision 008).
import 'server-only';

/** Result column types as PostgreSQL names them (pg_type.typname). */
export type PgType =
  | 'text'
  | 'varchar'
  | 'int2'
  | 'int4'
  | 'int8'
  | 'float8'
  | 'numeric'
  | 'bool'
  | 'timestamp'
  | 'timestamptz'
  | 'json'
  | 'jsonb'
  | '_text'
  | '_varchar'
  | 'void';

type Base<T> = Exclude<T, null | undefined>;

// Which PostgreSQL types can produce a value of this TypeScript type. The pg
// driver reads a plain timestamp in the process's zone, so a statement run on
// the pool must return timestamptz; through Prisma either is read as UTC.
type PgTypeOf<T, Timestamp extends PgType> =
  Base<T> extends string
    ? 'text' | 'varchar'
    : Base<T> extends number
      ? 'int2' | 'int4' | 'float8'
      : Base<T> extends boolean
        ? 'bool'
        : Base<T> extends Date
          ? Timestamp
          : Base<T> extends bigint
            ? 'int8'
            : Base<T> extends readonly string[]
              ? '_text' | '_varchar'
              : 'json' | 'jsonb';

/** Every key of the row, each with a PostgreSQL type that can produce its TypeScript type. */
export type Columns<Row, Timestamp extends PgType = 'timestamp' | 'timestamptz'> = {
  [K in keyof Row]-?: PgTypeOf<Row[K], Timestamp>;
};

export type TypedQuery<Row> = {
  readonly kind: 'query';
  /** Prepared statement name when run on the pool; unique per SQL text. */
  readonly name: string;
  readonly text: string;
  readonly columns: Columns<Row>;
  /** Carries the row type; never set. */
  readonly row?: Row;
};

/** A statement whose result rows are not read (writes, locks, notifications). */
export type TypedStatement = {
  readonly kind: 'statement';
  readonly name: string;
  readonly text: string;
};

/** A query run on the pg pool as a named prepared statement (timestamps leave as timestamptz). */
export function definePreparedQuery<Row>(
  name: string,
  text: string,
  columns: Columns<Row, 'timestamptz'>,
): TypedQuery<Row> {
  return { kind: 'query', name, text, columns };
}

/** A query run through Prisma (`$queryRawUnsafe`), for example inside a transaction. */
export function defineQuery<Row>(name: string, text: string, columns: Columns<Row>): TypedQuery<Row> {
  return { kind: 'query', name, text, columns };
}

export function defineStatement(name: string, text: string): TypedStatement {
  return { kind: 'statement', name, text };
}
