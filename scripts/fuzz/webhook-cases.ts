// Twilio webhook requests: a valid one mutated one way, sent signed, unsigned,
// or with a bad or junk signature.
import { twilioSignature } from '../twilio-emulator/signature';

import type { FuzzCase, FuzzOptions, Picker, Random } from './case-types';
import {
  BROKEN_ENCODINGS,
  CONTENT_TYPES,
  CONTROL,
  headerSafe,
  hexOf,
  JSON_BODIES,
  NUMBERS_OUT_OF_RANGE,
  TOKENS,
  UNICODE_ODDITIES,
} from './hostile-values';
import { WEBHOOKS } from './webhook-targets';

const WEBHOOK_LIMIT = 64 * 1024;

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

export function webhookCases(
  { appUrl, authToken, planted, sideEffects = true }: FuzzOptions,
  r: Random,
  pick: Picker,
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
