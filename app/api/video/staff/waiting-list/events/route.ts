import { requireApiUser } from '@/lib/auth/guards';
import { route } from '@/lib/http/route';
import { getWaitingList } from '@/lib/video/waiting-room/get-waiting-list';
import { sessionStreamGuard } from '@/lib/video/events/stream-guard';
import { waitingListStream } from '@/lib/video/events/waiting-list-stream';

// GET /api/video/staff/waiting-list/events – server-sent events for the
// dashboard (signed in): "state" with today's telehealth sessions in the
// user's scope and who is waiting, on connect and after every change. Ends
// within moments of the session ending (signed out, revoked, deactivated, idle).
export const GET = route('video.waiting_list_events', async (request) => {
  const user = await requireApiUser('dashboard.view');
  return waitingListStream(request.signal, () => getWaitingList(user), { guard: sessionStreamGuard(user) });
});
