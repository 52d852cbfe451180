import { requireApiUser } from '@/lib/auth/guards';
import { idParamsSchema, route } from '@/lib/http/route';
import { getVideoPanel } from '@/lib/video/rooms/get-video-panel';
import { requireStaffVideoAccess } from '@/lib/video/access/staff-video-access';
import { sessionStreamGuard } from '@/lib/video/events/stream-guard';
import { videoEventStream } from '@/lib/video/events/video-event-stream';

// GET /api/appointments/{id}/video-events – server-sent events for the staff
// panel (signed in): "state" with the panel's view of the session (waiting
// patient, messages, room, who is connected), on connect and on every change.
// Ends within moments of the session ending (signed out, revoked, deactivated, idle).
export const GET = route('video.staff_events', { params: idParamsSchema }, async (request, { params }) => {
  const user = await requireApiUser();
  const { sessionId } = await requireStaffVideoAccess(user, params.id, 'view');
  return videoEventStream({
    sessionId,
    signal: request.signal,
    readState: () => getVideoPanel(user, params.id),
    guard: sessionStreamGuard(user),
  });
});
