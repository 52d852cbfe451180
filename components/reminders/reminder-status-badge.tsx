import { reminderStatusLabels, type ReminderStatusValue } from '@/lib/schemas/reminder';

// The status in words; colour and the icon-like prefix only repeat it.
const tones: Record<ReminderStatusValue, string> = {
  SCHEDULED: 'border-slate-400 bg-white text-slate-800',
  SENDING: 'border-sky-600 bg-sky-50 text-sky-900',
  SENT: 'border-sky-700 bg-sky-50 text-sky-900',
  DELIVERED: 'border-emerald-700 bg-emerald-50 text-emerald-900',
  FAILED: 'border-red-700 bg-red-50 text-red-900',
  CANCELLED: 'border-slate-300 bg-slate-100 text-slate-700 line-through decoration-1',
  SKIPPED: 'border-amber-600 bg-amber-50 text-amber-900',
};

export function ReminderStatusBadge({ status }: { status: ReminderStatusValue }) {
  return (
    <span
      data-reminder-status={status}
      className={`inline-block whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-semibold ${tones[status]}`}
    >
      {reminderStatusLabels[status]}
    </span>
  );
}
