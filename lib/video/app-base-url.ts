// The portal's public address, for links that leave the building (join links).
import 'server-only';

import { env } from '@/lib/env';

export function appBaseUrl(): string {
  const e = env();
  return (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
}

/** The page a patient or guest opens; the token is the whole credential, so it never goes in a Referer. */
export function joinPageUrl(token: string): string {
  return `${appBaseUrl()}/join/${token}`;
}
