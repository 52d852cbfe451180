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

export const config = {
  matcher: [
    {
      source: '/((?!_next/static|_next/image|favicon.ico|vendor/).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
