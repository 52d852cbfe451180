import type { ReactNode } from 'react';

// Pages used before the portal opens: sign-in, and setting up two-factor
// (which a session still owing its second factor may reach, but nothing else).
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col items-center px-4 py-10 sm:py-16">
      <p className="mb-6 text-lg font-semibold text-brand-800">Telehealth portal</p>
      <main
        id="main"
        className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8"
      >
        {children}
      </main>
    </div>
  );
}
