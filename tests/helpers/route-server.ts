// Serves Next route handlers over plain HTTP, so the Twilio emulator can call
// the portal's webhooks (signed status callbacks) in integration tests and the
// benchmark without a Next server. Each handler gets a NextRequest built from
// the incoming request, as Next would give it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { NextRequest } from 'next/server';

export type RouteHandler = (
  request: NextRequest,
  segment: { params: Promise<Record<string, never>> },
) => Promise<Response>;

export interface RouteServer {
  url: string;
  server: Server;
  /** Requests answered, by path. */
  hits: Map<string, number>;
  /** Path and status of every request answered, in order. */
  answered: Array<{ path: string; status: number }>;
  close(): Promise<void>;
}

export async function startRouteServer(routes: Record<string, RouteHandler>): Promise<RouteServer> {
  const hits = new Map<string, number>();
  const answered: RouteServer['answered'] = [];
  let base = '';
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', base);
        const handler = routes[url.pathname];
        hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
        if (!handler || req.method !== 'POST') {
          answered.push({ path: url.pathname, status: 404 });
          res.writeHead(404).end();
          return;
        }
        const headers = new Headers();
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
        const request = new NextRequest(url, { method: 'POST', headers, body: Buffer.concat(chunks) });
        try {
          const response = await handler(request, { params: Promise.resolve({}) });
          const body = Buffer.from(await response.arrayBuffer());
          answered.push({ path: url.pathname, status: response.status });
          res.writeHead(response.status, Object.fromEntries(response.headers)).end(body);
        } catch {
          answered.push({ path: url.pathname, status: 500 });
          res.writeHead(500).end();
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    server,
    hits,
    answered,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
