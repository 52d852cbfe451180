// Next 16's proxy (formerly middleware): sets the per-request CSP nonce and
// transport headers, and sends signed-out visitors of staff pages to sign in
// early. It is a convenience, not a guard: every page, action and route checks
// authorization itself on the server (lib/auth/guards.ts).
import { NextResponse, type NextRequest } from 'next/server';

import { env } from '@/lib/env';
import { serverActionBodyProblem } from '@/lib/http/server-action-body';
import {
  contentSecurityPolicy,
  HSTS,
  isPatientPath,
  isVideoPath,
  VIDEO_CSP,
} from '@/lib/http/security-headers';

const PUBLIC_PREFIXES = [
  '/sign-in',
  '/set-password/',
  '/join',
  '/api/',
  '/_next/',
  '/favicon',
  '/robots.txt',
  '/vendor/',
];
const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (!decodablePath(pathname)) {
    // Next would fail to decode it while routing and answer 500.
    return plain(400, 'This address is not valid. Check the link and try again.');
  }
  if (isCrossOriginFormPost(request)) {
    // Next itself aborts such a server action with a 500; this says what happened instead.
    return plain(403, 'This form was sent from another site, so it was not accepted.');
  }
  // Not only pages: a POST to an /api/ path that has no route is rendered as a page (the 404) too.
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    const problem = await serverActionBodyProblem(request);
    if (problem) return plain(400, problem);
  }
  const isPublic = PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(p));
  if (!isPublic && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const signIn = new URL('/sign-in', request.url);
    if (pathname !== '/') signIn.searchParams.set('next', pathname);
    return NextResponse.redirect(signIn);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy({
    nonce,
    dev: env().NODE_ENV === 'development',
    // Twilio's signalling hosts and WebAssembly (blur) only where a call runs.
    ...(isVideoPath(pathname) ? VIDEO_CSP : {}),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  // A one-time link's token is in the path: it must never leave in a Referer.
  if (isPatientPath(pathname) || pathname.startsWith('/set-password/')) {
    response.headers.set('Referrer-Policy', 'no-referrer');
  }
  const proto = request.headers.get('x-forwarded-proto') ?? request.nextUrl.protocol.replace(':', '');
  if (proto === 'https') response.headers.set('Strict-Transport-Security', HSTS);
  return response;
}

/**
 * A POST to a page (a server action, with or without JavaScript) whose Origin
 * is not this site: the check Next makes (the Origin's host against the first
 * X-Forwarded-Host, else Host), made before Next sees it. Without an Origin,
 * Next lets a request through (only a hand-made request omits it), and so does this.
 */
function isCrossOriginFormPost(request: NextRequest): boolean {
  if (!isPagePost(request)) return false;
  const origin = request.headers.get('origin');
  if (origin === null) return false;
  const host =
    request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() || request.headers.get('host') || '';
  if (!URL.canParse(origin) || origin === 'null') return true;
  return new URL(origin).host !== host;
}

/** A request to a page that is not a read: only server actions are posted to pages. */
function isPagePost(request: NextRequest): boolean {
  return (
    request.method !== 'GET' && request.method !== 'HEAD' && !request.nextUrl.pathname.startsWith('/api/')
  );
}

function decodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function plain(status: number, message: string): NextResponse {
  return new NextResponse(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

export const config = {
  // The icon set and manifest in public/ skip the proxy: a browser asks for them on
  // every page, signed in or not.
  matcher: [
    {
      source:
        '/((?!_next/static|_next/image|favicon.ico|icon|apple-touch-icon|manifest.webmanifest|vendor/).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
    // Any request with an Origin (every form POST from a browser) or a body, prefetch
    // or not, so that the checks above cannot be skipped by a prefetch header.
    {
      source:
        '/((?!_next/static|_next/image|favicon.ico|icon|apple-touch-icon|manifest.webmanifest|vendor/).*)',
      has: [{ type: 'header', key: 'origin' }],
    },
    {
      source:
        '/((?!_next/static|_next/image|favicon.ico|icon|apple-touch-icon|manifest.webmanifest|vendor/).*)',
      has: [{ type: 'header', key: 'content-type' }],
    },
  ],
};
