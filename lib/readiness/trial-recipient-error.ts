// The refusal the trial guard throws. Client-safe (no server imports) so a
// form can recognise it.
import { AppError } from '@/lib/errors/app-error';

export const TRIAL_RECIPIENT_REASON = 'TWILIO_TRIAL_UNVERIFIED_RECIPIENT';

export class TrialRecipientError extends AppError {
  /** Sending again cannot help until the number is verified or the account upgraded. */
  readonly retryable = false;
  /** What Twilio itself would have answered. */
  readonly twilioCode = 21608;

  constructor() {
    super(
      'CONFLICT',
      'The clinic’s Twilio account is still a trial, and a trial account can only message numbers verified in the Twilio Console. Verify this number there, or ask an admin to upgrade the account (Admin → Readiness).',
      { details: { reason: TRIAL_RECIPIENT_REASON, twilioCode: 21608 } },
    );
    this.name = 'TrialRecipientError';
  }
}

export function isTrialRecipientError(err: unknown): err is TrialRecipientError {
  return err instanceof TrialRecipientError;
}
