import type { ReactNode } from 'react';

import { kindLabels, type AppointmentKindValue } from '@/lib/schemas/appointment-options';

// Telehealth is marked with an icon and the word, never by colour alone.

/** A 16 px line icon, hidden from screen readers (the word beside it says the same). */
function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="size-4 shrink-0"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      {children}
    </svg>
  );
}

function VideoIcon() {
  return (
    <Icon>
      <rect x="2.5" y="6" width="13" height="12" rx="2" />
      <path d="M15.5 10.5 21.5 7v10l-6-3.5z" strokeLinejoin="round" />
    </Icon>
  );
}

function RoomIcon() {
  return (
    <Icon>
      <path d="M4 21V5a2 2 0 0 1 2-2h8a2 2 0 0 1 2 2v16" />
      <path d="M2 21h20M12.5 12h.01" strokeLinecap="round" />
    </Icon>
  );
}

export function KindLabel({ kind }: { kind: AppointmentKindValue }) {
  if (kind === 'TELEHEALTH') {
    return (
      <span className="inline-flex items-center gap-1.5 rounded-full border border-sky-700 bg-sky-50 px-2 py-0.5 text-xs font-semibold text-sky-900">
        <VideoIcon />
        {kindLabels.TELEHEALTH}
      </span>
    );
  }
  return (
    <span className="inline-flex items-center gap-1.5 px-2 py-0.5 text-xs font-medium text-slate-700">
      <RoomIcon />
      {kindLabels.IN_PERSON}
    </span>
  );
}
