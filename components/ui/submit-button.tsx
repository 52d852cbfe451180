'use client';

import type { ReactNode } from 'react';
import { useFormStatus } from 'react-dom';

import { Button } from './button';

/** A form's submit button that says it is working while the form is being sent. */
export function SubmitButton({
  children,
  pendingLabel = 'Saving…',
  variant = 'primary',
  className,
}: {
  children: ReactNode;
  pendingLabel?: string;
  variant?: 'primary' | 'secondary' | 'danger';
  className?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <Button
      type="submit"
      variant={variant}
      className={className}
      aria-disabled={pending || undefined}
      disabled={pending}
    >
      {pending ? <span aria-live="polite">{pendingLabel}</span> : children}
    </Button>
  );
}
