import { describe, expect, it } from 'vitest';

import {
  alertThresholdsSchema,
  costRatesSchema,
  manualTickSchema,
  minimumBalanceSchema,
} from '@/lib/readiness/readiness-schemas';

describe('readiness and costs form input', () => {
  it('reads thresholds typed with commas or spaces as distinct whole dollars, in order', () => {
    expect(alertThresholdsSchema.parse({ alertThresholdsUsd: '100, 10 50;10' })).toEqual({
      alertThresholdsUsd: [10, 50, 100],
    });
  });

  it('refuses a threshold that is not a whole number, is zero, or too many of them', () => {
    expect(alertThresholdsSchema.safeParse({ alertThresholdsUsd: '10, 12.5' }).success).toBe(false);
    expect(alertThresholdsSchema.safeParse({ alertThresholdsUsd: '0' }).success).toBe(false);
    expect(alertThresholdsSchema.safeParse({ alertThresholdsUsd: 'ten' }).success).toBe(false);
    expect(alertThresholdsSchema.safeParse({ alertThresholdsUsd: '' }).success).toBe(false);
    expect(alertThresholdsSchema.safeParse({ alertThresholdsUsd: '1 2 3 4 5 6 7 8 9 10 11' }).success).toBe(
      false,
    );
  });

  it('takes rates as decimal strings and refuses a negative or dollar-plus rate', () => {
    expect(
      costRatesSchema.parse({
        videoParticipantMinute: '0.004',
        whatsappMessage: '0.005',
        whatsappUtilityTemplate: '0.0157',
        failedMessage: '0.001',
      }),
    ).toEqual({
      videoParticipantMinute: 0.004,
      whatsappMessage: 0.005,
      whatsappUtilityTemplate: 0.0157,
      failedMessage: 0.001,
    });
    expect(
      costRatesSchema.safeParse({
        videoParticipantMinute: '-1',
        whatsappMessage: '0',
        whatsappUtilityTemplate: '0',
        failedMessage: '0',
      }).success,
    ).toBe(false);
    expect(
      costRatesSchema.safeParse({
        videoParticipantMinute: '2',
        whatsappMessage: '0',
        whatsappUtilityTemplate: '0',
        failedMessage: '0',
      }).success,
    ).toBe(false);
  });

  it('accepts only the known manual items and a minimum balance that is a number', () => {
    expect(manualTickSchema.parse({ item: 'console-2fa', ticked: 'true' })).toEqual({
      item: 'console-2fa',
      ticked: true,
    });
    expect(manualTickSchema.safeParse({ item: 'anything', ticked: 'true' }).success).toBe(false);
    expect(minimumBalanceSchema.parse({ minimumBalanceUsd: '25.50' })).toEqual({ minimumBalanceUsd: 25.5 });
    expect(minimumBalanceSchema.safeParse({ minimumBalanceUsd: 'lots' }).success).toBe(false);
    expect(minimumBalanceSchema.safeParse({ minimumBalanceUsd: '' }).success).toBe(false);
  });
});
