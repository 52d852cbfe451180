import 'server-only';

// A check that could not ask Twilio says why in plain words (TwilioError's
// message never quotes numbers), and what usually fixes it.
import { toTwilioError } from '@/lib/twilio/errors';

import { fail, type CheckOutcome } from './types';

export function couldNotCheck(what: string, err: unknown): CheckOutcome {
  const error = toTwilioError(err);
  const fix =
    error.code === 20003
      ? 'Check TWILIO_ACCOUNT_SID and the API key or auth token in the environment; Twilio refused them.'
      : error.kind === 'timeout' || error.kind === 'network'
        ? 'Make sure this server can reach Twilio (api.twilio.com over HTTPS), then run the checks again.'
        : 'Run the checks again; if it keeps failing, look the error code up in the Twilio Console’s error logs.';
  return fail(`Could not check ${what}: ${error.message}${error.code ? ` (Twilio ${error.code})` : ''}`, fix);
}
