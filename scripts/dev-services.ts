// Shared by `npm run dev` and the end-to-end test setup: prepares the database
// (migrated, with demo data) and the local Twilio emulator, and describes the
// environment the web server and worker get.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import readline from 'node:readline';

import { PROJECT_ROOT } from '@/tools/local-database';
import type { ServerEnv } from '@/lib/env';

export type TwilioCredentials = {
  TWILIO_ACCOUNT_SID: string;
  TWILIO_AUTH_TOKEN: string;
  TWILIO_API_KEY: string;
  TWILIO_API_SECRET: string;
  TWILIO_PHONE_NUMBER: string;
  TWILIO_WHATSAPP_FROM: string;
};

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/** A fresh made-up account for an emulator (numbers from ACMA's range for fiction: never a real person's). */
export function randomTwilioCredentials(): TwilioCredentials {
  return {
    TWILIO_ACCOUNT_SID: `AC${hex(16)}`,
    TWILIO_AUTH_TOKEN: hex(16),
    TWILIO_API_KEY: `SK${hex(16)}`,
    TWILIO_API_SECRET: randomBytes(24).toString('base64url'),
    TWILIO_PHONE_NUMBER: '+61491570156',
    TWILIO_WHATSAPP_FROM: 'whatsapp:+61491570157',
  };
}

/**
 * The credentials the emulator accepts: the configured ones when set (so the
 * same validation code runs as in production), otherwise a development set
 * generated once into .data/ (git-ignored).
 */
export async function emulatorCredentials(config: ServerEnv): Promise<TwilioCredentials> {
  const file = path.join(PROJECT_ROOT, '.data', 'twilio-emulator-credentials.json');
  let generated: TwilioCredentials | undefined;
  if (existsSync(file)) generated = JSON.parse(await readFile(file, 'utf8')) as TwilioCredentials;
  if (!generated) {
    generated = randomTwilioCredentials();
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(generated, null, 2), { mode: 0o600 });
  }
  return {
    TWILIO_ACCOUNT_SID: config.TWILIO_ACCOUNT_SID ?? generated.TWILIO_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: config.TWILIO_AUTH_TOKEN ?? generated.TWILIO_AUTH_TOKEN,
    TWILIO_API_KEY: config.TWILIO_API_KEY ?? generated.TWILIO_API_KEY,
    TWILIO_API_SECRET: config.TWILIO_API_SECRET ?? generated.TWILIO_API_SECRET,
    TWILIO_PHONE_NUMBER: config.TWILIO_PHONE_NUMBER ?? generated.TWILIO_PHONE_NUMBER,
    TWILIO_WHATSAPP_FROM: config.TWILIO_WHATSAPP_FROM ?? generated.TWILIO_WHATSAPP_FROM,
  };
}

/** Should `npm run dev` start the emulator? When nothing real is configured, or when asked to. */
export function wantsEmulator(config: ServerEnv): boolean {
  // A Twilio-compatible server is already named: the project's emulator elsewhere, or standard mocks.
  if (config.TWILIO_EMULATOR_URL || config.TWILIO_MOCK_URLS) return false;
  return config.TWILIO_EMULATOR || !config.TWILIO_ACCOUNT_SID || !config.TWILIO_AUTH_TOKEN;
}

/** The emulator's port: TWILIO_EMULATOR_PORT when set, otherwise any free one, so two portals run side by side. */
export function emulatorPort(config: ServerEnv): number {
  return config.TWILIO_EMULATOR_PORT ?? 0;
}

/** A refusal a person can act on; `npm run dev` prints it without a stack trace. */
export class DevSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DevSetupError';
  }
}

/** Whether nothing listens on the port yet (checked the way Next listens: all interfaces). */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/**
 * The web server's port: PORT when it was given (it must be free), otherwise
 * 3000 or the next free one after it, so a second `npm run dev` runs beside the first.
 */
export async function chooseWebPort(preferred: number, explicit: boolean): Promise<number> {
  if (explicit) {
    if (await portIsFree(preferred)) return preferred;
    throw new DevSetupError(
      `Port ${preferred} (PORT) is already in use, perhaps by another \`npm run dev\`. ` +
        'Stop that, or set PORT to a free port, or leave PORT unset to take the next free one.',
    );
  }
  for (let port = preferred; port < preferred + 50 && port <= 65535; port++) {
    if (await portIsFree(port)) return port;
  }
  throw new DevSetupError(`Ports ${preferred} to ${preferred + 49} are all in use; set PORT to a free port.`);
}

/**
 * Folders `next dev` may build into. Next allows one dev server per folder (it
 * locks <folder>/dev/lock), so a second `npm run dev` beside the first takes
 * the spare; next.config.js reads it from NEXT_DEV_DIST_DIR.
 */
export const DEV_DIST_DIRS = ['.next', '.next-dev'] as const;

/** The first folder no running `next dev` holds. */
export function chooseDevDistDir(root: string = PROJECT_ROOT): (typeof DEV_DIST_DIRS)[number] {
  const holders: string[] = [];
  for (const dir of DEV_DIST_DIRS) {
    const holder = devServerHolding(path.join(root, dir, 'dev', 'lock'));
    if (!holder) return dir;
    holders.push(holder);
  }
  throw new DevSetupError(
    `Two \`npm run dev\` already run from this folder (${holders.join(', ')}). Stop one of them first.`,
  );
}

/** The address of the live dev server holding a lock file, or null (none, or left by one that died). */
function devServerHolding(lockFile: string): string | null {
  let info: { pid?: unknown; appUrl?: unknown };
  try {
    info = JSON.parse(readFileSync(lockFile, 'utf8')) as typeof info;
  } catch {
    return null;
  }
  if (typeof info.pid !== 'number') return null;
  try {
    process.kill(info.pid, 0);
  } catch (err) {
    // EPERM: alive, but another user's.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return null;
  }
  return typeof info.appUrl === 'string' ? info.appUrl : `pid ${info.pid}`;
}

export type RunningEmulator = { url: string; process: ChildProcess };

/** Starts scripts/twilio-emulator/main.ts and waits for the line that gives its URL. */
export async function startEmulatorProcess(
  credentials: TwilioCredentials,
  options: { port?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<RunningEmulator> {
  const tsx = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
  const child = spawn(
    tsx,
    [path.join(PROJECT_ROOT, 'scripts', 'twilio-emulator', 'main.ts'), `--port=${options.port ?? 0}`],
    // The credentials go in the child's environment, not its arguments: anyone on the machine
    // can read a process's arguments, and a secret that starts with "-" reads as an option.
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...(options.env ?? process.env), ...credentials } },
  );
  const url = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    const timer = setTimeout(
      () => reject(new DevSetupError('The Twilio emulator did not start within 30 s.')),
      30_000,
    );
    child.once('exit', (code) =>
      reject(
        new DevSetupError(
          `The Twilio emulator stopped before it was ready (exit ${code}). If its port was taken, ` +
            'set TWILIO_EMULATOR_PORT to a free port or leave it unset to take any free one.',
        ),
      ),
    );
    lines.on('line', (line) => {
      const match = line.match(/https?:\/\/127\.0\.0\.1:\d+/);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
  });
  // Keep draining its output so it never blocks on a full pipe.
  child.stdout!.on('data', () => {});
  return { url, process: child };
}
