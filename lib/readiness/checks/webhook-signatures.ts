import 'server-only';

// Anyone can post to a webhook address. Each Twilio route must check
// X-Twilio-Signature and refuse the rest with 403, so the check posts an
// unsigned request to every one, through the public address, and expects 403.
import { defineCheck } from '../define-check';
import { twilioWebhookRoutes } from '../../twilio/webhook-routes';
import { fail, pass } from '../types';

const probeTimeoutMs = 10_000;

export const webhookSignaturesCheck = defineCheck({
  id: 'webhook-signatures',
  title: 'Every Twilio webhook refuses unsigned requests',
  group: 'security',
  async run(ctx) {
    const results = await Promise.all(
      twilioWebhookRoutes.map(async (route) => {
        try {
          const response = await ctx.fetch(`${ctx.appUrl}${route.path}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ AccountSid: ctx.env.TWILIO_ACCOUNT_SID ?? '' }).toString(),
            redirect: 'manual',
            signal: AbortSignal.timeout(probeTimeoutMs),
          });
          await response.body?.cancel();
          return { route, status: response.status };
        } catch {
          return { route, status: null };
        }
      }),
    );
    const lines = results.map(({ route, status }) =>
      status === 403
        ? `${route.path} (${route.purpose}): refused, 403.`
        : status === null
          ? `${route.path} (${route.purpose}): could not be reached.`
          : status === 404
            ? `${route.path} (${route.purpose}): not found (404).`
            : `${route.path} (${route.purpose}): answered ${status} instead of 403.`,
    );
    const accepted = results.filter((r) => r.status !== null && r.status >= 200 && r.status < 300);
    const unreachable = results.filter((r) => r.status === null);
    const other = results.filter((r) => r.status !== null && r.status !== 403);
    if (accepted.length > 0) {
      return fail(
        `${accepted.length} Twilio webhook${accepted.length > 1 ? 's' : ''} accepted a request without a valid signature.`,
        'Make those routes check X-Twilio-Signature with TWILIO_AUTH_TOKEN and answer 403 otherwise.',
        lines,
      );
    }
    if (unreachable.length === results.length) {
      return fail(
        `The portal could not reach itself at ${ctx.appUrl} to test its webhooks.`,
        'Set APP_URL to the address Twilio uses for this portal and make sure the server can reach it.',
        lines,
      );
    }
    if (other.length > 0 || unreachable.length > 0) {
      return fail(
        'Not every Twilio webhook answered an unsigned request with 403.',
        'Deploy the missing routes (or fix the ones that answered otherwise) so each refuses unsigned requests with 403.',
        lines,
      );
    }
    return pass(`All ${results.length} Twilio webhooks refuse unsigned requests (403).`, lines);
  },
});
