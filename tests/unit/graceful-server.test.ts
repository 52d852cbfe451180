// How a web server instance stops: idle keep-alive connections do not hold it,
// a request in flight is answered first, and one that never ends is cut at the bound.
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterEach, describe, expect, it } from 'vitest';

import { stopGracefully } from '@/lib/ops/graceful-server';
import { isStopping, resetShutdownForTests } from '@/lib/ops/shutdown';

afterEach(() => resetShutdownForTests());

async function listen(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('stopGracefully', () => {
  it('answers the request in flight, closes the idle keep-alive connection, and is not forced', async () => {
    let arrived!: () => void;
    const received = new Promise<void>((resolve) => (arrived = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const ctx = await listen((req, res) => {
      if (req.url !== '/slow') return void res.end('ok');
      arrived();
      void held.then(() => res.end('done'));
    });
    // One idle keep-alive connection left open.
    const agent = new Agent({ keepAlive: true });
    await new Promise<void>((resolve) =>
      request(`${ctx.url}/`, { agent }, (r) => r.resume().on('end', resolve)).end(),
    );
    const answer = new Promise<string>((resolve) =>
      request(`${ctx.url}/slow`, (r) => {
        let text = '';
        r.on('data', (c: Buffer) => (text += c.toString()));
        r.on('end', () => resolve(text));
      }).end(),
    );
    await received;
    const stopped = stopGracefully(ctx.server, { signal: 'SIGTERM', boundMs: 60_000 });
    expect(isStopping()).toBe(true);
    release();
    expect(await answer).toBe('done');
    expect(await stopped).toMatchObject({ forced: false });
    agent.destroy();
  });

  it('cuts a request that never ends once the bound has passed, and says it was forced', async () => {
    let arrived!: () => void;
    const received = new Promise<void>((resolve) => (arrived = resolve));
    const { server, url } = await listen(() => arrived());
    const cut = new Promise<string>((resolve) => {
      const req = request(`${url}/forever`);
      req.on('error', (err) => resolve(err.message));
      req.end();
    });
    await received;
    expect(await stopGracefully(server, { signal: 'SIGTERM', boundMs: 1 })).toMatchObject({ forced: true });
    expect(await cut).toMatch(/socket hang up|ECONNRESET/);
  });
});
