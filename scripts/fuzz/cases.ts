// Malformed requests for every public route, shared by `npm run fuzz`
// (scripts/fuzz/main.ts) and the reduced run in the end-to-end suite
// (tests/e2e/fuzz.spec.ts). Deterministic for a seed, so a failure can be
// replayed. Every webhook is sent both unsigned and correctly signed (with the
// algorithm Twilio and the emulator use and the auth token the server runs
// with), so that the malformed fields get past the signature check and reach
// the parsing behind it. Phone numbers, email addresses and message text are
// "planted" values the caller greps the server's logs for afterwards.
import { randomBytes } from 'node:crypto';

import { twilioSignature } from '../twilio-emulator/signature';

export type FuzzCase = {
  /** What was sent, in a few words (printed for a 5xx). */
  name: string;
  method: 'GET' | 'POST' | 'DELETE' | 'PUT' | 'PATCH';
  /** Path and query, already encoded. */
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
};

export type PlantedValues = { phone: string; text: string; email: string };

export type FuzzOptions = {
  /** The server's public address (its APP_URL): webhooks are signed for it. */
  appUrl: string;
  /** The TWILIO_AUTH_TOKEN the server runs with. */
  authToken: string;
  /** Server action ids from the build's server-reference-manifest.json (may be empty). */
  actionIds: string[];
  planted: PlantedValues;
  seed?: number;
  /**
   * false in the end-to-end suite, whose other specs read the same database:
   * signed requests that could be accepted by the reply and billing webhooks
   * (a reply waiting for staff, a billing alert) are sent unsigned instead.
   */
  sideEffects?: boolean;
};

export function plantedValues(): PlantedValues {
  const digits = String(1000 + (randomBytes(2).readUInt16BE() % 9000));
  const tag = randomBytes(6).toString('hex');
  return {
    // An Australian mobile in the range set aside for fiction (0491 570 xxx).
    phone: `+61491570${digits.slice(0, 3)}`,
    text: `fuzz canary ${tag}`,
    email: `canary-${tag}@fuzz.example`,
  };
}

/** The strings to look for in the logs: each planted value as sent and as it may be written. */
export function leakNeedles(planted: PlantedValues): string[] {
  return [
    planted.phone,
    planted.phone.slice(1),
    planted.phone.replace('+61', '0'),
    planted.text,
    planted.text.replace(/ /g, '+'),
    encodeURIComponent(planted.text),
    planted.email,
    encodeURIComponent(planted.email),
  ];
}

// A small seeded PRNG (mulberry32): the same seed gives the same requests.
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WEBHOOK_LIMIT = 64 * 1024;

const CONTROL = ['\u0000', '\u0001', '\u0007', '\u001b', '\u007f', '\u0085', '\u009f', '\u000b', '\u000c'];
const UNICODE_ODDITIES = [
  '\u202e\u0645\u0631\u062d\u0628\u0627', // right-to-left override
  '\ufeffBOM',
  'zero\u200bwidth',
  'e\u0301\u0301\u0301\u0301', // stacked combining marks
  '\ud83d\ude00\ud83d\udc4d', // emoji
  '\ud800', // a lone surrogate
  '\uffff\ufffe',
  '𝕳𝖊𝖑𝖑𝖔',
  'ǅ ﬁ Ⅻ',
  '\u2028\u2029',
];
const NUMBERS_OUT_OF_RANGE = [
  '3000000000',
  '2147483648',
  '-1',
  '-2147483649',
  '99999999999999999999999',
  '1e309',
  '1e-400',
  'NaN',
  'Infinity',
  '0x7fffffff',
  '١٢٣',
  '12.5.6',
  '',
  ' 5',
];
/** Percent-encoding and UTF-8 that decode badly or not at all. */
const BROKEN_ENCODINGS = [
  '%',
  '%Z',
  '%ZZ',
  '%00',
  '%C0%AF',
  '%ED%A0%80',
  '%FF%FE',
  '%E2%82',
  '%%%',
  '&&&=',
  '=',
  '==&==',
];

const CONTENT_TYPES = [
  undefined,
  'text/plain',
  'application/json',
  'application/json; charset=utf-8',
  'multipart/form-data',
  'multipart/form-data; boundary=xyz',
  'application/x-www-form-urlencoded; application/json',
  'application/xml',
  'application/octet-stream',
  '*/*',
  'application/x-www-form-urlencoded;charset=ISO-8859-1',
];

const JSON_BODIES = [
  '{',
  '{"token":',
  'nul',
  'null',
  '[]',
  '"a string"',
  '12345678901234567890',
  '{"token":123}',
  '{"token":null}',
  '{"token":{"$ne":""}}',
  '{"token":"\\u0000"}',
  '{"__proto__":{"admin":true}}',
  '{"a":' + '['.repeat(5000) + ']'.repeat(5000) + '}',
  '\u0000\u0001\u0002',
  '',
];

type Params = Record<string, string>;

type WebhookTarget = {
  path: string;
  valid: (r: () => number, planted: PlantedValues) => Params;
  numeric: string[];
};

const hexOf = (r: () => number, n: number) =>
  Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join('');

const WEBHOOKS: WebhookTarget[] = [
  {
    path: '/api/twilio/messages/status',
    valid: (r, p) => ({
      MessageSid: `SM${hexOf(r, 32)}`,
      MessageStatus: ['queued', 'sent', 'delivered', 'read', 'failed', 'undelivered'][Math.floor(r() * 6)]!,
      AccountSid: `AC${hexOf(r, 32)}`,
      To: r() < 0.5 ? p.phone : `whatsapp:${p.phone}`,
      ...(r() < 0.3 ? { ErrorCode: '30008' } : {}),
    }),
    numeric: ['ErrorCode'],
  },
  {
    path: '/api/twilio/messages/status?claim=fuzz-claim',
    valid: (r, p) => ({ MessageSid: `SM${hexOf(r, 32)}`, MessageStatus: 'sent', To: p.phone }),
    numeric: ['ErrorCode'],
  },
  {
    path: '/api/twilio/messages/inbound',
    valid: (r, p) => ({
      MessageSid: `SM${hexOf(r, 32)}`,
      AccountSid: `AC${hexOf(r, 32)}`,
      From: r() < 0.5 ? p.phone : `whatsapp:${p.phone}`,
      To: '+61491570156',
      Body: ['C', 'YES', 'R', 'STOP', 'START', 'HELP', p.text][Math.floor(r() * 7)]!,
      NumMedia: '0',
    }),
    numeric: ['NumMedia'],
  },
  {
    path: '/api/twilio/readiness/message-status',
    valid: (r, p) => ({
      MessageSid: `SM${hexOf(r, 32)}`,
      MessageStatus: 'delivered',
      To: p.phone,
      ...(r() < 0.3 ? { ErrorCode: '30003' } : {}),
    }),
    numeric: ['ErrorCode'],
  },
  {
    path: '/api/twilio/usage-triggers',
    valid: (r) => ({
      UsageTriggerSid: `UT${hexOf(r, 32)}`,
      UsageCategory: 'totalprice',
      TriggerValue: String(10 + Math.floor(r() * 500)),
      CurrentValue: (r() * 1000).toFixed(2),
      // A month long past, so the current month's alerts are not touched.
      DateFired: new Date(Date.UTC(2001, Math.floor(r() * 12), 1)).toISOString(),
      AccountSid: `AC${hexOf(r, 32)}`,
    }),
    numeric: ['TriggerValue', 'CurrentValue'],
  },
  {
    path: '/api/appointments/twilio-status-callback/',
    valid: (r) => ({
      RoomSid: `RM${hexOf(r, 32)}`,
      StatusCallbackEvent: [
        'room-created',
        'participant-connected',
        'participant-disconnected',
        'room-ended',
      ][Math.floor(r() * 4)]!,
      Timestamp: new Date(Date.UTC(2026, 10, 1 + Math.floor(r() * 28))).toISOString(),
      SequenceNumber: String(Math.floor(r() * 100)),
      ParticipantSid: `PA${hexOf(r, 32)}`,
      ParticipantIdentity: `patient-${hexOf(r, 8)}`,
      ParticipantDuration: String(Math.floor(r() * 3000)),
      RoomDuration: String(Math.floor(r() * 3000)),
    }),
    numeric: ['SequenceNumber', 'ParticipantDuration', 'RoomDuration'],
  },
];

const ID_SEGMENTS = [
  'cl0000000000000000000000',
  '%00',
  'a%00b',
  '..',
  '%2e%2e%2f',
  'x'.repeat(300),
  '%E2%80%AE',
  '%F0%9F%98%80',
  "'%20OR%201=1--",
  '%C0%AF',
  '-1',
  '9999999999999999999999',
];

const TOKENS = [
  '',
  'x',
  'tpat_' + 'a'.repeat(40),
  'a'.repeat(5000),
  '\u0000',
  '%00',
  'ey.ey.ey',
  'Bearer',
  '🙂',
];

/** Header values must be ByteStrings: keep the ones fetch can send. */
const headerSafe = (value: string) => value.replace(/[^\u0020-\u007e]/g, '?');

export function* fuzzCases(options: FuzzOptions): Generator<FuzzCase> {
  const r = prng(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const { planted } = options;
  const generators: Array<() => FuzzCase[]> = [
    () => webhookCases(options, r, pick),
    () => webhookCases(options, r, pick),
    () => webhookCases(options, r, pick),
    () => jsonRouteCases(r, pick),
    () => authCases(planted, r, pick),
    () => authCases(planted, r, pick),
    () => pageCases(options, r, pick),
  ];
  for (;;) yield* pick(generators)();
}

function signedFor(appUrl: string, authToken: string, path: string, body: string | Uint8Array): string {
  // Signed over the fields as the server will decode them, repeated keys included.
  const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
  const params: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const before = params[key];
    params[key] = before === undefined ? value : Array.isArray(before) ? [...before, value] : [before, value];
  }
  return twilioSignature(authToken, `${appUrl}${path}`, params);
}

const ACCEPTABLE_MUTATIONS = new Set([0, 2, 11]);
const PATHS_WITH_SIDE_EFFECTS = new Set(['/api/twilio/messages/inbound', '/api/twilio/usage-triggers']);

function webhookCases(
  { appUrl, authToken, planted, sideEffects = true }: FuzzOptions,
  r: () => number,
  pick: <T>(list: readonly T[]) => T,
): FuzzCase[] {
  const target = pick(WEBHOOKS);
  const params = target.valid(r, planted);
  const keys = Object.keys(params);
  let body: string | Uint8Array;
  let label: string;
  const mutation = Math.floor(r() * 14);
  switch (mutation) {
    case 0:
      label = 'valid';
      body = new URLSearchParams(params).toString();
      break;
    case 1: {
      const key = pick(keys);
      params[key] = `${params[key]!.slice(0, 2)}${pick(CONTROL)}${params[key]!.slice(2)}`;
      label = `control character in ${key}`;
      body = new URLSearchParams(params).toString();
      break;
    }
    case 2: {
      const key = pick(keys);
      params[key] = `${pick(UNICODE_ODDITIES)}${params[key]}`;
      label = `unicode oddity in ${key}`;
      body = new URLSearchParams(params).toString();
      break;
    }
    case 3: {
      const key = pick([...target.numeric, ...keys]);
      params[key] = pick(NUMBERS_OUT_OF_RANGE);
      label = `number out of range in ${key}`;
      body = new URLSearchParams(params).toString();
      break;
    }
    case 4: {
      const key = pick(keys);
      params[key] = 'x'.repeat(pick([257, 1601, 5000, 20_000]));
      label = `long ${key}`;
      body = new URLSearchParams(params).toString();
      break;
    }
    case 5:
      params.Padding = 'y'.repeat(WEBHOOK_LIMIT + Math.floor(r() * 4096));
      label = 'over the size limit';
      body = new URLSearchParams(params).toString();
      break;
    case 6: {
      const full = new URLSearchParams(params).toString();
      body = full.slice(0, Math.floor(r() * full.length));
      label = 'truncated form';
      break;
    }
    case 7: {
      const key = pick(keys);
      body = `${new URLSearchParams(params).toString()}&${key}=${encodeURIComponent(pick(['x', params[key]!, '']))}`;
      label = `repeated ${key}`;
      break;
    }
    case 8: {
      const drop = r() < 0.3 ? keys : [pick(keys)];
      for (const key of drop) delete params[key];
      label = `missing ${drop.join(',')}`;
      body = new URLSearchParams(params).toString();
      break;
    }
    case 9: {
      const key = pick(keys);
      body = `${new URLSearchParams(params).toString()}&${key}=${pick(BROKEN_ENCODINGS)}`;
      label = `broken encoding in ${key}`;
      break;
    }
    case 10:
      body = Uint8Array.from({ length: 64 + Math.floor(r() * 512) }, () => Math.floor(r() * 256));
      label = 'random bytes';
      break;
    case 11:
      params[`Extra${hexOf(r, 4)}`] = pick(['1', planted.text, '\u0000']);
      label = 'extra field';
      body = new URLSearchParams(params).toString();
      break;
    case 12:
      body = JSON.stringify(params);
      label = 'JSON body';
      break;
    default:
      body = pick(JSON_BODIES);
      label = 'non-form body';
  }
  const contentType =
    mutation === 12 || r() < 0.15 ? pick(CONTENT_TYPES) : 'application/x-www-form-urlencoded';
  const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};
  const quiet =
    !sideEffects && PATHS_WITH_SIDE_EFFECTS.has(target.path) && ACCEPTABLE_MUTATIONS.has(mutation);
  const signing = quiet ? 0.75 : r();
  const signature = signedFor(appUrl, authToken, target.path, body);
  let how: string;
  if (signing < 0.7) {
    headers['x-twilio-signature'] = signature;
    how = 'signed';
  } else if (signing < 0.8) {
    how = 'unsigned';
  } else if (signing < 0.9) {
    headers['x-twilio-signature'] = `${signature.slice(0, -4)}AAA=`;
    how = 'bad signature';
  } else {
    headers['x-twilio-signature'] = headerSafe(pick(TOKENS)).slice(0, 200);
    how = 'junk signature';
  }
  const one: FuzzCase = {
    name: `${target.path} ${how}: ${label}`,
    method: 'POST',
    path: target.path,
    headers,
    body,
  };
  // A replay: Twilio redelivers; so may anyone who saw the request.
  return mutation === 0 && how === 'signed' ? [one, { ...one, name: `${one.name} (replay)` }] : [one];
}

function jsonRouteCases(r: () => number, pick: <T>(list: readonly T[]) => T): FuzzCase[] {
  const id = pick(ID_SEGMENTS);
  const routes: Array<{ method: FuzzCase['method']; path: string }> = [
    { method: 'POST', path: `/api/appointments/${id}/video-token` },
    { method: 'GET', path: `/api/appointments/${id}/video-events` },
    { method: 'POST', path: `/api/appointments/video-room/${id}/` },
    { method: 'GET', path: `/api/admin/readiness/test-runs/${id}` },
    { method: 'GET', path: '/api/video/join' },
    { method: 'GET', path: `/api/video/join?token=${encodeURIComponent(pick(TOKENS))}` },
    { method: 'GET', path: '/api/video/join/page' },
    { method: 'GET', path: `/api/video/join/page?token=${encodeURIComponent(pick(TOKENS))}` },
    { method: 'POST', path: '/api/video/join/consent' },
    { method: 'POST', path: '/api/video/join/preflight-token' },
    { method: 'POST', path: '/api/video/join/waiting-room' },
    { method: 'DELETE', path: '/api/video/join/waiting-room' },
    { method: 'GET', path: `/api/video/join/events?token=${encodeURIComponent(pick(TOKENS))}` },
    { method: 'GET', path: '/api/video/staff/waiting-list/events' },
    { method: 'POST', path: '/api/video/join/quick-reply' },
    { method: pick(['PUT', 'PATCH', 'DELETE', 'GET'] as const), path: '/api/twilio/messages/status' },
    // Operations: public health and readiness, and metrics behind a token.
    { method: pick(['GET', 'POST'] as const), path: '/api/health' },
    { method: pick(['GET', 'POST'] as const), path: '/api/ready' },
    { method: 'GET', path: `/api/metrics?${pick(['', 'format=%00', 'x=' + 'y'.repeat(3000)])}` },
  ];
  const { method, path } = pick(routes);
  const headers: Record<string, string> = {};
  const contentType = pick(CONTENT_TYPES);
  if (contentType) headers['content-type'] = contentType;
  if (r() < 0.6)
    headers.authorization = headerSafe(`${pick(['Bearer ', 'bearer ', 'Basic ', ''])}${pick(TOKENS)}`);
  if (r() < 0.2) headers.cookie = `next-auth.session-token=${headerSafe(pick(TOKENS))}`;
  const body =
    method === 'GET'
      ? undefined
      : pick([
          ...JSON_BODIES,
          JSON.stringify({
            token: pick(TOKENS),
            location: pick(UNICODE_ODDITIES),
            consent: pick([true, 'yes', 1]),
          }),
          JSON.stringify({ token: 'x'.repeat(70_000) }),
          JSON.stringify({ body: `${pick(CONTROL)}${'z'.repeat(Math.floor(r() * 3000))}` }),
        ]);
  return [{ name: `${method} ${path.slice(0, 80)}`, method, path, headers, body }];
}

const AUTH_POSTS = [
  '/api/auth/callback/credentials',
  '/api/auth/signin/credentials',
  '/api/auth/session',
  '/api/auth/signout',
  '/api/auth/csrf',
  '/api/auth/_log',
  '/api/auth/nonsense',
  '/api/auth/callback/unknown-provider',
];
const AUTH_GETS = [
  '/api/auth/session',
  '/api/auth/csrf',
  '/api/auth/providers',
  '/api/auth/signin',
  '/api/auth/signout',
  '/api/auth/error?error=%00',
  '/api/auth/error?error=' + 'x'.repeat(3000),
  '/api/auth/callback/credentials',
  '/api/auth/nonsense',
  '/api/auth/session?callbackUrl=%00',
];

function authCases(planted: PlantedValues, r: () => number, pick: <T>(list: readonly T[]) => T): FuzzCase[] {
  if (r() < 0.3) {
    const headers: Record<string, string> = {};
    if (r() < 0.5) {
      headers.cookie = `next-auth.session-token=${headerSafe(pick(TOKENS))}; next-auth.csrf-token=${headerSafe(pick(TOKENS))}`;
    }
    const path = pick(AUTH_GETS);
    return [{ name: `GET ${path.slice(0, 60)}`, method: 'GET', path, headers }];
  }
  const path = pick(AUTH_POSTS);
  const fields: Params = {
    email: pick([planted.email, `${planted.email}\u0000`, 'x'.repeat(5000), '', pick(UNICODE_ODDITIES)]),
    password: pick(['Telehealth-demo-2026', planted.text, '\u0000', 'p'.repeat(20_000), '']),
    code: pick(['123456', '', '１２３４５６', '\u0000\u0000', pick(NUMBERS_OUT_OF_RANGE)]),
    csrfToken: pick(['', 'x', '\u0000', 'a'.repeat(64)]),
    callbackUrl: pick(['/', '//evil.example', 'javascript:alert(1)', '%00', 'http://[::1', '']),
    json: pick(['true', 'false', '']),
  };
  const form = new URLSearchParams(fields).toString();
  const variant = Math.floor(r() * 8);
  const [label, contentType, body]: [string, string | undefined, string] = [
    ['form', 'application/x-www-form-urlencoded', form],
    ['non-JSON JSON', 'application/json', pick(JSON_BODIES)],
    ['JSON', 'application/json', JSON.stringify(fields)],
    ['truncated form', 'application/x-www-form-urlencoded', form.slice(0, Math.floor(r() * form.length))],
    ['mixed content type', 'application/x-www-form-urlencoded; application/json', pick(JSON_BODIES)],
    ['broken encoding', 'application/x-www-form-urlencoded', `${form}&email=${pick(BROKEN_ENCODINGS)}`],
    ['huge form', 'application/x-www-form-urlencoded', `${form}&pad=${'q'.repeat(40_000)}`],
    ['other content type', pick(CONTENT_TYPES), form],
  ][variant] as [string, string | undefined, string];
  const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};
  if (r() < 0.3) headers.origin = pick(['http://evil.example', 'null', 'not a url']);
  return [{ name: `POST ${path} ${label}`, method: 'POST', path, headers, body }];
}

function pageCases(
  { actionIds, appUrl }: FuzzOptions,
  r: () => number,
  pick: <T>(list: readonly T[]) => T,
): FuzzCase[] {
  if (r() < 0.35) {
    const path = pick([
      '/sign-in',
      '/sign-in?next=%00',
      '/sign-in?next=//evil.example',
      '/sign-in?error=' + 'e'.repeat(2000),
      `/join/${pick(ID_SEGMENTS)}`,
      `/join/${encodeURIComponent(pick(TOKENS))}`,
      '/',
      '/dashboard',
      '/appointments/%00',
      '/nonexistent/%FF',
    ]);
    return [{ name: `GET ${path.slice(0, 60)}`, method: 'GET', path, headers: {} }];
  }
  // A server action: a real id from the build or a made-up one, posted from here or elsewhere.
  const actionId = actionIds.length > 0 && r() < 0.7 ? pick(actionIds) : pick(['0'.repeat(42), 'x', '']);
  const origin = pick([appUrl, appUrl, 'http://evil.example', 'null', 'not a url', undefined]);
  const path = pick(['/sign-in', '/', `/join/${pick(ID_SEGMENTS)}`, '/patients/new', '/admin/security']);
  const headers: Record<string, string> = {};
  if (r() < 0.8) headers['next-action'] = actionId;
  if (origin) headers.origin = origin;
  if (r() < 0.2) headers['x-forwarded-host'] = pick(['evil.example', new URL(appUrl).host]);
  if (r() < 0.1) headers['next-router-prefetch'] = '1';
  const variant = Math.floor(r() * 6);
  let body: string;
  switch (variant) {
    case 0:
      headers['content-type'] = 'text/plain;charset=UTF-8';
      body = pick(['[]', '["$K1"]', '[{"attempt":"x"},"$K1"]', '{', '\u0000', `["${'a'.repeat(10_000)}"]`]);
      break;
    case 1:
      headers['content-type'] = 'multipart/form-data; boundary=fuzz';
      body = `--fuzz\r\nContent-Disposition: form-data; name="1_$ACTION_ID_${actionId}"\r\n\r\n\r\n--fuzz\r\nContent-Disposition: form-data; name="label"\r\n\r\na\u0000b\r\n--fuzz--\r\n`;
      break;
    case 2:
      headers['content-type'] = 'multipart/form-data; boundary=fuzz';
      body = `--fuzz\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]\r\n--fu`;
      break;
    case 3:
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = `$ACTION_ID_${actionId}=&email=${encodeURIComponent('a\u0000')}`;
      break;
    case 4:
      headers['content-type'] = pick(CONTENT_TYPES) ?? 'text/plain';
      body = pick(JSON_BODIES);
      break;
    default:
      headers['content-type'] = 'multipart/form-data';
      body = 'no boundary at all';
  }
  return [
    {
      name: `POST ${path.slice(0, 40)} action ${actionId.slice(0, 8) || '(empty)'} origin ${origin ?? '(none)'} v${variant}`,
      method: 'POST',
      path,
      headers,
      body,
    },
  ];
}
