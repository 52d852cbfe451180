'use client';

import { useActionState, useId, useState } from 'react';

import { Alert } from '@/components/ui/alert';
import { TextAreaField, TextField } from '@/components/ui/field';
import { RefusalSummary } from '@/components/ui/form-outcome';
import { SubmitButton } from '@/components/ui/submit-button';
import { countSmsSegments } from '@/lib/reminders/templates/count-sms-segments';
import {
  placeholderHelp,
  renderTemplate,
  noticeTemplateProblems,
  TEMPLATE_PLACEHOLDERS,
  templateProblems,
  type NoticeKind,
  type ReminderKind,
  type TemplateValues,
} from '@/lib/reminders/templates/render-template';
import { initialFormState, type FormState } from '@/lib/schemas/form-state';

const labels = { smsBody: 'SMS text', whatsappContentSid: 'WhatsApp ContentSid' };

/**
 * Edits one kind of reminder (or, with `notice`, one change notice): SMS text with a live preview
 * and segment count, and its WhatsApp ContentSid.
 */
export function TemplateEditor({
  kind,
  notice,
  action,
  defaults,
  sample,
}: {
  kind: ReminderKind;
  notice?: NoticeKind;
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  defaults: { smsBody: string; whatsappContentSid: string };
  sample: TemplateValues;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {};
  const [text, setText] = useState(state.values?.smsBody ?? defaults.smsBody);
  const previewId = useId();
  const preview = renderTemplate(text, sample);
  const count = countSmsSegments(preview);
  const problems = notice ? noticeTemplateProblems(text, notice, kind) : templateProblems(text, kind);
  const prefix = `${notice ? `${notice.toLowerCase()}-` : ''}${kind === 'TELEHEALTH' ? 'telehealth' : 'in-person'}`;

  return (
    <form key={state.attempt} action={formAction} noValidate className="flex flex-col gap-4">
      <RefusalSummary state={state} labels={labels} />
      {state.status === 'success' && state.message ? <Alert tone="success">{state.message}</Alert> : null}
      <TextAreaField
        id={`${prefix}-smsBody`}
        label={labels.smsBody}
        name="smsBody"
        rows={4}
        value={text}
        onChange={(e) => setText(e.target.value)}
        hint={`Placeholders: ${TEMPLATE_PLACEHOLDERS.map((p) => `{${p}} ${placeholderHelp[p]}`).join('; ')}. Nothing else can be merged in: no names, no clinical details.`}
        errors={errors.smsBody}
        aria-controls={previewId}
      />
      <div className="flex flex-col gap-2 rounded-md border border-slate-300 bg-slate-50 p-3">
        <h4 className="text-sm font-semibold">Preview (sample appointment)</h4>
        <p
          id={previewId}
          className="whitespace-pre-wrap break-words font-mono text-sm"
          data-testid={`${prefix}-preview`}
        >
          {preview || '—'}
        </p>
        <p className="text-sm" role="status" aria-live="polite" data-testid={`${prefix}-segments`}>
          {count.segments === 0
            ? 'Empty message.'
            : `${count.segments} SMS segment${count.segments === 1 ? '' : 's'} · ${count.encoding} · ${count.units} ${count.encoding === 'GSM-7' ? 'characters' : 'UCS-2 units'} (${count.remainingInSegment} left in this segment)`}
          {count.segments > 1 ? ' — each segment is charged as a message.' : ''}
        </p>
        {count.nonGsmCharacters.length > 0 ? (
          <p className="text-sm text-amber-900">
            <span className="font-semibold">Unicode: </span>
            {count.nonGsmCharacters.map((c) => JSON.stringify(c)).join(' ')}{' '}
            {count.nonGsmCharacters.length === 1 ? 'is' : 'are'} not in the GSM-7 alphabet, so each segment
            holds 70 characters instead of 160. Replace {count.nonGsmCharacters.length === 1 ? 'it' : 'them'}{' '}
            to save segments.
          </p>
        ) : null}
        {problems.length > 0 ? (
          <ul className="list-disc pl-5 text-sm text-red-800" aria-label="Problems with this text">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <TextField
        id={`${prefix}-whatsappContentSid`}
        label={labels.whatsappContentSid}
        name="whatsappContentSid"
        hint="The approved template from Twilio's Content Template Builder (HX followed by 32 characters). Leave empty to send this kind by SMS only."
        defaultValue={state.values?.whatsappContentSid ?? defaults.whatsappContentSid}
        errors={errors.whatsappContentSid}
        autoComplete="off"
        spellCheck={false}
      />
      <div>
        <SubmitButton pendingLabel="Saving…">Save template</SubmitButton>
      </div>
    </form>
  );
}
