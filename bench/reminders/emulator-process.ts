// The Twilio emulator as its own process for a reminder bench round, and its
// control API (outbox, planned message outcomes).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

import { childEnv } from '@/lib/env';
import { randomTwilioCredentials } from '@/scripts/dev-services';
import { PROJECT_ROOT } from '@/tools/local-database';

export const creds = {
  ...randomTwilioCredentials(),
  TWILIO_PHONE_NUMBER: '+61480000001',
  TWILIO_WHATSAPP_FROM: 'whatsapp:+61480000002',
};

export type Outbox = { sid: string; to: string; dateCreated: string; status: string }[];

export async function startEmulator(
  messageStepMs: number,
  latencyMs: number,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'),
    [
      path.join(PROJECT_ROOT, 'scripts', 'twilio-emulator', 'main.ts'),
      '--port',
      '0',
      // name=value: a random secret may start with "-", which would read as an option.
      `--account-sid=${creds.TWILIO_ACCOUNT_SID}`,
      `--auth-token=${creds.TWILIO_AUTH_TOKEN}`,
      `--api-key=${creds.TWILIO_API_KEY}`,
      `--api-secret=${creds.TWILIO_API_SECRET}`,
      `--phone-number=${creds.TWILIO_PHONE_NUMBER}`,
      `--whatsapp-from=${creds.TWILIO_WHATSAPP_FROM}`,
      '--message-step-ms',
      String(messageStepMs),
      '--latency-ms',
      String(latencyMs),
      '--log-level',
      'error',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], env: childEnv() },
  );
  const url = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
    lines.on('line', (line) => {
      const m = /https?:\/\/127\.0\.0\.1:\d+/.exec(line);
      if (m) resolve(m[0]);
    });
  });
  child.stdout!.on('data', () => {});
  return { url, child };
}

export async function control<T>(emulatorUrl: string, p: string, body?: unknown): Promise<T> {
  const res = await fetch(`${emulatorUrl}/__emulator${p}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`emulator ${p}: ${res.status}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** The next WhatsApp message to `to` fails in its status callback (63016); a later one goes through. */
export async function failWhatsAppOnce(emulatorUrl: string, to: string): Promise<void> {
  await control(emulatorUrl, '/message-outcomes', { to, status: 'failed', errorCode: 63016, times: 1 });
}
