// The page a join link opens, on the portal's public address.
import 'server-only';

import { appBaseUrl } from '@/lib/http/public-url';

/** The page a patient or guest opens; the token is the whole credential, so it never goes in a Referer. */
export function joinPageUrl(token: string): string {
  return `${appBaseUrl()}/join/${token}`;
}
