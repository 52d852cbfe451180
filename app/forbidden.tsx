import Link from 'next/link';

export default function Forbidden() {
  return (
    <main id="main" className="mx-auto flex max-w-xl flex-col gap-4 px-4 py-16">
      <h1 className="text-2xl font-semibold">This page is not part of your role</h1>
      <p className="text-slate-700">
        Your account does not have access to this page. If you need it for your work, ask a clinic
        administrator.
      </p>
      <p>
        <Link href="/dashboard" className="font-semibold text-brand-700 underline">
          Back to today&apos;s appointments
        </Link>
      </p>
    </main>
  );
}
