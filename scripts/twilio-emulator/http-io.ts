// Reading requests and writing JSON responses on node:http, nothing more.
import type { IncomingMessage, ServerResponse } from 'node:http';

import { newSid } from './formats';
import type { TwilioApiError } from './twilio-api-error';

const maxBodyBytes = 1024 * 1024;

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBodyBytes) throw new BodyTooLargeError('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  // Twilio tags every response with a request id; clients log it when reporting problems.
  res.setHeader('Twilio-Request-Id', newSid('RQ'));
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendTwilioError(
  res: ServerResponse,
  error: TwilioApiError,
  headers: Record<string, string> = {},
): void {
  sendJson(res, error.status, error.toBody(), headers);
}
