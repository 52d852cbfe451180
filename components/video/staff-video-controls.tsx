'use client';

// The interactive staff video controls (the appointment page's panel, the
// dashboard's waiting list, the clinician's room): buttons and forms that run
// server actions, and a listener that refreshes the panel when the session changes.
import { useRouter } from 'next/navigation';
import { useActionState, useRef } from 'react';

import { useEventStream } from '@/components/hooks/use-event-stream';
import { Button } from '@/components/ui/button';
import { ConfirmDialog, type ConfirmDialogProps } from '@/components/ui/confirm-dialog';
import { CopyButton } from '@/components/ui/copy-button';
import { TextAreaField } from '@/components/ui/field';
import { initialFormState } from '@/lib/schemas/form-state';

import type { VideoActionState } from '@/components/video/staff-video-actions';

type Action = (previous: VideoActionState, formData: FormData) => Promise<VideoActionState>;

/** One button that runs one action and says what happened. */
export function VideoActionButton({
  action,
  label,
  pendingLabel,
  variant = 'secondary',
  confirm,
}: {
  action: Action;
  label: string;
  pendingLabel: string;
  variant?: 'primary' | 'secondary' | 'danger';
  /** A destructive action: asks in a dialog first, and the server refuses without its answer. */
  confirm?: Pick<ConfirmDialogProps, 'title' | 'message' | 'confirmLabel'>;
}) {
  const [state, run, pending] = useActionState<VideoActionState, FormData>(action, initialFormState);
  if (confirm) {
    return (
      <form action={run} className="flex flex-col items-start gap-1">
        <ConfirmDialog
          {...confirm}
          triggerLabel={label}
          pendingLabel={pendingLabel}
          variant={variant}
          errors={state.fieldErrors?.confirm}
        />
        <ActionResult state={state} />
      </form>
    );
  }
  return (
    <form action={run} className="flex flex-col items-start gap-1">
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? pendingLabel : label}
      </Button>
      <ActionResult state={state} />
    </form>
  );
}

/** "Mark as no-show", asked in a dialog first (the patient's link stops working). */
export function MarkNoShowButton({ action }: { action: Action }) {
  return (
    <VideoActionButton
      action={action}
      label="Mark as no-show"
      pendingLabel="Saving…"
      confirm={{
        title: 'Mark this appointment as a no-show?',
        message: 'The patient’s join link will stop working, and the appointment is recorded as missed.',
        confirmLabel: 'Mark as no-show',
      }}
    />
  );
}

/** The guest-link button: shows the new link, once, with a copy button. */
export function GuestLinkButton({ action }: { action: Action }) {
  const [state, run, pending] = useActionState<VideoActionState, FormData>(action, initialFormState);
  return (
    <form action={run} className="flex flex-col items-start gap-2">
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? 'Making link…' : 'Invite a guest (interpreter or support person)'}
      </Button>
      <ActionResult state={state} />
      {state.url ? (
        <div className="flex flex-wrap items-center gap-2">
          <code className="break-all rounded bg-slate-100 px-2 py-1 text-sm">{state.url}</code>
          <CopyButton value={state.url} label="Copy guest link" />
        </div>
      ) : null}
    </form>
  );
}

export function WaitingMessageForm({ action, idPrefix }: { action: Action; idPrefix?: string }) {
  const [state, run, pending] = useActionState<VideoActionState, FormData>(action, initialFormState);
  return (
    <form
      key={state.status === 'success' ? state.attempt : 'editing'}
      action={run}
      className="flex max-w-xl flex-col gap-2"
      noValidate
    >
      <TextAreaField
        label="Message to the waiting patient"
        name="body"
        id={idPrefix ? `${idPrefix}-message` : undefined}
        rows={2}
        maxLength={280}
        defaultValue={state.status === 'error' ? state.values?.body : undefined}
        errors={state.fieldErrors?.body}
        hint="For example: “Running five minutes late, thank you for waiting.” Up to 280 characters."
      />
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? 'Sending…' : 'Show message'}
      </Button>
      <ActionResult state={state} />
    </form>
  );
}

function ActionResult({ state }: { state: VideoActionState }) {
  return (
    <p
      role="status"
      className={state.status === 'error' ? 'text-sm text-red-800' : 'text-sm text-emerald-800'}
    >
      {state.message ?? ''}
    </p>
  );
}

/**
 * Re-renders the panel when the session changes (patient waiting, admitted,
 * connected…), from the staff event stream.
 */
export function VideoPanelLive({ appointmentId }: { appointmentId: string }) {
  const router = useRouter();
  const seen = useRef(false);
  useEventStream<{ state: unknown }>(`/api/appointments/${encodeURIComponent(appointmentId)}/video-events`, {
    state: () => {
      // The first message is the state the page was just rendered with.
      if (seen.current) router.refresh();
      else seen.current = true;
    },
  });
  return null;
}
