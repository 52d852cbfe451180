// Generates the Prisma client (lib/db/generated) without Prisma's native engines.
//
// `prisma generate` runs on WebAssembly but the CLI insists on resolving a
// schema-engine binary at start-up, which it would download from a host these
// machines cannot reach. Generation never calls that binary, so we point the
// variable at an existing file. Migrations never go through this path: they
// run on the Wasm schema engine (scripts/db-migrate.ts), because a dummy
// binary makes `prisma migrate` report success and apply nothing.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const prismaCli = path.join(path.dirname(require.resolve('prisma/package.json')), 'build', 'index.js');

const result = spawnSync(process.execPath, [prismaCli, 'generate', '--schema', 'prisma/schema.prisma'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
});
process.exit(result.status ?? 1);
