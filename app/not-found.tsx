import Link from 'next/link';

export default function NotFound() {
  return (
    <main id="main" className="mx-auto flex max-w-xl flex-col gap-4 px-4 py-16">
      <h1 className="text-2xl font-semibold">We could not find that page</h1>
      <p className="text-slate-700">The link may be old, or the page may have moved.</p>
      <p>
        <Link href="/" className="font-semibold text-brand-700 underline">
          Go to the start page
        </Link>
      </p>
    </main>
  );
}
