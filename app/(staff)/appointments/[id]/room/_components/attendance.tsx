// What Twilio's status callbacks recorded about who was connected, shown in
// the clinician's room after the call.
import type { VideoPanelState } from '@/lib/video/rooms/get-video-panel';

function minutesSeconds(seconds: number | null): string {
  if (seconds === null) return 'not recorded';
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m ? `${m} min ${s} s` : `${s} s`;
}

const bands: Record<string, string> = {
  UNDER_20_MIN: 'under 20 minutes',
  FROM_20_UNDER_50_MIN: '20 to under 50 minutes',
  FROM_50_MIN: '50 minutes or more',
};

/** What Twilio's status callbacks recorded; arrives a few seconds after the call as the callbacks come in. */
export function Attendance({
  panel,
  patientFirstName,
}: {
  panel: VideoPanelState;
  patientFirstName: string;
  timeZone: string;
}) {
  const a = panel.attendance;
  return (
    <section
      aria-labelledby="attendance-heading"
      className="rounded-lg border border-slate-200 bg-white p-4"
      aria-live="polite"
    >
      <h3 id="attendance-heading" className="font-semibold">
        Attendance
      </h3>
      {a ? (
        <dl className="mt-2 grid gap-1 text-sm sm:grid-cols-2">
          <dt className="font-medium text-slate-600">{patientFirstName} connected</dt>
          <dd data-testid="attendance-patient">{minutesSeconds(a.patientSeconds)}</dd>
          <dt className="font-medium text-slate-600">You connected</dt>
          <dd>{minutesSeconds(a.clinicianSeconds)}</dd>
          <dt className="font-medium text-slate-600">Together</dt>
          <dd data-testid="attendance-joint">{minutesSeconds(a.jointSeconds)}</dd>
          <dt className="font-medium text-slate-600">Medicare time band</dt>
          <dd>{a.medicareTimeBand ? bands[a.medicareTimeBand] : 'not yet known'}</dd>
          <dt className="font-medium text-slate-600">Sound only</dt>
          <dd>{a.audioOnly === null ? 'not known' : a.audioOnly ? 'yes' : 'no'}</dd>
        </dl>
      ) : (
        <p className="mt-2 text-sm">Waiting for the video service’s records of who was connected…</p>
      )}
    </section>
  );
}
