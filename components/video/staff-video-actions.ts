'use server';

// Server actions behind the staff video controls (the appointment page's panel,
// the dashboard's waiting list and the clinician's room). Each checks the
// signed-in user; lib/video checks what they may do with this appointment.
import { refresh } from 'next/cache';

import { requireUser } from '@/lib/auth/guards';
import { runFormAction } from '@/lib/auth/run-form-action';
import { sendJoinLink } from '@/lib/reminders/send-join-link';
import { formValues, type FormState } from '@/lib/schemas/form-state';
import { admitPatient, declinePatient } from '@/lib/video/admit-patient';
import { createGuestLink } from '@/lib/video/create-guest-link';
import { endSessionForEveryone } from '@/lib/video/end-video-session';
import { markNoShow } from '@/lib/video/mark-no-show';
import { postWaitingRoomMessage } from '@/lib/video/post-waiting-room-message';
import { regenerateJoinLink } from '@/lib/video/regenerate-join-link';
import { revokeJoinLink } from '@/lib/video/revoke-join-link';

export type VideoActionState = FormState & { url?: string };

async function run(
  event: string,
  previous: VideoActionState,
  values: Record<string, string>,
  operation: () => Promise<Omit<VideoActionState, 'attempt'>>,
): Promise<VideoActionState> {
  return runFormAction<{ url: string }>(event, previous, values, async () => {
    const result = await operation();
    refresh();
    return result;
  });
}

// POST /appointments/{id} – a new join link; the old one stops working.
export async function regenerateJoinLinkAction(
  appointmentId: string,
  previous: VideoActionState,
): Promise<VideoActionState> {
  const user = await requireUser();
  return run('video.regenerate_link_failed', previous, {}, async () => {
    const link = await regenerateJoinLink(user, appointmentId);
    return {
      status: 'success',
      message: 'New link made. The previous link no longer works; send the patient this one.',
      url: link.url,
    };
  });
}

// POST /appointments/{id} – send the patient their join link by WhatsApp or SMS, now.
export async function sendJoinLinkAction(
  appointmentId: string,
  previous: VideoActionState,
): Promise<VideoActionState> {
  const user = await requireUser();
  return run('video.send_link_failed', previous, {}, async () => {
    const { channels } = await sendJoinLink(user, appointmentId);
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
): Promise<VideoActionState> {
  const user = await requireUser();
  return run('video.revoke_link_failed', previous, {}, async () => {
    await revokeJoinLink(user, appointmentId);
    return { status: 'success', message: 'Link withdrawn. Make a new one when the patient needs it.' };
  });
}

// POST /appointments/{id} – let the waiting patient in.
export async function admitPatientAction(
  appointmentId: string,
  previous: VideoActionState,
): Promise<VideoActionState> {
  const user = await requireUser();
  return run('video.admit_failed', previous, {}, async () => {
    await admitPatient(user, appointmentId);
    return { status: 'success', message: 'Patient admitted. They are joining now.' };
  });
}

// POST /appointments/{id} – do not let the waiting patient in.
export async function declinePatientAction(
  appointmentId: string,
  previous: VideoActionState,
): Promise<VideoActionState> {
  const user = await requireUser();
  return run('video.decline_failed', previous, {}, async () => {
    await declinePatient(user, appointmentId);
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
  const values = formValues(formData, ['body']);
  return run('video.message_failed', previous, values, async () => {
    await postWaitingRoomMessage(user, appointmentId, values);
    return { status: 'success', message: 'Message shown to the patient.' };
  });
}

// POST /appointments/{id} – a one-use link for an interpreter or support person.
export async function createGuestLinkAction(
  appointmentId: string,
  previous: VideoActionState,
): Promise<VideoActionState> {
  const user = await requireUser();
  return run('video.guest_link_failed', previous, {}, async () => {
    const link = await createGuestLink(user, appointmentId);
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
): Promise<VideoActionState> {
  const user = await requireUser();
  return run('video.end_failed', previous, {}, async () => {
    await endSessionForEveryone(user, appointmentId);
    return { status: 'success', message: 'Session ended for everyone.' };
  });
}

// POST /appointments/{id} – the patient did not attend.
export async function markNoShowAction(
  appointmentId: string,
  previous: VideoActionState,
): Promise<VideoActionState> {
  const user = await requireUser();
  return run('video.no_show_failed', previous, {}, async () => {
    const { changed } = await markNoShow(user, appointmentId);
    return { status: 'success', message: changed ? 'Marked as a no-show.' : 'Already marked as a no-show.' };
  });
}
