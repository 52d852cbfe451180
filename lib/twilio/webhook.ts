// The one edge for every Twilio webhook: read the form once (bounded in size,
// form-encoded only), check Twilio's signature, parse the fields with the
// route's zod schema, then hand the handler typed values. Refusals are plain
// 4xx answers, given before anything is written: 413 too large, 415 not a
// form, 403 not signed by Twilio, 400 fields Twilio would never send (Twilio
// does not retry a 4xx). Nothing the caller sent is logged, only field names.
import 'server-only';

import type { NextRequest } from 'next/server';
import type { z } from 'zod';

import { readFormBody } from '@/lib/http/form-body';
import { jsonError, route } from '@/lib/http/route';
import { log } from '@/lib/log/logger';
import { countWebhookSignatureFailure } from '@/lib/ops/metrics';

import { twilioWebhookSignatureValid, type WebhookSignatureOptions } from './verify-webhook-request';

/** Twilio's largest webhook (an inbound message with its media fields) is a few KB. */
export const WEBHOOK_BODY_LIMIT_BYTES = 64 * 1024;

export type WebhookContext = { request: NextRequest; requestId: string };

export type WebhookOptions<S extends z.ZodObject> = WebhookSignatureOptions & {
  /** The fields this route uses; Twilio's other fields pass unrefused and unread. */
  schema: S;
  /** The warn event logged when a signature is missing or wrong. */
  rejectedEvent: string;
};

export function twilioWebhook<S extends z.ZodObject>(
  name: string,
  options: WebhookOptions<S>,
  handler: (input: z.output<S>, context: WebhookContext) => Promise<Response>,
) {
  return route(name, async (request, { requestId }) => {
    const { form, refusal } = await readFormBody(request, WEBHOOK_BODY_LIMIT_BYTES);
    if (refusal) {
      log.info('twilio.webhook_refused', { requestId, route: name, status: refusal.status });
      return refusal;
    }
    const { all: signed, fields, repeated } = form;
    if (!twilioWebhookSignatureValid(request, signed, options)) {
      log.warn(options.rejectedEvent, { requestId, reason: 'signature' });
      countWebhookSignatureFailure(name);
      return jsonError(403, 'FORBIDDEN', 'The request signature is missing or does not match.');
    }
    const known = Object.keys(options.schema.shape);
    const repeatedKnown = repeated.filter((key) => known.includes(key));
    const parsed = options.schema.safeParse(fields);
    if (repeatedKnown.length > 0 || !parsed.success) {
      const invalid = [
        ...new Set([
          ...repeatedKnown,
          ...(parsed.success ? [] : parsed.error.issues.map((i) => String(i.path[0]))),
        ]),
      ];
      log.info('twilio.webhook_invalid', { requestId, route: name, fields: invalid.join(',') });
      return jsonError(400, 'INVALID_INPUT', 'These fields are missing or not as Twilio sends them.', {
        fields: invalid,
      });
    }
    return handler(parsed.data, { request, requestId });
  });
}
