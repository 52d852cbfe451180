// For `npm run db:seed`: a working join link for the demo's next telehealth
// appointment, printed so a developer can open the patient's side at once.
import 'server-only';

import { ensureVideoSession } from './ensure-video-session';
import { replaceJoinLink } from './regenerate-join-link';

export async function createDemoJoinLink(appointmentId: string): Promise<string> {
  const sessionId = await ensureVideoSession(appointmentId);
  return (await replaceJoinLink(sessionId, null)).url;
}
