import { statusLabels, type AppointmentStatusValue } from '@/lib/schemas/appointment-options';

// The status in words; the colour only repeats what the word says.
const tones: Record<AppointmentStatusValue, string> = {
  BOOKED: 'border-slate-400 bg-white text-slate-800',
  CONFIRMED: 'border-emerald-700 bg-emerald-50 text-emerald-900',
  CANCELLED: 'border-red-300 bg-red-50 text-red-900 line-through decoration-1',
  COMPLETED: 'border-slate-300 bg-slate-100 text-slate-700',
  NO_SHOW: 'border-amber-600 bg-amber-50 text-amber-900',
};

export function StatusBadge({ status }: { status: AppointmentStatusValue }) {
  return (
    <span className={`inline-block rounded-full border px-2 py-0.5 text-xs font-semibold ${tones[status]}`}>
      {statusLabels[status]}
    </span>
  );
}
