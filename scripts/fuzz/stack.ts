// What `npm run fuzz` runs against: the production build (.next/, built here
// unless --skip-build), a fresh database with the demo data, the project's
// Twilio emulator with throwaway credentials, and `npm start`'s entry point on
// a free loopback port, its stdout and stderr captured so the run can look for
// planted values in them. Mirrors tests/e2e/global-setup.ts.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

import { PROJECT_ROOT } from '../../tools/local-database';
import { dropDatabase } from '../../tests/helpers/database-admin';
import { startSeededServices, waitForHttp } from '../seeded-services';

const bin = (name: string) => path.join(PROJECT_ROOT, 'node_modules', '.bin', name);

export type FuzzStack = {
  appUrl: string;
  authToken: string;
  actionIds: string[];
  /** Everything the server has written to stdout and stderr so far. */
  logs(): string;
  /** Set when the server process has exited. */
  exited(): { code: number | null; signal: NodeJS.Signals | null } | null;
  stop(): Promise<void>;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export function build(): void {
  const env = { ...process.env };
  delete env.VIDEO_TEST_BUILD;
  delete env.NODE_OPTIONS;
  for (const [cmd, args] of [
    [bin('tsx'), ['scripts/copy-video-processor-assets.ts']],
    [bin('next'), ['build']],
  ] as const) {
    const run = spawnSync(cmd, [...args], { cwd: PROJECT_ROOT, env, stdio: 'inherit' });
    if (run.status !== 0) throw new Error(`${path.basename(cmd)} ${args.join(' ')} failed`);
  }
}

/** The build's server action ids, so that real actions get malformed posts too. */
export function actionIdsOf(distDir: string): string[] {
  const file = path.join(PROJECT_ROOT, distDir, 'server', 'server-reference-manifest.json');
  if (!existsSync(file)) return [];
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { node?: Record<string, unknown> };
  return Object.keys(manifest.node ?? {});
}

export async function startFuzzStack(): Promise<FuzzStack> {
  if (!existsSync(path.join(PROJECT_ROOT, '.next', 'BUILD_ID'))) {
    throw new Error('No production build in .next/: run without --skip-build.');
  }
  const { embedded, databaseUrl, credentials, emulator, serverEnvFor } = await startSeededServices('fuzz');
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const serverEnv: NodeJS.ProcessEnv = {
    ...serverEnvFor(appUrl, port),
    // Set, so /api/metrics answers (401 without the token) rather than hiding behind a 404.
    METRICS_TOKEN: randomBytes(24).toString('base64url'),
    // Everything the server logs, so that a leak at any level is seen.
    LOG_LEVEL: 'debug',
  };
  const output: string[] = [];
  let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const server: ChildProcess = spawn(
    bin('tsx'),
    ['--conditions=react-server', 'scripts/start.ts', '--hostname', '127.0.0.1'],
    { cwd: PROJECT_ROOT, env: serverEnv, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  server.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  server.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  server.on('exit', (code, signal) => (exit = { code, signal }));
  // The job worker, as in production: it creates the job queue, so /api/ready can say ready,
  // and its logs are read for leaks too.
  const worker: ChildProcess = spawn(bin('tsx'), ['--conditions=react-server', 'scripts/worker.ts'], {
    cwd: PROJECT_ROOT,
    env: serverEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  worker.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  worker.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  try {
    await waitForHttp(`${appUrl}/sign-in`, 90_000, () => exit);
    await waitForReady(`${appUrl}/api/ready`, 90_000);
  } catch (err) {
    process.stderr.write(output.join(''));
    server.kill('SIGTERM');
    worker.kill('SIGTERM');
    emulator.process.kill('SIGTERM');
    throw err;
  }

  return {
    appUrl,
    authToken: credentials.TWILIO_AUTH_TOKEN,
    actionIds: actionIdsOf('.next'),
    logs: () => output.join(''),
    exited: () => exit,
    async stop() {
      server.kill('SIGTERM');
      worker.kill('SIGTERM');
      emulator.process.kill('SIGTERM');
      await new Promise<void>((resolve) => {
        if (exit) resolve();
        else server.once('exit', () => resolve());
        setTimeout(resolve, 5000).unref();
      });
      await dropDatabase(databaseUrl).catch(() => {});
      await embedded?.stop();
    },
  };
}

/** Waits until the server says it is ready (database, migrations, job queue, configuration). */
async function waitForReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await fetch(url)
      .then((r) => r.status)
      .catch(() => 0);
    if (status === 200) return;
    if (Date.now() > deadline)
      throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s (last ${status})`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
