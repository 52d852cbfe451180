import Link from 'next/link';

export default function PatientNotFound() {
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Patient not found</h1>
      <p className="text-slate-700">
        We could not find that patient. They may have been removed, or you may not have access to their
        record.
      </p>
      <p>
        <Link href="/patients" className="font-medium text-brand-700 underline underline-offset-2">
          Back to patients
        </Link>
      </p>
    </div>
  );
}
