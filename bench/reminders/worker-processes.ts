// Real worker processes (scripts/worker.ts) for a reminder bench round: started,
// stopped, or killed as a crash would kill them.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

import { PROJECT_ROOT } from '@/tools/local-database';

/** Starts a worker process and resolves when it says it is working the queues. */
export async function startWorker(workerEnv: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(
    path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'),
    ['--conditions=react-server', path.join(PROJECT_ROOT, 'scripts', 'worker.ts')],
    // Its own process group: `tsx` runs the script in a child node process, and a kill must reach both.
    { stdio: ['ignore', 'pipe', 'inherit'], env: workerEnv, detached: true },
  );
  await new Promise<void>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    child.once('exit', (code, signal) => reject(new Error(`worker exited with ${code ?? signal}`)));
    lines.on('line', (line) => {
      if (line.includes('"worker.started"')) resolve();
    });
  });
  child.stdout!.on('data', () => {});
  return child;
}

/** kill -9 of a worker and everything it started, as a crash or an OOM kill would do it. */
export async function killWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(-child.pid!, 'SIGKILL');
  await exited;
}

export async function stopWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 35_000))]);
}
