// Twilio emulator CLI: starts the emulator and prints exactly one line on
// stdout, its base URL (e.g. "http://127.0.0.1:4010"), once it is listening.
// Logs are JSON lines on stderr. Exits 0 on SIGINT/SIGTERM, 2 on bad arguments.
//
//   tsx scripts/twilio-emulator/main.ts --port 4010 \
//     --account-sid AC… --auth-token … [--api-key SK… --api-secret …] \
//     [--host 127.0.0.1] [--account-type Full|Trial] [--phone-number +61… …] \
//     [--whatsapp-from whatsapp:+61… …] [--verified-caller-id +61… …] \
//     [--message-step-ms 1000] [--minute-ms 60000] [--latency-ms 0] [--log-level info]
//
// Each option falls back to an environment variable: TWILIO_EMULATOR_PORT,
// TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_API_KEY, TWILIO_API_SECRET,
// TWILIO_EMULATOR_ACCOUNT_TYPE, TWILIO_PHONE_NUMBER and TWILIO_WHATSAPP_FROM (one each),
// LOG_LEVEL. --phone-number, --whatsapp-from, --verified-caller-id and --api-key/--api-secret may repeat
// (keys and secrets pair up in order). The control API is at <url>/__emulator/.
import { parseArgs } from 'node:util';

import { startTwilioEmulator, type LogLevel } from './index';

const usage =
  'usage: tsx scripts/twilio-emulator/main.ts --account-sid AC… --auth-token … ' +
  '[--port N] [--host H] [--api-key SK… --api-secret S] [--account-type Full|Trial] ' +
  '[--phone-number +E164]… [--whatsapp-from whatsapp:+E164]… [--verified-caller-id +E164]… ' +
  '[--message-step-ms N] [--minute-ms N] [--latency-ms N] [--log-level L]';

function fail(message: string): never {
  process.stderr.write(`twilio-emulator: ${message}\n${usage}\n`);
  process.exit(2);
}

function integer(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value)) fail(`${name} must be a whole number`);
  return Number(value);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'account-sid': { type: 'string' },
        'auth-token': { type: 'string' },
        'api-key': { type: 'string', multiple: true },
        'api-secret': { type: 'string', multiple: true },
        'account-type': { type: 'string' },
        'phone-number': { type: 'string', multiple: true },
        'whatsapp-from': { type: 'string', multiple: true },
        'verified-caller-id': { type: 'string', multiple: true },
        'message-step-ms': { type: 'string' },
        'minute-ms': { type: 'string' },
        'latency-ms': { type: 'string' },
        'log-level': { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (err) {
    fail(err instanceof Error ? err.message : 'bad arguments');
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }

  const env = process.env;
  const accountSid = values['account-sid'] ?? env.TWILIO_ACCOUNT_SID;
  const authToken = values['auth-token'] ?? env.TWILIO_AUTH_TOKEN;
  if (!accountSid || !authToken) fail('an account SID and auth token are required');
  const keySids = values['api-key'] ?? (env.TWILIO_API_KEY ? [env.TWILIO_API_KEY] : []);
  const keySecrets = values['api-secret'] ?? (env.TWILIO_API_SECRET ? [env.TWILIO_API_SECRET] : []);
  if (keySids.length !== keySecrets.length) fail('give one --api-secret for each --api-key');
  const accountType = values['account-type'] ?? env.TWILIO_EMULATOR_ACCOUNT_TYPE ?? 'Full';
  if (accountType !== 'Full' && accountType !== 'Trial') fail('--account-type must be Full or Trial');
  const logLevel = values['log-level'] ?? env.LOG_LEVEL ?? 'info';
  if (!['debug', 'info', 'warn', 'error', 'silent'].includes(logLevel)) fail('--log-level is not a level');

  let emulator;
  try {
    emulator = await startTwilioEmulator({
      port: integer(values.port ?? env.TWILIO_EMULATOR_PORT, '--port', 0),
      host: values.host ?? '127.0.0.1',
      accountSid,
      authToken,
      apiKeys: keySids.map((sid, i) => ({ sid, secret: keySecrets[i] ?? '' })),
      accountType,
      phoneNumbers: values['phone-number'] ?? (env.TWILIO_PHONE_NUMBER ? [env.TWILIO_PHONE_NUMBER] : []),
      whatsappSenders:
        values['whatsapp-from'] ?? (env.TWILIO_WHATSAPP_FROM ? [env.TWILIO_WHATSAPP_FROM] : []),
      verifiedCallerIds: values['verified-caller-id'] ?? [],
      // Slower than in tests so a developer can watch statuses change.
      messageStepMs: integer(values['message-step-ms'], '--message-step-ms', 1_000),
      minuteMs: integer(values['minute-ms'], '--minute-ms', 60_000),
      apiLatencyMs: integer(values['latency-ms'], '--latency-ms', 0),
      log: logLevel as LogLevel,
    });
  } catch (err) {
    // Not a usage problem (e.g. the port is taken): exit 1, not 2.
    process.stderr.write(
      `twilio-emulator: could not start: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    process.exit(1);
  }

  process.stdout.write(`${emulator.url}\n`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(
      JSON.stringify({ t: new Date().toISOString(), level: 'info', event: 'emulator.signal', signal }) + '\n',
    );
    emulator.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
