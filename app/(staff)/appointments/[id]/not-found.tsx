import Link from 'next/link';

export default function AppointmentNotFound() {
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Appointment not found</h1>
      <p className="text-slate-700">
        We could not find that appointment. It may have been removed, or it may belong to another clinician.
      </p>
      <p>
        <Link href="/appointments" className="font-medium text-brand-700 underline underline-offset-2">
          Back to appointments
        </Link>
      </p>
    </div>
  );
}
