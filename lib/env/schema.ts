// What each environment variable may hold. Pure: no reads of process.env here,
// so tests can check any combination of values.
import { z } from 'zod';

const e164 = /^\+[1-9]\d{6,14}$/;
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();
// A host name (optionally "*." for its subdomains), an IPv4 or [IPv6] address, or an origin.
const devOriginEntry = /^(https?:\/\/)?(\*\.)?([a-z0-9-]+(\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(:\d{1,5})?\/?$/i;
const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');

/**
 * TWILIO_MOCK_URLS: where a standard Twilio mock listens (Prism serving Twilio's OpenAPI files).
 * One URL takes every Twilio API domain; or `domain=url` pairs, comma-separated, one per API domain
 * (the first label of its host: api, video, content…), as each OpenAPI file describes one domain.
 * `*=url` takes the domains not listed. Parsed to { domain or '*': base URL }.
 */
const twilioMockUrls = z.string().transform((value, ctx) => {
  const urls: Record<string, string> = {};
  const entries = /^https?:\/\//.test(value) && !value.includes(',') ? [`*=${value}`] : value.split(',');
  for (const entry of entries.map((e) => e.trim()).filter(Boolean)) {
    const [domain = '', url = ''] = entry.split(/=(.*)/s).map((part) => part.trim());
    if (!/^(\*|[a-z][a-z0-9-]*)$/.test(domain) || !z.url({ protocol: /^https?$/ }).safeParse(url).success) {
      ctx.addIssue({
        code: 'custom',
        message:
          'must be a URL, or domain=URL pairs such as api=http://127.0.0.1:4010,video=http://127.0.0.1:4011',
      });
      return z.NEVER;
    }
    urls[domain] = url;
  }
  return urls;
});

export const serverEnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),

    // Unset in development: the portal starts an embedded PostgreSQL under .data/.
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
        .optional(),
    ),
    AUTH_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    APP_URL: optionalString.pipe(
      z.url('must be an absolute URL such as https://portal.example.com.au').optional(),
    ),
    // Honour X-Forwarded-Proto/Host/For only when a reverse proxy we control sets them
    // (For: the client address that rate limits count, lib/rate-limit/client-address.ts).
    TRUST_PROXY: flag,
    // `npm run dev` only: more hosts (or origins) the dev server serves its scripts to, comma-separated.
    // This machine's own addresses are always allowed (next.config.js).
    DEV_ALLOWED_ORIGINS: optionalString.pipe(
      z
        .string()
        .refine(
          (value) => value.split(',').every((entry) => devOriginEntry.test(entry.trim())),
          'must be host names or origins separated by commas, e.g. "portal.test,http://192.168.1.20:3000"',
        )
        .optional(),
    ),

    TWILIO_ACCOUNT_SID: optionalString.pipe(
      z
        .string()
        .regex(/^AC[0-9a-f]{32}$/, 'must be "AC" followed by 32 hex characters')
        .optional(),
    ),
    TWILIO_AUTH_TOKEN: optionalString.pipe(
      z
        .string()
        .regex(/^[0-9a-f]{32}$/, 'must be 32 hex characters')
        .optional(),
    ),
    TWILIO_API_KEY: optionalString.pipe(
      z
        .string()
        .regex(/^SK[0-9a-f]{32}$/, 'must be "SK" followed by 32 hex characters')
        .optional(),
    ),
    TWILIO_API_SECRET: optionalString.pipe(
      z.string().min(16, 'looks too short for an API key secret').optional(),
    ),
    TWILIO_WHATSAPP_FROM: optionalString.pipe(
      z
        .string()
        .regex(/^whatsapp:\+[1-9]\d{6,14}$/, 'must be "whatsapp:" followed by an E.164 number')
        .optional(),
    ),
    TWILIO_PHONE_NUMBER: optionalString.pipe(
      z.string().regex(e164, 'must be an E.164 number such as +61412345678').optional(),
    ),
    TWILIO_STATUS_CALLBACK_URL: optionalString.pipe(z.url('must be an absolute URL').optional()),
    TWILIO_VIDEO_MEDIA_REGION: z
      .enum(['au1', 'br1', 'de1', 'ie1', 'in1', 'jp1', 'sg1', 'us1', 'us2', 'gll'])
      .default('au1'),
    // Where Twilio handles REST traffic, e.g. au1 + sydney.
    TWILIO_REGION: optionalString,
    TWILIO_EDGE: optionalString,
    TWILIO_EMULATOR: flag,
    TWILIO_EMULATOR_URL: optionalString.pipe(z.url('must be an absolute URL').optional()),
    TWILIO_MOCK_URLS: optionalString.pipe(twilioMockUrls.optional()),
    // The port `npm run dev` starts the emulator on; unset: a free one, so two portals run side by side.
    TWILIO_EMULATOR_PORT: optionalString.pipe(
      z
        .string()
        .regex(/^\d{1,5}$/, 'must be a port number (1 to 65535)')
        .transform(Number)
        .pipe(
          z
            .number()
            .min(1, 'must be a port number (1 to 65535)')
            .max(65535, 'must be a port number (1 to 65535)'),
        )
        .optional(),
    ),
    // Reminder sends one worker keeps in flight at once. Twilio limits concurrent API requests per
    // account (100 by default): workers × this should stay under it.
    REMINDER_SEND_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(50),
    // How long a change notice waits after the last change to an appointment, so several quick
    // changes become one message (docs/decisions/005-reminders-at-most-once.md, "Change notices").
    CHANGE_NOTICE_DELAY_SECONDS: z.coerce.number().int().min(0).max(3600).default(180),
    // Bearer token a Prometheus scraper sends to GET /api/metrics. Unset: that route answers 404.
    METRICS_TOKEN: optionalString.pipe(z.string().min(24, 'must be at least 24 characters').optional()),
  })
  .superRefine((env, ctx) => {
    if (env.TWILIO_EMULATOR_URL && env.TWILIO_MOCK_URLS) {
      ctx.addIssue({
        code: 'custom',
        path: ['TWILIO_MOCK_URLS'],
        message: 'and TWILIO_EMULATOR_URL are both set; keep the one the portal should talk to',
      });
    }
    if (env.NODE_ENV !== 'production') return;
    const required = [
      'DATABASE_URL',
      'AUTH_SECRET',
      'APP_URL',
      'TWILIO_ACCOUNT_SID',
      'TWILIO_AUTH_TOKEN',
      'TWILIO_API_KEY',
      'TWILIO_API_SECRET',
      'TWILIO_PHONE_NUMBER',
      'TWILIO_STATUS_CALLBACK_URL',
    ] as const;
    for (const key of required) {
      if (env[key] === undefined) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'is required in production' });
      }
    }
    // A production build may talk to an emulator only when asked to explicitly
    // (the end-to-end tests do); never by a stray variable.
    if (env.TWILIO_EMULATOR_URL && !env.TWILIO_EMULATOR) {
      ctx.addIssue({
        code: 'custom',
        path: ['TWILIO_EMULATOR_URL'],
        message: 'is set in production; remove it, or also set TWILIO_EMULATOR=1 for a test deployment',
      });
    }
    if (env.TWILIO_MOCK_URLS && !env.TWILIO_EMULATOR) {
      ctx.addIssue({
        code: 'custom',
        path: ['TWILIO_MOCK_URLS'],
        message: 'is set in production; remove it, or also set TWILIO_EMULATOR=1 for a test deployment',
      });
    }
  });

export type ServerEnv = z.output<typeof serverEnvSchema>;

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/** Validates raw variables; throws EnvError naming each bad variable (never its value). */
export function parseServerEnv(raw: Record<string, string | undefined>): ServerEnv {
  const result = serverEnvSchema.safeParse(raw);
  if (result.success) return result.data;
  throw new EnvError(
    result.error.issues.map((issue) => `${issue.path.join('.') || '(env)'} ${issue.message}`),
  );
}
