'use client';

// Asks before a destructive form acts. Put it inside the <form> in place of
// the submit button:
//
//   <form action={run}>
//     <ConfirmDialog
//       triggerLabel="Withdraw link"
//       title="Withdraw the join link?"
//       message="Olivia is in the waiting room and will be told the link no longer works."
//       confirmLabel="Withdraw the link"
//     />
//   </form>
//
// and require the field on the server: `[CONFIRM_FIELD]: confirmed()` from
// lib/schemas/confirmation.ts. With JavaScript the trigger opens a native modal
// <dialog> (focus moves to its safe button, Escape or "Go back" closes it and
// focus returns to the trigger); only its confirm button sends the field. Before
// JavaScript runs (or without it) the trigger is a disclosure that opens on the
// consequence and a checkbox that must be ticked, so one click never acts.
import { useEffect, useId, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { useFormStatus } from 'react-dom';

import { CONFIRM_FIELD, CONFIRM_VALUE } from '@/lib/schemas/confirmation';

import { Button, buttonClasses } from './button';

type Variant = 'primary' | 'secondary' | 'danger';

export type ConfirmDialogProps = {
  /** The button that opens the dialog, e.g. "Cancel appointment". */
  triggerLabel: string;
  /** The dialog's heading, a question: "Cancel this appointment?" */
  title: string;
  /** What will happen, in plain words: "Olivia is in the waiting room and will be told the link no longer works." */
  message: ReactNode;
  /** The confirm button, named for the action: "Cancel the appointment". */
  confirmLabel: string;
  /** The safe button. */
  cancelLabel?: string;
  /** Shown on the trigger while the form is being sent. */
  pendingLabel?: string;
  /** Without JavaScript: the checkbox's label (default "Yes, <confirm label>"). */
  checkboxLabel?: string;
  /** The trigger's look; the confirm button is red for 'danger', else primary. */
  variant?: Variant;
  /** Shown next to the no-JavaScript checkbox when the server refused for want of it. */
  errors?: string[];
  disabled?: boolean;
  /** Makes the ids unique when several dialogs share a page (defaults to React's useId). */
  id?: string;
};

const noop = () => () => {};

/** True once this component runs in the browser (false in the server HTML and the first hydration pass). */
function useEnhanced(): boolean {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}

export function ConfirmDialog({
  triggerLabel,
  title,
  message,
  confirmLabel,
  cancelLabel = 'Go back',
  pendingLabel,
  checkboxLabel,
  variant = 'danger',
  errors,
  disabled,
  id,
}: ConfirmDialogProps) {
  const reactId = useId();
  const base = id ?? `confirm-${reactId.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const enhanced = useEnhanced();
  const { pending } = useFormStatus();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const safeRef = useRef<HTMLButtonElement>(null);

  // Any submission of the surrounding form (the Enter key in a text field,
  // another button) opens the dialog instead; only the dialog's own confirm
  // button, while the dialog is open, lets the form go.
  useEffect(() => {
    if (!enhanced) return;
    const form = triggerRef.current?.form;
    const dialog = dialogRef.current;
    if (!form || !dialog) return;
    const onSubmit = (event: SubmitEvent) => {
      if (dialog.open && event.submitter?.dataset.confirmFor === base) {
        dialog.close();
        return;
      }
      event.preventDefault();
      if (!dialog.open) open(dialog, safeRef.current);
    };
    form.addEventListener('submit', onSubmit);
    return () => form.removeEventListener('submit', onSubmit);
  }, [enhanced, base]);

  const confirmVariant = variant === 'danger' ? 'danger' : 'primary';

  if (!enhanced) {
    // The first paint and the no-JavaScript form: a disclosure that looks like
    // the trigger and opens on the consequence, a box to tick and the action.
    const boxId = `${base}-check`;
    return (
      <details open={Boolean(errors?.length)} className="flex max-w-md flex-col gap-3">
        <summary
          className={buttonClasses(variant, 'cursor-pointer list-none [&::-webkit-details-marker]:hidden')}
        >
          {triggerLabel}
        </summary>
        <fieldset className="mt-3 flex flex-col gap-3 rounded-md border border-slate-300 p-4">
          <legend className="px-1 text-base font-semibold text-slate-900">{title}</legend>
          <div id={`${base}-message`} className="text-sm text-slate-800">
            {message}
          </div>
          <div className="flex items-start gap-3">
            <input
              id={boxId}
              type="checkbox"
              name={CONFIRM_FIELD}
              value={CONFIRM_VALUE}
              aria-describedby={[`${base}-message`, errors?.length ? `${boxId}-error` : null]
                .filter(Boolean)
                .join(' ')}
              aria-invalid={errors?.length ? true : undefined}
              className="mt-0.5 size-6 shrink-0 rounded border-slate-500 accent-brand-700"
            />
            <label htmlFor={boxId} className="text-sm font-medium text-slate-800">
              {checkboxLabel ?? `Yes, ${lowerFirst(confirmLabel)}`}
            </label>
          </div>
          {errors?.length ? (
            <p id={`${boxId}-error`} className="text-sm font-medium text-red-800">
              {errors.join(' ')}
            </p>
          ) : null}
          <div>
            <Button type="submit" variant={confirmVariant} disabled={disabled || pending}>
              {pending && pendingLabel ? pendingLabel : confirmLabel}
            </Button>
          </div>
        </fieldset>
      </details>
    );
  }

  return (
    <>
      <Button
        ref={triggerRef}
        variant={variant}
        disabled={disabled || pending}
        aria-haspopup="dialog"
        onClick={() => open(dialogRef.current, safeRef.current)}
      >
        {pending && pendingLabel ? <span aria-live="polite">{pendingLabel}</span> : triggerLabel}
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={`${base}-title`}
        aria-describedby={`${base}-message`}
        // Focus goes back to the trigger however the dialog closes (Escape, Go back, confirm).
        onClose={() => {
          if (triggerRef.current?.isConnected) triggerRef.current.focus();
        }}
        className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/60"
      >
        <h2 id={`${base}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        <div id={`${base}-message`} className="mt-2 text-sm text-slate-800">
          {message}
        </div>
        <div className="mt-6 flex flex-wrap justify-end gap-3">
          <Button ref={safeRef} variant="secondary" onClick={() => dialogRef.current?.close()}>
            {cancelLabel}
          </Button>
          <Button
            type="submit"
            variant={confirmVariant}
            name={CONFIRM_FIELD}
            value={CONFIRM_VALUE}
            data-confirm-for={base}
          >
            {confirmLabel}
          </Button>
        </div>
      </dialog>
    </>
  );
}

/** Opens the dialog with focus on the safe choice, so Enter or Space there does not act. */
function open(dialog: HTMLDialogElement | null, safe: HTMLButtonElement | null) {
  if (!dialog || dialog.open) return;
  dialog.showModal();
  safe?.focus();
}

function lowerFirst(text: string): string {
  return text.length > 0 ? text[0]!.toLowerCase() + text.slice(1) : text;
}
