// Who is asking for video access. Resolved from the request before any rule is
// applied, so the rules themselves (authorize-video-access.ts) are a pure function.
import type { SessionUser } from '@/lib/auth/session-user';

export type VideoPrincipal =
  /** Signed in to the portal (cookie). */
  | { kind: 'user'; user: SessionUser }
  /** Holder of a per-user API token (the video-room API). */
  | { kind: 'api'; user: SessionUser; apiTokenId: string }
  /** The patient, through their join link. */
  | {
      kind: 'patient';
      joinLinkId: string;
      appointmentId: string;
      revokedAt: Date | null;
      lastUsedAt?: Date | null;
    }
  /** An interpreter or support person, through a guest link (or the rejoin key it was exchanged for). */
  | {
      kind: 'guest';
      guestLinkId: string;
      appointmentId: string;
      revokedAt: Date | null;
      /** Present on the first use: the link is one-use, so the holder gets a rejoin key instead. */
      firstUse: boolean;
    };
