// Reading a form-encoded body at an edge, once and bounded: the content type
// is checked before a byte is read, and reading stops past the limit, so a
// huge or endless body costs nothing. Shared by the Twilio webhooks and the
// sign-in endpoints.
import 'server-only';

import { hasControlCharacters } from '@/lib/schemas/safe-text';

import { jsonError } from './route';

export type FormBody = {
  /** The body as received, for passing on unchanged. */
  text: string;
  /** Every value of every key (a repeated key keeps all of them, in order). */
  all: Record<string, string | string[]>;
  /** The last value of each key. */
  fields: Record<string, string>;
  /** Keys that appeared more than once. */
  repeated: string[];
};

export function isFormEncoded(contentType: string | null): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/x-www-form-urlencoded';
}

/**
 * The form, or the refusal to answer with: 415 for another content type,
 * 413 past `limitBytes`.
 */
export async function readFormBody(
  request: Request,
  limitBytes: number,
): Promise<{ form: FormBody; refusal?: never } | { form?: never; refusal: Response }> {
  if (!isFormEncoded(request.headers.get('content-type'))) {
    return {
      refusal: jsonError(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'Send the fields form-encoded (application/x-www-form-urlencoded).',
      ),
    };
  }
  const text = await readBounded(request, limitBytes);
  if (text === null) {
    return {
      refusal: jsonError(
        413,
        'PAYLOAD_TOO_LARGE',
        `The request body is over ${Math.round(limitBytes / 1024)} KB.`,
      ),
    };
  }
  return { form: parseForm(text) };
}

/** Field names whose values hold control characters (new lines and tabs allowed when `allowWhitespace`). */
export function fieldsWithControlCharacters(
  form: FormBody,
  options: { allowWhitespace?: boolean } = {},
): string[] {
  const bad: string[] = [];
  for (const [key, value] of Object.entries(form.all)) {
    const values = Array.isArray(value) ? value : [value];
    if (hasControlCharacters(key) || values.some((v) => hasControlCharacters(v, options))) bad.push(key);
  }
  return bad;
}

/**
 * The body as text, or null once it passes `limit` bytes. An oversize body is
 * still read (and dropped) up to DRAIN_LIMIT_BYTES before answering, because
 * answering mid-upload makes the client close the connection on a request
 * Next is still reading, which Next reports as an uncaught error.
 */
async function readBounded(request: Request, limit: number): Promise<string | null> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > DRAIN_LIMIT_BYTES) return null;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > DRAIN_LIMIT_BYTES) {
      await reader.cancel();
      return null;
    }
    if (size <= limit) chunks.push(value);
  }
  return size > limit ? null : Buffer.concat(chunks).toString('utf8');
}

/** How much of an oversize body is read and dropped before the 413 (beyond it, the connection is cut). */
const DRAIN_LIMIT_BYTES = 1024 * 1024;

function parseForm(text: string): FormBody {
  const all: Record<string, string | string[]> = {};
  const fields: Record<string, string> = {};
  const repeated = new Set<string>();
  for (const [key, value] of new URLSearchParams(text)) {
    const before = all[key];
    if (before === undefined) all[key] = value;
    else {
      repeated.add(key);
      all[key] = Array.isArray(before) ? [...before, value] : [before, value];
    }
    fields[key] = value;
  }
  return { text, all, fields, repeated: [...repeated] };
}
