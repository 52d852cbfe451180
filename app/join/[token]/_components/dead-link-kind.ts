// Which guidance a dead link shows. Kept out of the client component that
// renders it: the join page (a server component) calls it while rendering, and
// a function exported from a 'use client' module cannot be called on the server.
import type { JoinStatus } from '@/components/video/join-status';

export type GuidanceKind =
  Exclude<JoinStatus, 'open' | 'early'> | 'not-recognised' | 'unsupported' | 'withdrawn';

/** The guidance for each way a link dies (lib/video/links/dead-link.ts); null for any other refusal. */
export function deadLinkKind(code: string | null): GuidanceKind | null {
  switch (code) {
    case 'LINK_REPLACED':
      return 'revoked';
    case 'LINK_REVOKED':
      return 'withdrawn';
    case 'LINK_EXPIRED':
      return 'expired';
    case 'APPOINTMENT_CANCELLED':
      return 'cancelled';
    case 'APPOINTMENT_CLOSED':
      return 'missed';
    default:
      return null;
  }
}
