// The URL of a request as the outside world (and so Twilio, when it signed a
// webhook) saw it. Behind a reverse proxy the server sees http://127.0.0.1:3000;
// X-Forwarded-Proto/Host are honoured only when TRUST_PROXY is set, because
// anyone can send those headers.
import 'server-only';

import { env } from '@/lib/env';

export function publicRequestUrl(request: Request): string {
  const url = new URL(request.url);
  const config = env();
  if (config.TRUST_PROXY) {
    const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
    const host = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim();
    if (proto === 'http' || proto === 'https') url.protocol = `${proto}:`;
    if (host) url.host = host;
    return url.toString();
  }
  // Without a trusted proxy, the configured public address is the truth for scheme and host.
  if (config.APP_URL) {
    const app = new URL(config.APP_URL);
    url.protocol = app.protocol;
    url.host = app.host;
  } else {
    const host = request.headers.get('host');
    if (host) url.host = host;
  }
  return url.toString();
}

/** The portal's public base URL (no trailing slash): what Twilio calls back and what links point to. */
export function appBaseUrl(): string {
  const e = env();
  return (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
}
