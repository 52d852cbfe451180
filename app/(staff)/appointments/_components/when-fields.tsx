import type { ReactNode } from 'react';

import { bindFields, TextField } from '@/components/ui/field';

export const whenLabels = { date: 'Date', startTime: 'Start time', durationMinutes: 'Duration (minutes)' };

type WhenName = keyof typeof whenLabels;

/**
 * An appointment's date, start time and duration, for booking and for
 * moving one. With a legend the three are grouped as a fieldset under it.
 */
export function WhenFields({
  today,
  value,
  errors,
  durationHint,
  legend,
}: {
  today: string;
  value: (name: WhenName) => string;
  errors: Partial<Record<string, string[]>>;
  durationHint?: string;
  legend?: ReactNode;
}) {
  const field = bindFields(whenLabels, value, errors);
  const fields = (
    <div className="grid gap-4 sm:grid-cols-3">
      <TextField {...field('date')} type="date" min={today} required />
      <TextField {...field('startTime')} type="time" step={300} required />
      <TextField
        {...field('durationMinutes')}
        type="number"
        inputMode="numeric"
        min={5}
        max={240}
        step={5}
        hint={durationHint}
        required
      />
    </div>
  );
  if (!legend) return fields;
  return (
    <fieldset className="flex flex-col gap-4">
      <legend className="mb-1 text-sm text-slate-700">{legend}</legend>
      {fields}
    </fieldset>
  );
}
