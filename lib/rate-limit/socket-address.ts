// Without a trusted proxy, the client's address is the socket's, and nothing a
// client sends may stand in for it. Next copies the socket's address into
// X-Forwarded-For only when the request has no such header (base-server:
// `??=`), so a client could name any address it liked, dodge every per-network
// limit, or make another network wait. Node announces each request on the
// `http.server.request.start` diagnostics channel before the server's 'request'
// listeners (Next) see it: here the header is set to the socket's address.
// Installed once per server process from instrumentation.ts.
import 'server-only';

import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

const CHANNEL = 'http.server.request.start';
let installed = false;

function useSocketAddress(message: unknown): void {
  const { request, socket } = message as { request: IncomingMessage; socket: Socket };
  const address = socket?.remoteAddress;
  if (address) request.headers['x-forwarded-for'] = address;
  else delete request.headers['x-forwarded-for'];
}

/** With TRUST_PROXY set, the proxy's header is kept (client-address.ts reads its last entry). */
export function installSocketAddressHeader(trustProxy: boolean): void {
  if (trustProxy || installed) return;
  installed = true;
  subscribe(CHANNEL, useSocketAddress);
}
