// Two `npm run dev` on one machine run side by side: each starts its own Twilio
// emulator on a free port (or TWILIO_EMULATOR_PORT), and its web server on
// 3000 or the next free port (PORT, when given, must be free and is refused
// plainly when it is not). The emulator is started here the way dev starts it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { parseServerEnv } from '@/lib/env/schema';
import {
  chooseDevDistDir,
  chooseWebPort,
  DevSetupError,
  emulatorPort,
  wantsEmulator,
  portIsFree,
  startEmulatorProcess,
  type RunningEmulator,
  type TwilioCredentials,
} from '@/scripts/dev-services';

import { fakeTwilioEnv } from '../helpers/twilio-test-credentials';

const credentials: TwilioCredentials = fakeTwilioEnv('dev-side-by-side-api-secret', ['d', 'e', 'f']);

const started: RunningEmulator[] = [];
const listening: Server[] = [];

afterEach(async () => {
  for (const e of started.splice(0)) {
    const exited = new Promise((r) => e.process.once('exit', r));
    e.process.kill('SIGTERM');
    await exited;
  }
  for (const s of listening.splice(0)) await new Promise((r) => s.close(r));
});

async function startDevEmulator(env: Record<string, string>): Promise<RunningEmulator> {
  const emulator = await startEmulatorProcess(credentials, {
    port: emulatorPort(parseServerEnv(env)),
    env: { ...process.env, LOG_LEVEL: 'silent' },
  });
  started.push(emulator);
  return emulator;
}

async function health(url: string): Promise<unknown> {
  return (await fetch(`${url}/__emulator/health`)).json();
}

/** Holds a port as another program would, on all interfaces. */
async function occupy(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen({ port: 0 }, resolve));
  listening.push(server);
  return (server.address() as { port: number }).port;
}

describe('two npm run dev on one machine', () => {
  it('each gets its own emulator on a free port, and both answer', async () => {
    const [first, second] = await Promise.all([startDevEmulator({}), startDevEmulator({})]);
    expect(first.url).not.toBe(second.url);
    expect(await health(first.url)).toMatchObject({ ok: true, accountSid: credentials.TWILIO_ACCOUNT_SID });
    expect(await health(second.url)).toMatchObject({ ok: true, accountSid: credentials.TWILIO_ACCOUNT_SID });
  });

  it('hands the emulator its credentials out of sight of ps, even a secret that starts with "-"', async () => {
    const dashed = { ...credentials, TWILIO_API_SECRET: '-dashed-api-key-secret-for-tests' };
    const emulator = await startEmulatorProcess(dashed, { env: { ...process.env, LOG_LEVEL: 'silent' } });
    started.push(emulator);
    expect(emulator.process.spawnargs.join(' ')).not.toContain(dashed.TWILIO_API_SECRET);
    expect(emulator.process.spawnargs.join(' ')).not.toContain(dashed.TWILIO_AUTH_TOKEN);
    const account = (secret: string) =>
      fetch(`${emulator.url}/api.twilio.com/2010-04-01/Accounts/${dashed.TWILIO_ACCOUNT_SID}.json`, {
        headers: {
          authorization: `Basic ${Buffer.from(`${dashed.TWILIO_API_KEY}:${secret}`).toString('base64')}`,
        },
      });
    expect((await account(dashed.TWILIO_API_SECRET)).status).toBe(200);
    expect((await account('not-the-secret')).status).toBe(401);
  });

  it('starts the emulator on TWILIO_EMULATOR_PORT when it is set', async () => {
    const port = await occupy();
    await new Promise((r) => listening.pop()!.close(r)); // now known to be free
    const emulator = await startDevEmulator({ TWILIO_EMULATOR_PORT: String(port) });
    expect(emulator.url).toBe(`http://127.0.0.1:${port}`);
  });

  it('says plainly, without a stack trace, when TWILIO_EMULATOR_PORT is taken', async () => {
    const port = await occupy();
    await expect(startDevEmulator({ TWILIO_EMULATOR_PORT: String(port) })).rejects.toSatisfy(
      (err) => err instanceof DevSetupError && /TWILIO_EMULATOR_PORT/.test(err.message),
    );
  });

  it('gives the second web server the next free port when PORT was left to its default', async () => {
    const taken = await occupy();
    expect(await portIsFree(taken)).toBe(false);
    const chosen = await chooseWebPort(taken, false);
    expect(chosen).toBeGreaterThan(taken);
    expect(await portIsFree(chosen)).toBe(true);
  });

  it('keeps an explicit PORT, and refuses one in use with a sentence naming PORT', async () => {
    const taken = await occupy();
    await expect(chooseWebPort(taken, true)).rejects.toSatisfy(
      (err) => err instanceof DevSetupError && err.message.includes(`Port ${taken} (PORT) is already in use`),
    );
    const free = await occupy();
    await new Promise((r) => listening.pop()!.close(r));
    expect(await chooseWebPort(free, true)).toBe(free);
  });

  it('builds the second dev server into .next-dev, since Next allows one dev server per folder', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'dev-dist-'));
    const hold = (dir: string, pid: number) => {
      mkdirSync(path.join(root, dir, 'dev'), { recursive: true });
      writeFileSync(
        path.join(root, dir, 'dev', 'lock'),
        JSON.stringify({ pid, appUrl: `http://localhost:${dir === '.next' ? 3000 : 3001}` }),
      );
    };
    try {
      expect(chooseDevDistDir(root)).toBe('.next');
      // A lock left by a dev server that died holds nothing.
      hold('.next', 2 ** 22 + 12345);
      expect(chooseDevDistDir(root)).toBe('.next');
      hold('.next', process.pid);
      expect(chooseDevDistDir(root)).toBe('.next-dev');
      hold('.next-dev', process.pid);
      expect(() => chooseDevDistDir(root)).toThrow(/Two `npm run dev` already run from this folder/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('starts no emulator of its own when TWILIO_MOCK_URLS names standard mocks, even without credentials', () => {
    expect(wantsEmulator(parseServerEnv({}))).toBe(true);
    expect(wantsEmulator(parseServerEnv({ TWILIO_MOCK_URLS: 'http://127.0.0.1:4010' }))).toBe(false);
    expect(
      wantsEmulator(
        parseServerEnv({ TWILIO_MOCK_URLS: 'api=http://127.0.0.1:4010,video=http://127.0.0.1:4011' }),
      ),
    ).toBe(false);
  });
});
