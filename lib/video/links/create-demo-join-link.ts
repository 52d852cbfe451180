// For `npm run db:seed` and `npm run dev`: a working join link for the demo's next
// telehealth appointment, printed so a developer can open the patient's side at once.
// The link already issued is reused, so a restart does not break a tab left open.
import 'server-only';

import { ensureVideoSession } from '../rooms/ensure-video-session';
import { currentJoinLink } from './join-link-url';
import { replaceJoinLink } from './regenerate-join-link';

export async function createDemoJoinLink(appointmentId: string): Promise<string> {
  const sessionId = await ensureVideoSession(appointmentId);
  const current = await currentJoinLink(sessionId);
  return current?.url ?? (await replaceJoinLink(sessionId, null)).url;
}
