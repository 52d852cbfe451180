import type { ChangeEvent } from 'react';

import { CheckboxField } from '@/components/ui/field';

/** Whether a change is sent to the patient: ticked unless a refused submission had it unticked. */
export function notifyChecked(echoed: Record<string, string> | undefined): boolean {
  return echoed ? echoed.notifyPatient === 'on' : true;
}

/** "Notify the patient", for moving and cancelling an appointment. */
export function NotifyPatientField({
  form,
  hint,
  echoed,
  onChange,
}: {
  /** Names the checkbox's id, as two of these forms share a page. */
  form: 'reschedule' | 'cancel';
  hint: string;
  echoed: Record<string, string> | undefined;
  onChange?: (event: ChangeEvent<HTMLInputElement>) => void;
}) {
  return (
    <CheckboxField
      id={`${form}-notifyPatient`}
      label="Notify the patient"
      name="notifyPatient"
      hint={hint}
      defaultChecked={notifyChecked(echoed)}
      onChange={onChange}
    />
  );
}
