'use client';

import { useActionState } from 'react';

import { FormAlerts } from '@/components/ui/form-outcome';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import type { EditableRates } from '@/lib/costs/default-rates';
import { initialFormState } from '@/lib/schemas/form-state';

import { updateRatesAction } from '../actions';

const fields: Array<{ name: keyof EditableRates; label: string }> = [
  { name: 'videoParticipantMinute', label: 'Video, per participant-minute (USD)' },
  { name: 'whatsappMessage', label: 'Twilio’s WhatsApp fee, per message (USD)' },
  {
    name: 'whatsappUtilityTemplate',
    label: 'Meta’s fee, per utility template outside the 24-hour window (USD)',
  },
  { name: 'failedMessage', label: 'Failed message fee (USD)' },
];

export function RatesForm({
  rates,
  sources,
}: {
  rates: EditableRates;
  sources: Record<keyof EditableRates, string>;
}) {
  const [state, action, pending] = useActionState(updateRatesAction, initialFormState);
  return (
    <form action={action} className="flex max-w-2xl flex-col gap-4">
      <FormAlerts state={state} />
      {fields.map((f) => (
        <TextField
          key={`${f.name}-${state.attempt}`}
          label={f.label}
          name={f.name}
          inputMode="decimal"
          defaultValue={state.values?.[f.name] ?? String(rates[f.name])}
          errors={state.fieldErrors?.[f.name]}
          hint={sources[f.name]}
        />
      ))}
      <Button type="submit" variant="secondary" disabled={pending} className="self-start">
        {pending ? 'Saving…' : 'Save rates'}
      </Button>
    </form>
  );
}
