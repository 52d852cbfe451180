// The Content-Security-Policy: exactly what the pages need. Scripts only with
// this response's nonce (Next adds it to its own tags), no inline styles in
// production, no framing, no plugins. Twilio's signalling and media hosts are
// added by the video pages' policy when they need them.
export type CspOptions = {
  nonce: string;
  dev: boolean;
  connectSrc?: string[];
  mediaSrc?: string[];
  scriptSrc?: string[];
};

export function contentSecurityPolicy({
  nonce,
  dev,
  connectSrc = [],
  mediaSrc = [],
  scriptSrc = [],
}: CspOptions): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': [
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      ...(dev ? ["'unsafe-eval'"] : []),
      ...scriptSrc,
    ],
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

/**
 * What the video pages add to the policy (twilio-video's documented hosts; see
 * docs/decisions/007-video-client-settings.md):
 * - connect-src: signalling over WebSocket (wss://global.vss… and the au1
 *   region the pages connect to), the SDK's event and insights gateways
 *   (ecs, sdkgw). TURN and media (ICE over UDP/TCP/TLS to Twilio's TURN
 *   servers) are not governed by CSP, so nothing is listed for them.
 * - media-src: remote and local tracks play from MediaStreams (blob: already allowed).
 * - script-src 'wasm-unsafe-eval': background blur compiles its TensorFlow
 *   Lite WebAssembly (served from /vendor/twilio-video-processors/).
 */
export const VIDEO_CSP: Pick<CspOptions, 'connectSrc' | 'mediaSrc' | 'scriptSrc'> = {
  connectSrc: [
    'wss://global.vss.twilio.com',
    'wss://au1.vss.twilio.com',
    'https://ecs.us1.twilio.com',
    'wss://sdkgw.us1.twilio.com',
  ],
  mediaSrc: [],
  scriptSrc: ["'wasm-unsafe-eval'"],
};

/** Pages that run a video call or its device check: the join page and the clinician's room. */
export function isVideoPath(pathname: string): boolean {
  return isPatientPath(pathname) || /^\/appointments\/[^/]+\/room\/?$/.test(pathname);
}
