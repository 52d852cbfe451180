// A local stand-in for the parts of Twilio's REST API the portal uses, for
// development and tests. Never imported by app/ or lib/: the portal reaches it
// only through lib/twilio/client's httpClient seam when TWILIO_EMULATOR_URL is set.
//
//   const emulator = await startTwilioEmulator({ accountSid, authToken, port: 0 });
//   // point createTwilioClient({ …, emulatorUrl: emulator.url }) at it
//   emulator.setMessageOutcome({ to: '+61400000000', status: 'undelivered', errorCode: 30003 });
//   await emulator.stop();
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { CallbackSender } from './callbacks';
import type { ApiKey, EmulatorContext } from './context';
import { createControl, type EmulatorControl } from './control';
import { createControlHandler } from './control-routes';
import { sendJson } from './http-io';
import { createLogger, type LogLevel, type LogSink } from './log';
import { resources } from './resources';
import { Router } from './router';
import { Scheduler } from './scheduler';
import { EmulatorState, type AccountStatus, type AccountType } from './state';
import { createTwilioApiHandler } from './twilio-api';

export type { ApiKey } from './context';
export type { EmulatorControl, FailureInput, OutboxEntry, OutcomeInput, RoomSummary } from './control';
export type { LogEntry, LogLevel, LogSink } from './log';
export { twilioSignature } from './signature';

export interface TwilioEmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  accountSid: string;
  authToken: string;
  apiKeys?: ApiKey[];
  accountType?: AccountType;
  accountStatus?: AccountStatus;
  balance?: number;
  currency?: string;
  /** Numbers the account owns; when given, a message's From must be one of them (21606). */
  phoneNumbers?: string[];
  /** Numbers a Trial account may message. */
  verifiedCallerIds?: string[];
  /** WhatsApp senders ("whatsapp:+61…"); when given, a whatsapp: From must be one of them (63007). */
  whatsappSenders?: string[];
  /** Delay between a message's status steps; default 100 ms. */
  messageStepMs?: number;
  /** Length of a Twilio minute for room timeouts; default 60 000 ms. */
  minuteMs?: number;
  /**
   * Time each REST API request waits before it is handled, standing in for the
   * network and Twilio's own processing (a message create from Australia takes
   * a few hundred ms); default 0. Control requests are never delayed.
   */
  apiLatencyMs?: number;
  callbackAttempts?: number;
  callbackTimeoutMs?: number;
  callbackBackoffMs?: number;
  /** A level for JSON lines on stderr, or a function receiving each entry; default 'silent'. */
  log?: LogLevel | LogSink;
}

export interface TwilioEmulator extends EmulatorControl {
  /** Base URL, e.g. http://127.0.0.1:43125; Twilio URLs map to <url>/<twilio host>/<path>. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startTwilioEmulator(options: TwilioEmulatorOptions): Promise<TwilioEmulator> {
  checkOptions(options);
  const log = createLogger(options.log ?? 'silent');
  const state = new EmulatorState({
    accountSid: options.accountSid,
    authToken: options.authToken,
    accountType: options.accountType ?? 'Full',
    accountStatus: options.accountStatus ?? 'active',
    balance: options.balance ?? 20,
    currency: options.currency ?? 'USD',
    phoneNumbers: options.phoneNumbers ?? [],
    verifiedCallerIds: options.verifiedCallerIds ?? [],
    whatsappSenders: options.whatsappSenders ?? [],
    apiKeys: options.apiKeys ?? [],
  });
  const scheduler = new Scheduler((err) =>
    log.error('emulator.timer_failed', { error: err instanceof Error ? err.name : typeof err }),
  );
  const callbacks = new CallbackSender(state, scheduler, log, {
    attempts: options.callbackAttempts ?? 3,
    timeoutMs: options.callbackTimeoutMs ?? 5_000,
    backoffMs: options.callbackBackoffMs ?? 250,
  });
  const ctx: EmulatorContext = {
    config: {
      accountSid: options.accountSid,
      authToken: options.authToken,
      apiKeys: options.apiKeys ?? [],
      messageStepMs: options.messageStepMs ?? 100,
      minuteMs: options.minuteMs ?? 60_000,
    },
    state,
    scheduler,
    callbacks,
    log,
  };

  const router = new Router();
  for (const register of resources) register(router, ctx);
  const control = createControl(ctx);
  const handleControl = createControlHandler(control, router, log, options.accountSid);
  const handleTwilioApi = createTwilioApiHandler(ctx, router);

  const apiLatencyMs = options.apiLatencyMs ?? 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    const isControl = url.pathname.startsWith('/__emulator/');
    const handler = isControl ? handleControl : handleTwilioApi;
    const run = () =>
      handler(req, res, url).catch((err: unknown) => {
        log.error('emulator.request_failed', { error: err instanceof Error ? err.name : typeof err });
        sendJson(res, 500, { code: 20500, message: 'Internal Server Error', status: 500 });
      });
    if (isControl || apiLatencyMs === 0) void run();
    else setTimeout(() => void run(), apiLatencyMs);
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  log.info('emulator.listening', { url, routes: router.list().length, accountType: state.account.type });

  return {
    ...control,
    url,
    port,
    async stop(): Promise<void> {
      scheduler.cancelAll();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Held (timeout-fault) and keep-alive connections would otherwise keep close() waiting.
        server.closeAllConnections();
      });
      log.info('emulator.stopped');
    },
  };
}

function checkOptions(options: TwilioEmulatorOptions): void {
  if (!/^AC[0-9a-fA-F]{32}$/.test(options.accountSid)) {
    throw new Error('accountSid must be "AC" followed by 32 hex characters');
  }
  if (options.authToken.length === 0) throw new Error('authToken is required');
  for (const key of options.apiKeys ?? []) {
    if (!/^SK[0-9a-fA-F]{32}$/.test(key.sid))
      throw new Error('API key SIDs must be "SK" followed by 32 hex characters');
    if (key.secret.length === 0) throw new Error(`API key ${key.sid} needs a secret`);
  }
}
