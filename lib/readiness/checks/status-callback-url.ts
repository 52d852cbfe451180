import 'server-only';

// Twilio posts room events to TWILIO_STATUS_CALLBACK_URL. Pointing at another
// deployment (staging, an old domain) loses this one's attendance records, and
// the signature is computed over the exact URL, trailing slash included.
import { defineCheck } from '../define-check';
import { requiresHttps } from '../requires-https';
import { STATUS_CALLBACK_PATH } from '../../twilio/webhook-routes';
import { fail, pass } from '../types';

export const statusCallbackUrlCheck = defineCheck({
  id: 'status-callback-url',
  title: 'Video status callback points at this deployment',
  group: 'video',
  async run({ env, appUrl }) {
    const expected = `${appUrl}${STATUS_CALLBACK_PATH}`;
    const configured = env.TWILIO_STATUS_CALLBACK_URL;
    if (!configured) {
      return fail(
        'TWILIO_STATUS_CALLBACK_URL is not set, so no room events reach the portal.',
        `Set TWILIO_STATUS_CALLBACK_URL=${expected} and restart the portal.`,
      );
    }
    if (configured !== expected) {
      return fail(
        `TWILIO_STATUS_CALLBACK_URL is ${configured}, not this deployment’s ${expected}.`,
        `Set TWILIO_STATUS_CALLBACK_URL=${expected} (with the trailing slash) and restart the portal.`,
      );
    }
    if (requiresHttps(env) && !configured.startsWith('https://')) {
      return fail(
        'The status callback address is not https.',
        'Serve the portal over https and set APP_URL and TWILIO_STATUS_CALLBACK_URL to https:// addresses.',
      );
    }
    return pass(`Room events are sent to ${expected}.`);
  },
});
