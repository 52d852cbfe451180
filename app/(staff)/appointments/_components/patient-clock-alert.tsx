import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button';

/**
 * The question asked when a slot falls outside 7:00–21:00 on the patient's clock, with the
 * button that sends back its token (booking: "Book anyway", moving: "Move anyway") and a way
 * back to the time field.
 */
export function PatientClockAlert({
  clock,
  field,
  confirmLabel,
}: {
  clock: { question: string; token: string };
  field: 'bookAnyway' | 'moveAnyway';
  confirmLabel: string;
}) {
  return (
    <Alert tone="warning" title="Outside the patient's day">
      <p>{clock.question}</p>
      <div className="mt-3 flex flex-wrap gap-3">
        <button type="submit" name={field} value={clock.token} className={buttonClasses('primary')}>
          {confirmLabel}
        </button>
        <a href="#field-startTime" className={buttonClasses('secondary')}>
          Choose another time
        </a>
      </div>
    </Alert>
  );
}
