// The telehealth join link a reminder carries: the patient's current link for
// the appointment (lib/video), or a first one when none exists yet. Computed
// when the message is built and never stored with the message (it opens the
// room). Never replaces an existing link: that would break the link in an
// earlier reminder.
import 'server-only';

import { ensureVideoSession } from '@/lib/video/rooms/ensure-video-session';
import { currentOrFirstJoinLink } from '@/lib/video/links/regenerate-join-link';

export async function getJoinUrl(appointmentId: string): Promise<string> {
  const sessionId = await ensureVideoSession(appointmentId);
  // No link yet: the first one, made for the clinic (no user acting).
  return (await currentOrFirstJoinLink(sessionId, null)).url;
}
