import NextAuth from 'next-auth';
import { NextRequest } from 'next/server';

import { authOptions } from '@/lib/auth/auth-options';
import { fieldsWithControlCharacters, readFormBody } from '@/lib/http/form-body';
import { jsonError, route } from '@/lib/http/route';
import { log } from '@/lib/log/logger';

type Segment = { nextauth: string[] };

/** Sign-in forms are a few hundred bytes. */
const AUTH_BODY_LIMIT_BYTES = 16 * 1024;

// GET  /api/auth/providers, /api/auth/csrf, /api/auth/session – next-auth's own endpoints
export const GET = route<Segment>('auth.nextauth', async (request, { params }) => {
  return (await NextAuth(request, { params: Promise.resolve(params) }, authOptions())) as Response;
});

// POST /api/auth/callback/credentials – sign in with email, password and (when enrolled) a code
// POST /api/auth/signout – next-auth's sign-out (the portal's button uses a server action)
// next-auth parses a JSON body itself and throws on a malformed one, so its POSTs
// are read here first: form-encoded only (415), bounded (413), no control
// characters (400); it then gets the same fields in a fresh request.
export const POST = route<Segment>('auth.nextauth', async (request, { params, requestId }) => {
  const { form, refusal } = await readFormBody(request, AUTH_BODY_LIMIT_BYTES);
  if (refusal) {
    log.info('auth.request_refused', { requestId, status: refusal.status });
    return refusal;
  }
  const invalid = fieldsWithControlCharacters(form);
  if (invalid.length > 0) {
    log.info('auth.request_refused', { requestId, status: 400 });
    return jsonError(
      400,
      'INVALID_INPUT',
      'Some of the fields hold characters nobody types. Please try again.',
    );
  }
  const headers = new Headers(request.headers);
  // Exactly the type next-auth reads as a form (it looks for "application/json" anywhere in it).
  headers.set('content-type', 'application/x-www-form-urlencoded');
  headers.delete('content-length');
  const clean = new NextRequest(request.url, { method: 'POST', headers, body: form.text });
  return (await NextAuth(clean, { params: Promise.resolve(params) }, authOptions())) as Response;
});
