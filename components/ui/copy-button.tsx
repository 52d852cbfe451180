'use client';

import { useState } from 'react';

import { Button } from './button';

/** Copies `value` to the clipboard and says so (announced politely to screen readers). */
export function CopyButton({
  value,
  label = 'Copy',
  copiedLabel = 'Copied',
}: {
  value: string;
  label?: string;
  copiedLabel?: string;
}) {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant="secondary"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(value);
            setStatus('copied');
          } catch {
            setStatus('failed');
          }
        }}
      >
        {label}
      </Button>
      <span role="status" aria-live="polite" className="text-sm text-slate-700">
        {status === 'copied'
          ? copiedLabel
          : status === 'failed'
            ? 'Copy failed: select the text and copy it by hand.'
            : ''}
      </span>
    </span>
  );
}
