// What the readiness and costs forms accept. Messages are written for the
// admin typing; numbers arrive as form strings.
import { z } from 'zod';

import { manualItemIds } from '@/lib/readiness/types';

const usd = (label: string, max: number) =>
  // An empty field is "not given", not zero.
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce
      .number({ error: `Enter ${label.toLowerCase()} as a number of US dollars.` })
      .min(0, { error: `${label} cannot be negative.` })
      .max(max, { error: `${label} must be at most ${max} USD.` }),
  );

export const minimumBalanceSchema = z.object({
  minimumBalanceUsd: usd('The minimum balance', 100_000),
});

export const manualTickSchema = z.object({
  item: z.enum(manualItemIds, { error: 'Choose an item of the checklist.' }),
  ticked: z.enum(['true', 'false']).transform((v) => v === 'true'),
});

/** Per-unit rates: small numbers, never above a dollar. */
export const costRatesSchema = z.object({
  videoParticipantMinute: usd('The video rate', 1),
  whatsappMessage: usd('Twilio’s WhatsApp fee', 1),
  whatsappUtilityTemplate: usd('Meta’s utility template fee', 1),
  failedMessage: usd('The failed message fee', 1),
});

/** "10, 50, 100" → [10, 50, 100]: whole dollars, distinct, sorted, at most ten. */
export const alertThresholdsSchema = z.object({
  alertThresholdsUsd: z
    .string({ error: 'Enter the thresholds, for example 10, 50, 100.' })
    .transform((v) =>
      v
        .split(/[\s,;]+/)
        .filter(Boolean)
        .map(Number),
    )
    .pipe(
      z
        .array(
          z
            .number({ error: 'Each threshold must be a whole number of US dollars.' })
            .int({ error: 'Each threshold must be a whole number of US dollars.' })
            .min(1, { error: 'Each threshold must be at least 1 USD.' })
            .max(100_000, { error: 'Each threshold must be at most 100,000 USD.' }),
        )
        .min(1, { error: 'Enter at least one threshold.' })
        .max(10, { error: 'Enter at most ten thresholds.' }),
    )
    .transform((list) => [...new Set(list)].sort((a, b) => a - b)),
});

export const testKinds = ['VIDEO_ROOM', 'WHATSAPP', 'SMS', 'SMS_FALLBACK'] as const;

export const testRunSchema = z.object({
  kind: z.enum(testKinds, { error: 'Choose a test.' }),
  /** Required for message tests; parsed with parseMobile by the caller. */
  to: z.string().trim().max(40).optional(),
});
