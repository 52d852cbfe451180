// Prisma's schema engine, run as WebAssembly through the pg driver adapter.
//
// The Prisma CLI would download a native schema-engine binary, which these
// machines cannot reach (docs/decisions/001-migrations-on-wasm-schema-engine.md).
// This drives @prisma/schema-engine-wasm directly. That package's API is
// internal to Prisma, so tests/integration/db-migrate.test.ts covers it, and
// the versions are pinned exactly in package.json.
import 'server-only';

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';
import pg from 'pg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

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
  const adapterFactory = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));
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

export const noFilters = { externalTables: [] as string[], externalEnums: [] as string[] };
