// Requests to the sign-in routes: hostile credentials, forms and cookies.
import type { FuzzCase, Params, Picker, PlantedValues, Random } from './case-types';
import {
  BROKEN_ENCODINGS,
  CONTENT_TYPES,
  headerSafe,
  JSON_BODIES,
  NUMBERS_OUT_OF_RANGE,
  TOKENS,
  UNICODE_ODDITIES,
} from './hostile-values';

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

export function authCases(planted: PlantedValues, r: Random, pick: Picker): FuzzCase[] {
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
