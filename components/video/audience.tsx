'use client';

// Who is reading the video components, so each reads their own words: the
// patient's page ("until your clinician lets you in", the clinic's phone to
// call) or the clinician's room. Set once by each page; patient by default.
import { createContext, useContext, type ReactNode } from 'react';

export type VideoAudience = {
  reader: 'patient' | 'clinician';
  /** The clinic's phone, offered as a tap-to-call link on every problem the patient meets. */
  clinicPhone: string | null;
};

const AudienceContext = createContext<VideoAudience>({ reader: 'patient', clinicPhone: null });

export function VideoAudienceProvider({ value, children }: { value: VideoAudience; children: ReactNode }) {
  return <AudienceContext value={value}>{children}</AudienceContext>;
}

export function useVideoAudience(): VideoAudience {
  return useContext(AudienceContext);
}

/** "tel:+61299999999" from "(02) 9999 9999" or "+61 2 9999 9999": digits and a leading plus only. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/** "Clinic phone: 02 9999 9999", the number a link to call. */
export function ClinicPhoneLine({ phone }: { phone: string | null }) {
  if (!phone) return null;
  return (
    <p>
      Clinic phone:{' '}
      <a className="font-semibold underline" href={telHref(phone)}>
        {phone}
      </a>
    </p>
  );
}
