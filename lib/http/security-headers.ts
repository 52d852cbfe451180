// The Content-Security-Policy: exactly what the pages need. Scripts only with
// this response's nonce (Next adds it to its own tags), no inline styles in
// production, no framing, no plugins. Twilio's signalling and media hosts are
// added by the video pages' policy when they need them.
export type CspOptions = { nonce: string; dev: boolean; connectSrc?: string[]; mediaSrc?: string[] };

export function contentSecurityPolicy({ nonce, dev, connectSrc = [], mediaSrc = [] }: CspOptions): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // Dev's error overlay injects inline styles; production pages use only stylesheets.
    'style-src': ["'self'", dev ? "'unsafe-inline'" : `'nonce-${nonce}'`],
    'img-src': ["'self'", 'blob:', 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...(dev ? ['ws:'] : []), ...connectSrc],
    'media-src': ["'self'", 'blob:', ...mediaSrc],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

export const HSTS = 'max-age=63072000; includeSubDomains';

/** Pages a patient opens from a link: the link's token must never leak in a Referer. */
export function isPatientPath(pathname: string): boolean {
  return pathname === '/join' || pathname.startsWith('/join/');
}
