import { NextResponse } from 'next/server';

import { authenticateApiToken } from '@/lib/api-tokens/authenticate-api-token';
import { idParamsSchema, route } from '@/lib/http/route';
import { prepareVideoRoom } from '@/lib/video/rooms/prepare-video-room';

// POST /api/appointments/video-room/{id}/ – for other systems holding an API
// token (Authorization: Bearer tpat_…): create the appointment's video room, or
// return the one in progress. 201 when created, 200 when it already existed.
// Served with the trailing slash as written (next.config.js skipTrailingSlashRedirect).
export const POST = route(
  'video.room_api',
  { params: idParamsSchema },
  async (request, { params, requestId }) => {
    const caller = await authenticateApiToken(request);
    const room = await prepareVideoRoom({ kind: 'api', ...caller }, params.id, { requestId });
    return NextResponse.json(
      {
        room: {
          sid: room.sid,
          status: room.status,
          mediaRegion: room.mediaRegion,
          maxParticipants: room.maxParticipants,
        },
      },
      { status: room.created ? 201 : 200, headers: { 'Cache-Control': 'no-store' } },
    );
  },
);
