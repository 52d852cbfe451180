'use server';

// Server actions behind the staff video controls (the appointment page's panel,
// the dashboard's waiting list and the clinician's room). Each checks the
// signed-in user; lib/video checks what they may do with this appointment.
import { refresh } from 'next/cache';
import { z } from 'zod';

import { requireUser } from '@/lib/auth/guards';
import { formAction } from '@/lib/http/form-action';
import { sendJoinLink } from '@/lib/reminders/staff/send-join-link';
import { CONFIRM_FIELD, confirmed } from '@/lib/schemas/confirmation';
import type { FormState } from '@/lib/schemas/form-state';
import { entityId, freeText } from '@/lib/schemas/safe-text';
import { admitPatient, declinePatient } from '@/lib/video/waiting-room/admit-patient';
import { createGuestLink } from '@/lib/video/links/create-guest-link';
import { endSessionForEveryone } from '@/lib/video/rooms/end-video-session';
import { markNoShow } from '@/lib/video/attendance/mark-no-show';
import { postWaitingRoomMessage } from '@/lib/video/waiting-room/post-waiting-room-message';
import { regenerateJoinLink } from '@/lib/video/links/regenerate-join-link';
import { revokeJoinLink } from '@/lib/video/links/revoke-join-link';

export type VideoActionState = FormState & { url?: string };

const videoActionInput = z.object({ appointmentId: entityId, body: freeText(2000).optional() });
type VideoActionInput = z.output<typeof videoActionInput>;
/** A destructive action acts only with the confirm dialog's field (components/ui/confirm-dialog.tsx). */
const confirmedVideoActionInput = videoActionInput.extend({ [CONFIRM_FIELD]: confirmed() });

/** The appointment id the page bound (and a message's text) are parsed here, at the edge. */
async function run(
  event: string,
  previous: VideoActionState,
  input: { appointmentId: string; formData?: FormData; confirm?: boolean },
  operation: (input: VideoActionInput) => Promise<Omit<VideoActionState, 'attempt'>>,
): Promise<VideoActionState> {
  return formAction<typeof videoActionInput, { url: string }>(
    {
      event,
      schema: input.confirm ? confirmedVideoActionInput : videoActionInput,
      fields: input.confirm ? [CONFIRM_FIELD] : input.formData ? ['body'] : [],
      args: { appointmentId: input.appointmentId },
    },
    previous,
    input.formData,
    async (parsed) => {
      const result = await operation(parsed);
      refresh();
      return result;
    },
  );
}

// POST /appointments/{id} – a new join link; the old one stops working (so it is confirmed first).
export async function regenerateJoinLinkAction(
  appointmentId: string,
  previous: VideoActionState,
  formData?: FormData,
): Promise<VideoActionState> {
  const user = await requireUser();
  return run(
    'video.regenerate_link_failed',
    previous,
    { appointmentId, formData, confirm: true },
    async ({ appointmentId: id }) => {
      const link = await regenerateJoinLink(user, id);
      return {
        status: 'success',
        message: 'New link made. The previous link no longer works; send the patient this one.',
        url: link.url,
      };
    },
  );
}

// POST /appointments/{id} – send the patient their join link by WhatsApp or SMS, now.
export async function sendJoinLinkAction(
  appointmentId: string,
  previous: VideoActionState,
): Promise<VideoActionState> {
  const user = await requireUser();
  return run('video.send_link_failed', previous, { appointmentId }, async ({ appointmentId: id }) => {
    const { channels } = await sendJoinLink(user, id);
    const how =
      channels[0] === 'WHATSAPP'
        ? channels.includes('SMS')
          ? 'on WhatsApp (by SMS if WhatsApp cannot deliver it)'
          : 'on WhatsApp'
        : 'by SMS';
    return {
      status: 'success',
      message: `Sending the link to the patient ${how}. Its progress shows under Reminders.`,
    };
  });
}

// POST /appointments/{id} – withdraw the join link.
export async function revokeJoinLinkAction(
  appointmentId: string,
  previous: VideoActionState,
  formData?: FormData,
): Promise<VideoActionState> {
  const user = await requireUser();
  const input = { appointmentId, formData, confirm: true };
  return run('video.revoke_link_failed', previous, input, async ({ appointmentId: id }) => {
    await revokeJoinLink(user, id);
    return { status: 'success', message: 'Link withdrawn. Make a new one when the patient needs it.' };
  });
}

// POST /appointments/{id} – let the waiting patient in.
export async function admitPatientAction(
  appointmentId: string,
  previous: VideoActionState,
): Promise<VideoActionState> {
  const user = await requireUser();
  return run('video.admit_failed', previous, { appointmentId }, async ({ appointmentId: id }) => {
    await admitPatient(user, id);
    return { status: 'success', message: 'Patient admitted. They are joining now.' };
  });
}

// POST /appointments/{id} – do not let the waiting patient in.
export async function declinePatientAction(
  appointmentId: string,
  previous: VideoActionState,
): Promise<VideoActionState> {
  const user = await requireUser();
  return run('video.decline_failed', previous, { appointmentId }, async ({ appointmentId: id }) => {
    await declinePatient(user, id);
    return {
      status: 'success',
      message: 'The patient was told you could not see them and asked to contact the clinic.',
    };
  });
}

// POST /appointments/{id} – a short message to the waiting patient.
export async function postWaitingMessageAction(
  appointmentId: string,
  previous: VideoActionState,
  formData: FormData,
): Promise<VideoActionState> {
  const user = await requireUser();
  return run(
    'video.message_failed',
    previous,
    { appointmentId, formData },
    async ({ appointmentId: id, body }) => {
      await postWaitingRoomMessage(user, id, { body });
      return { status: 'success', message: 'Message shown to the patient.' };
    },
  );
}

// POST /appointments/{id} – a one-use link for an interpreter or support person.
export async function createGuestLinkAction(
  appointmentId: string,
  previous: VideoActionState,
): Promise<VideoActionState> {
  const user = await requireUser();
  return run('video.guest_link_failed', previous, { appointmentId }, async ({ appointmentId: id }) => {
    const link = await createGuestLink(user, id);
    return {
      status: 'success',
      message: 'Guest link made. It works once; give it only to your guest.',
      url: link.url,
    };
  });
}

// POST /appointments/{id} – end the call for everyone.
export async function endSessionAction(
  appointmentId: string,
  previous: VideoActionState,
  formData?: FormData,
): Promise<VideoActionState> {
  const user = await requireUser();
  return run(
    'video.end_failed',
    previous,
    { appointmentId, formData, confirm: true },
    async ({ appointmentId: id }) => {
      await endSessionForEveryone(user, id);
      return { status: 'success', message: 'Session ended for everyone.' };
    },
  );
}

// POST /appointments/{id} – the patient did not attend (confirmed first: their link stops working).
export async function markNoShowAction(
  appointmentId: string,
  previous: VideoActionState,
  formData?: FormData,
): Promise<VideoActionState> {
  const user = await requireUser();
  return run(
    'video.no_show_failed',
    previous,
    { appointmentId, formData, confirm: true },
    async ({ appointmentId: id }) => {
      const { changed } = await markNoShow(user, id);
      return {
        status: 'success',
        message: changed ? 'Marked as a no-show.' : 'Already marked as a no-show.',
      };
    },
  );
}
