import type { ReactNode } from 'react';

type Tone = 'info' | 'success' | 'warning' | 'error';

const tones: Record<Tone, string> = {
  info: 'border-sky-300 bg-sky-50 text-sky-950',
  success: 'border-emerald-300 bg-emerald-50 text-emerald-950',
  warning: 'border-amber-300 bg-amber-50 text-amber-950',
  error: 'border-red-300 bg-red-50 text-red-950',
};

const labels: Record<Tone, string> = { info: 'Note', success: 'Done', warning: 'Warning', error: 'Problem' };

/** A message box. Errors and warnings are announced (role=alert); the tone is in words, not only colour. */
export function Alert({
  tone = 'info',
  title,
  children,
}: {
  tone?: Tone;
  title?: string;
  children?: ReactNode;
}) {
  return (
    <div
      role={tone === 'error' || tone === 'warning' ? 'alert' : 'status'}
      className={`rounded-md border px-4 py-3 text-sm ${tones[tone]}`}
    >
      <p className="font-semibold">{title ?? labels[tone]}</p>
      {children ? <div className="mt-1">{children}</div> : null}
    </div>
  );
}
