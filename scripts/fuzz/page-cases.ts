// Page requests and server action posts: real or made-up action ids, from here
// or another origin, with broken bodies.
import type { FuzzCase, FuzzOptions, Picker, Random } from './case-types';
import { CONTENT_TYPES, ID_SEGMENTS, JSON_BODIES, TOKENS } from './hostile-values';

export function pageCases({ actionIds, appUrl }: FuzzOptions, r: Random, pick: Picker): FuzzCase[] {
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
