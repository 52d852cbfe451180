import NextAuth from 'next-auth';
import { NextRequest } from 'next/server';

import { authOptions } from '@/lib/auth/auth-options';
import { rateLimitedMessage } from '@/lib/auth/sign-in-messages';
import { fieldsWithControlCharacters, readFormBody } from '@/lib/http/form-body';
import { jsonError, route } from '@/lib/http/route';
import { log } from '@/lib/log/logger';
import { tooManyRequests } from '@/lib/rate-limit/too-many-requests';
import { hasControlCharacters } from '@/lib/schemas/safe-text';

type Segment = { nextauth: string[] };

/** Sign-in forms are a few hundred bytes. */
const AUTH_BODY_LIMIT_BYTES = 16 * 1024;
const CALLBACK_COOKIES = ['next-auth.callback-url', '__Secure-next-auth.callback-url'];

// next-auth answers some malformed requests with a 500 (or throws): a
// callbackUrl that is not a URL, a control character that ends up in a cookie
// header, a GET to the credentials callback, a JSON body that does not parse.
// Each is refused here with a 4xx before next-auth sees it.

// GET  /api/auth/providers, /api/auth/csrf, /api/auth/session – next-auth's own endpoints
export const GET = route<Segment>('auth.nextauth', async (request, { params, requestId }) => {
  if (params.nextauth?.[0] === 'callback') {
    // Only OAuth providers are called back with a GET; the portal has none.
    return refuse(requestId, 405, 'METHOD_NOT_ALLOWED', 'Sign in with the form on the sign-in page.');
  }
  const problem = queryOrCookieProblem(request);
  if (problem) return refuse(requestId, 400, 'INVALID_INPUT', problem);
  return (await NextAuth(request, { params: Promise.resolve(params) }, authOptions())) as Response;
});

// POST /api/auth/callback/credentials – sign in with email, password and (when enrolled) a code
// POST /api/auth/signout – next-auth's sign-out (the portal's button uses a server action)
// POST /api/auth/_log – next-auth's client logging: accepted and dropped (it would log what the browser sent)
// Bodies are form-encoded only (415), bounded (413), without control characters
// (400); next-auth then gets the same fields in a fresh, exactly form-typed request.
export const POST = route<Segment>('auth.nextauth', async (request, { params, requestId }) => {
  const { form, refusal } = await readFormBody(request, AUTH_BODY_LIMIT_BYTES);
  if (refusal) {
    log.info('auth.request_refused', { requestId, status: refusal.status });
    return refusal;
  }
  if (params.nextauth?.[0] === '_log') return new Response(null, { status: 204 });
  // Tabs and new lines can come with pasted text; other control characters cannot.
  if (fieldsWithControlCharacters(form, { allowWhitespace: true }).length > 0) {
    return refuse(
      requestId,
      400,
      'INVALID_INPUT',
      'Some of the fields hold characters nobody types. Please try again.',
    );
  }
  const problem = queryOrCookieProblem(request) ?? callbackUrlProblem(form.fields.callbackUrl);
  if (problem) return refuse(requestId, 400, 'INVALID_INPUT', problem);
  const headers = new Headers(request.headers);
  // Exactly the type next-auth reads as a form (it looks for "application/json" anywhere in it).
  headers.set('content-type', 'application/x-www-form-urlencoded');
  headers.delete('content-length');
  const clean = new NextRequest(request.url, { method: 'POST', headers, body: form.text });
  const response = (await NextAuth(clean, { params: Promise.resolve(params) }, authOptions())) as Response;
  return (await throttledAnswer(response)) ?? response;
});

/**
 * next-auth reports a refused sign-in as a redirect (or, asked for JSON, a URL) carrying
 * `error=`. A throttled one says `RATE_LIMITED:<seconds>:<scope>` (auth-options.ts): that
 * becomes a 429 with Retry-After and the sentence the sign-in page shows, as every other
 * limit answers.
 */
async function throttledAnswer(response: Response): Promise<Response | null> {
  let target = response.headers.get('location');
  if (!target && response.headers.get('content-type')?.includes('application/json')) {
    const body = (await response
      .clone()
      .json()
      .catch(() => null)) as { url?: unknown } | null;
    target = typeof body?.url === 'string' ? body.url : null;
  }
  if (!target || !URL.canParse(target, 'http://portal.invalid')) return null;
  const error = new URL(target, 'http://portal.invalid').searchParams.get('error') ?? '';
  const match = /^RATE_LIMITED:(\d{1,6}):(network|account)$/.exec(error);
  if (!match) return null;
  const seconds = Number(match[1]);
  const now = new Date();
  return tooManyRequests(new Date(now.getTime() + seconds * 1000), now, (wait) =>
    rateLimitedMessage(match[2] as 'network' | 'account', wait),
  );
}

function refuse(requestId: string, status: number, code: string, message: string): Response {
  log.info('auth.request_refused', { requestId, status });
  return jsonError(status, code, message);
}

function queryOrCookieProblem(request: NextRequest): string | null {
  for (const [key, value] of request.nextUrl.searchParams) {
    if (hasControlCharacters(key) || hasControlCharacters(value)) {
      return 'The address holds characters nobody types. Please go back to the sign-in page.';
    }
  }
  const callbackUrl = request.nextUrl.searchParams.get('callbackUrl');
  if (callbackUrl !== null && callbackUrlProblem(callbackUrl)) return callbackUrlProblem(callbackUrl);
  for (const cookie of request.cookies.getAll()) {
    if (hasControlCharacters(cookie.value))
      return 'A sign-in cookie is damaged. Clear this site’s cookies and try again.';
    if (CALLBACK_COOKIES.includes(cookie.name) && callbackUrlProblem(cookie.value)) {
      return 'A sign-in cookie is damaged. Clear this site’s cookies and try again.';
    }
  }
  return null;
}

function callbackUrlProblem(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  // next-auth's redirect callback takes a path, or reads the value with new URL() and throws.
  return value.startsWith('/') || URL.canParse(value)
    ? null
    : 'The page to return to after signing in is not a web address. Please go back to the sign-in page.';
}
