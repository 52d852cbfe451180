// Structured JSON logs, one line each. Pass ids and codes as fields; never
// names, phone numbers, emails or message bodies (patient data is health data).
import 'server-only';

type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export type LogFields = Record<string, string | number | boolean | null | undefined>;

let threshold: number | undefined;

function minimum(): number {
  if (threshold === undefined) {
    // Read lazily so importing the logger never forces env validation.
    // eslint-disable-next-line no-restricted-properties -- the logger must work before env() is valid
    const level = (process.env.LOG_LEVEL ?? 'info') as Level | 'silent';
    threshold = order[level] ?? order.info;
  }
  return threshold;
}

function write(level: Level, event: string, fields: LogFields = {}): void {
  if (order[level] < minimum()) return;
  const line = JSON.stringify({ t: new Date().toISOString(), level, event, ...fields });
  if (level === 'error' || level === 'warn') process.stderr.write(line + '\n');
  else process.stdout.write(line + '\n');
}

export const log = {
  debug: (event: string, fields?: LogFields) => write('debug', event, fields),
  info: (event: string, fields?: LogFields) => write('info', event, fields),
  warn: (event: string, fields?: LogFields) => write('warn', event, fields),
  error: (event: string, fields?: LogFields) => write('error', event, fields),
};

/**
 * Error details that are safe to log: the type and a code. The message is kept
 * only for our own AppError (written for people, never carrying patient data);
 * other libraries' messages (Prisma, Twilio, pg) can quote the values sent.
 */
export function errorFields(err: unknown): LogFields {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return {
      errorName: err.name,
      errorCode: typeof code === 'string' || typeof code === 'number' ? code : undefined,
      errorMessage: err.name === 'AppError' ? err.message.slice(0, 300) : undefined,
    };
  }
  return { errorName: typeof err };
}
