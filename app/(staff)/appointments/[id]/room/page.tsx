import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';

import { requireUser } from '@/lib/auth/guards';
import { isAppError } from '@/lib/errors/app-error';
import { formatInTimeZone } from '@/lib/time/clinic-time';
import { getClinicianRoom, type ClinicianRoom } from '@/lib/video/rooms/get-clinician-room';

import { ClinicianRoomView } from './_components/clinician-room';

export const metadata: Metadata = { title: 'Video room' };

// The clinician's video room for one telehealth appointment: device check,
// the call, the waiting patient (message, let in), guests, ending for
// everyone, no-show, and the attendance Twilio reported afterwards.
export default async function RoomPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  let room: ClinicianRoom;
  try {
    room = await getClinicianRoom(user, id);
  } catch (err) {
    if (isAppError(err) && (err.code === 'NOT_FOUND' || err.code === 'CONFLICT')) notFound();
    if (isAppError(err) && err.code === 'FORBIDDEN') forbidden();
    throw err;
  }
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb">
        <Link href={`/appointments/${id}`} className="text-brand-700 underline">
          Back to the appointment
        </Link>
      </nav>
      <div>
        <h1 className="text-2xl font-bold">Video session with {room.patientName}</h1>
        <p className="text-slate-700">
          {formatInTimeZone(new Date(room.startsAt), room.timeZone, "EEEE d MMMM 'at' h:mm aaa")} (
          {room.timeZone.split('/').pop()?.replace(/_/g, ' ')} time; every time on this page is the clinic’s)
        </p>
      </div>
      <ClinicianRoomView
        appointmentId={id}
        initialPanel={room.panel}
        patientFirstName={room.patientFirstName}
        timeZone={room.timeZone}
      />
    </div>
  );
}
