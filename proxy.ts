// Next 16's proxy (formerly middleware): sets the per-request CSP nonce and
// transport headers, and sends signed-out visitors of staff pages to sign in
// early. It is a convenience, not a guard: every page, action and route checks
// authorization itself on the server (lib/auth/guards.ts).
import { NextResponse, type NextRequest } from 'next/server';

import { env } from '@/lib/env';
import {
  contentSecurityPolicy,
  HSTS,
  isPatientPath,
  isVideoPath,
  VIDEO_CSP,
} from '@/lib/http/security-headers';

const PUBLIC_PREFIXES = ['/sign-in', '/join', '/api/', '/_next/', '/favicon', '/robots.txt', '/vendor/'];
const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (isCrossOriginFormPost(request)) {
    // Next itself aborts such a server action with a 500; this says what happened instead.
    return new NextResponse('This form was sent from another site, so it was not accepted.', {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
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
  if (isPatientPath(pathname)) response.headers.set('Referrer-Policy', 'no-referrer');
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
  if (request.method === 'GET' || request.method === 'HEAD') return false;
  if (request.nextUrl.pathname.startsWith('/api/')) return false;
  const origin = request.headers.get('origin');
  if (origin === null) return false;
  const host =
    request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() || request.headers.get('host') || '';
  if (!URL.canParse(origin) || origin === 'null') return true;
  return new URL(origin).host !== host;
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
    // Any request with an Origin (every form POST from a browser), prefetch or not,
    // so that the cross-origin check above cannot be skipped by a prefetch header.
    {
      source:
        '/((?!_next/static|_next/image|favicon.ico|icon|apple-touch-icon|manifest.webmanifest|vendor/).*)',
      has: [{ type: 'header', key: 'origin' }],
    },
  ],
};
