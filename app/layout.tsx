import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';

import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Telehealth portal', template: '%s · Telehealth portal' },
  description: 'Telehealth sessions, appointments and reminders for the clinic.',
  robots: { index: false, follow: false },
  // The icon set and manifest live in public/ (scripts/make-icons.ts draws the PNGs from icon.svg).
  icons: {
    icon: [
      { url: '/favicon.ico', sizes: '16x16 32x32 48x48' },
      { url: '/icon.svg', type: 'image/svg+xml' },
    ],
    apple: { url: '/apple-touch-icon.png', sizes: '180x180' },
  },
  manifest: '/manifest.webmanifest',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#1f6f6f',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-AU">
      <body className="min-h-dvh font-sans">{children}</body>
    </html>
  );
}
