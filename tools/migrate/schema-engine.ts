// Prisma's schema engine, run as WebAssembly through the pg driver adapter.
//
// The Prisma CLI would download a native schema-engine binary, which these
// machines cannot reach (docs/decisions/001-migrations-on-wasm-schema-engine.md).
// This drives @prisma/schema-engine-wasm directly. That package's API is
// internal to Prisma, so tests/integration/db-migrate.test.ts covers it, and
// the versions are pinned exactly in package.json.
import 'server-only';

import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';
import pg from 'pg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

// Lets the Wasm report a panic's message instead of crashing on a missing global.
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY ??= {
  set_message(message: string) {
    console.error(`Prisma schema engine panicked: ${message}`);
  },
};

let loaded: Promise<typeof glue.SchemaEngine> | undefined;

async function loadEngineClass(): Promise<typeof glue.SchemaEngine> {
  const require = createRequire(import.meta.url);
  // The package does not export its .wasm file; find it beside the glue module.
  const wasmPath = path.join(
    path.dirname(require.resolve('@prisma/schema-engine-wasm')),
    'schema_engine_bg.wasm',
  );
  const wasmModule = new WebAssembly.Module(await readFile(wasmPath));
  const instance = new WebAssembly.Instance(wasmModule, {
    './schema_engine_bg.js': glue as unknown as WebAssembly.ModuleImports,
  });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  return glue.SchemaEngine;
}

/**
 * pg lets a connectionString override `database`, which would point the
 * adapter's shadow database back at the real one; pass explicit fields.
 */
export function poolConfigFromUrl(databaseUrl: string) {
  const url = new URL(databaseUrl);
  return {
    host: decodeURIComponent(url.hostname) || '127.0.0.1',
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username) || 'postgres',
    password: url.password ? decodeURIComponent(url.password) : undefined,
    database: decodeURIComponent(url.pathname.replace(/^\//, '')) || 'postgres',
    max: 2,
  };
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const CHARACTER_COLUMN = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils

type PgField = { dataTypeID: number };
type Queryable = {
  performIO: (query: unknown) => Promise<{ fields: PgField[] }>;
  queryRaw: (query: unknown) => Promise<{ columnTypes: number[] }>;
};

const charColumns = new AsyncLocalStorage<number[]>();

/**
 * The schema engine introspects PostgreSQL's catalogue, whose internal "char"
 * columns (type OID 18, e.g. pg_constraint.contype) the pg adapter cannot map.
 * Read them as text and tell the engine they are characters, which is what it
 * expects (PostgreSQL 18 lists NOT NULL constraints there, so it meets them).
 */
function readCharColumns<A>(adapter: A): A {
  const q = adapter as unknown as Queryable;
  const performIO = q.performIO.bind(q);
  const queryRaw = q.queryRaw.bind(q);
  q.performIO = async (query) => {
    const result = await performIO(query);
    const found = charColumns.getStore();
    result.fields.forEach((field, i) => {
      if (field.dataTypeID !== PG_CHAR_OID) return;
      field.dataTypeID = PG_TEXT_OID;
      found?.push(i);
    });
    return result;
  };
  q.queryRaw = (query) =>
    charColumns.run([], async () => {
      const result = await queryRaw(query);
      for (const i of charColumns.getStore() ?? []) result.columnTypes[i] = CHARACTER_COLUMN;
      return result;
    });
  return adapter;
}

export type EngineHandle = {
  engine: SchemaEngine;
  /** Frees the engine and its connections. The Wasm keeps a timer alive afterwards, so CLIs exit explicitly. */
  close: () => Promise<void>;
};

export async function openSchemaEngine(
  databaseUrl: string,
  schemaPath: string,
  schemaText: string,
): Promise<EngineHandle> {
  loaded ??= loadEngineClass();
  const SchemaEngineClass = await loaded;
  // Our own pool, so that closing the engine really disconnects (a template
  // database cannot be copied while anyone is connected to it).
  const pool = new pg.Pool(poolConfigFromUrl(databaseUrl));
  const factory = new PrismaPg(pool);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => readCharColumns(await connect());
  factory.connectToShadowDb = () => connectToShadowDatabase(databaseUrl);
  const adapterFactory = bindMigrationAwareSqlAdapterFactory(factory);
  const engine = (await SchemaEngineClass.new(
    { datamodels: [[schemaPath, schemaText]] },
    () => {},
    adapterFactory,
  )) as unknown as SchemaEngine;
  return {
    engine,
    close: async () => {
      engine.free();
      await pool.end();
    },
  };
}

/**
 * The adapter's own shadow database drops the database while its pool is
 * still connected, which fails ("being accessed by other users") and loses
 * the diff. Ours closes the pool first, then drops the database.
 */
async function connectToShadowDatabase(databaseUrl: string) {
  const config = poolConfigFromUrl(databaseUrl);
  const name = `prisma_migrate_shadow_db_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ ...config, database: 'postgres' });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const adapter = await new PrismaPg(new pg.Pool({ ...config, database: name }), {
    disposeExternalPool: true,
  }).connect();
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    const cleaner = new pg.Client({ ...config, database: 'postgres' });
    await cleaner.connect();
    await cleaner.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await cleaner.end();
  };
  return readCharColumns(adapter);
}

export const noFilters = { externalTables: [] as string[], externalEnums: [] as string[] };
