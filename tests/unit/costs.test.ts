import { describe, expect, it } from 'vitest';

import { compareWithTwilio } from '@/lib/costs/compare-with-twilio';
import { computeCosts } from '@/lib/costs/compute-costs';
import { defaultEditableRates, type Rates } from '@/lib/costs/default-rates';
import { forecastMonth } from '@/lib/costs/forecast-month';
import { guideEstimate, guideScenarios } from '@/lib/costs/guide-estimate';
import { emptyUsage } from '@/lib/costs/services';

// The emulator's Australian figures for SMS and number rent, the documented defaults for the rest.
const rates: Rates = { ...defaultEditableRates, smsSegment: 0.0515, phoneNumberMonthly: 6.5 };

describe('computeCosts', () => {
  it('prices each service from known usage: participant-minutes, both WhatsApp fees, SMS segments, failures, rent', () => {
    const costs = computeCosts(
      { video: 1000, whatsapp: 100, whatsappTemplates: 80, sms: 40, failed: 3, numbers: 1 },
      rates,
    );
    expect(Object.fromEntries(costs.lines.map((l) => [l.service, l.amount]))).toEqual({
      video: 4,
      whatsapp: 0.5,
      whatsappTemplates: 1.256,
      sms: 2.06,
      failed: 0.003,
      numbers: 6.5,
    });
    expect(costs.total).toBe(14.319);
    expect(costs.unpriced).toEqual([]);
  });

  it('leaves SMS and rent unpriced (not guessed) when the Pricing API could not be reached', () => {
    const costs = computeCosts(
      { ...emptyUsage(), sms: 10, numbers: 1, video: 100 },
      { ...rates, smsSegment: null, phoneNumberMonthly: null },
    );
    expect(costs.unpriced).toEqual(['sms', 'numbers']);
    expect(costs.total).toBe(0.4);
  });
});

describe('the go-live guide’s estimate, recomputed', () => {
  it('low scenario: the guide’s 19.08 USD is really 35.79 USD (participant-minutes, WhatsApp not free, 2-segment SMS)', () => {
    const low = guideEstimate(guideScenarios.low, rates);
    expect(low.guide.total).toBe(19.075);
    expect(low.guide.usage).toMatchObject({ video: 2500, whatsapp: 0, sms: 50, numbers: 1 });
    expect(low.real.usage).toMatchObject({
      video: 5000,
      whatsapp: 200,
      whatsappTemplates: 200,
      sms: 100,
      numbers: 1,
    });
    expect(low.real.total).toBe(35.79);
  });

  it('high scenario: the guide’s 31.65 USD is really 65.08 USD', () => {
    const high = guideEstimate(guideScenarios.high, rates);
    expect(high.guide.total).toBe(31.65);
    expect(high.real.total).toBe(65.08);
  });
});

describe('forecastMonth', () => {
  it('scales usage so far to the whole (UTC) month but charges number rent once', () => {
    const forecast = forecastMonth(
      { video: 1000, whatsapp: 100, whatsappTemplates: 100, sms: 40, failed: 2, numbers: 1 },
      rates,
      new Date('2026-11-16T00:00:00Z'),
    );
    expect(forecast.elapsed).toBe(0.5);
    expect(forecast.usage).toEqual({
      video: 2000,
      whatsapp: 200,
      whatsappTemplates: 200,
      sms: 80,
      failed: 4,
      numbers: 1,
    });
    expect(forecast.total).toBe(22.764);
  });

  it('does not blow up in the first minutes of a month', () => {
    const forecast = forecastMonth({ ...emptyUsage(), sms: 1 }, rates, new Date('2026-12-01T00:00:30Z'));
    // One hour counted as elapsed: one SMS an hour over December's 744 hours.
    expect(forecast.usage.sms).toBe(744);
  });
});

describe('compareWithTwilio', () => {
  it('shows Twilio’s figure beside the portal’s per service and in total, with the difference', () => {
    const portal = computeCosts({ ...emptyUsage(), video: 1000, sms: 10, numbers: 1 }, rates);
    const rows = compareWithTwilio(portal, [
      { category: 'group-rooms-participant-minutes', usage: 1100, price: 4.4 },
      { category: 'sms-outbound', usage: 10, price: 0.515 },
      { category: 'phonenumbers', usage: 1, price: 6.5 },
      { category: 'totalprice', usage: 12.0, price: 12.0 },
    ]);
    expect(rows.find((r) => r.service === 'video')).toEqual({
      service: 'video',
      portalQuantity: 1000,
      portalAmount: 4,
      twilioQuantity: 1100,
      twilioAmount: 4.4,
      difference: 0.4,
    });
    expect(rows.find((r) => r.service === 'whatsapp')).toMatchObject({ twilioAmount: 0, difference: 0 });
    expect(rows.at(-1)).toMatchObject({
      service: 'total',
      portalAmount: 11.015,
      twilioAmount: 12,
      difference: 0.985,
    });
  });

  it('leaves Twilio’s side empty when its usage records could not be read', () => {
    const rows = compareWithTwilio(computeCosts(emptyUsage(), rates), []);
    expect(rows.every((r) => r.twilioAmount === null && r.difference === null)).toBe(true);
  });
});
