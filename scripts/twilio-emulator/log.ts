// The emulator's structured logger: one JSON object per line on stderr, so a
// parent process can keep stdout for the single "listening" line it parses.
// Callers pass ids, codes and counts only: never message bodies, phone numbers
// or credentials (the same rule as lib/log, which this script cannot import
// because it is marked server-only).

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type LogFields = Record<string, string | number | boolean | null | undefined>;
export type LogEntry = { level: Exclude<LogLevel, 'silent'>; event: string } & LogFields;
export type LogSink = (entry: LogEntry) => void;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

/** A level writes JSON lines to stderr at or above it; a function receives every entry instead. */
export function createLogger(target: LogLevel | LogSink = 'silent'): Logger {
  const sink: LogSink =
    typeof target === 'function'
      ? target
      : (entry) => {
          if (order[entry.level] < order[target]) return;
          process.stderr.write(JSON.stringify({ t: new Date().toISOString(), ...entry }) + '\n');
        };
  const at =
    (level: LogEntry['level']) =>
    (event: string, fields: LogFields = {}): void =>
      sink({ ...fields, level, event });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
