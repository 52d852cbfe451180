// A stand-in for the portal's public address in emulator tests: records every
// callback the emulator sends (method, path, headers and its parameters, from
// the query for GET and the form body otherwise) and answers with a status.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedCallback = {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  params: Record<string, string>;
};

export type CallbackListener = {
  url: string;
  received: ReceivedCallback[];
  /** Statuses to answer with, first come first served, before `answer` applies. */
  replies: number[];
  close(): Promise<void>;
};

export async function startCallbackListener(
  answer: (path: string) => number = () => 200,
): Promise<CallbackListener> {
  const received: ReceivedCallback[] = [];
  const replies: number[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      const body = Buffer.concat(chunks).toString('utf8');
      const source =
        req.method === 'GET' ? new URL(path, 'http://x').searchParams : new URLSearchParams(body);
      received.push({
        method: req.method ?? '',
        path,
        headers: req.headers,
        params: Object.fromEntries(source),
      });
      res.writeHead(replies.shift() ?? answer(path)).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    replies,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
