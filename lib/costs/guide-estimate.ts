// The go-live guide's monthly estimate (50–100 sessions, 200–400 WhatsApp
// reminders, 50–100 SMS, one number) done twice: as the guide did it, counting
// video per room-minute and WhatsApp as free, and with Twilio's real pricing
// model: per participant-minute (two people in each session), Twilio's fee on
// every WhatsApp message, and Meta's fee on each utility template (reminders
// go outside a customer-service window). Pure.
import { computeCosts, roundUsd } from './compute-costs';
import type { Rates } from './default-rates';
import { emptyUsage, type ServiceUsage } from './services';

export interface GuideScenario {
  sessions: number;
  whatsapp: number;
  sms: number;
  numbers: number;
}

export const guideScenarios: { low: GuideScenario; high: GuideScenario } = {
  low: { sessions: 50, whatsapp: 200, sms: 50, numbers: 1 },
  high: { sessions: 100, whatsapp: 400, sms: 100, numbers: 1 },
};

export const guideAssumptions = {
  sessionMinutes: 50,
  participantsPerSession: 2,
  /** A telehealth reminder with its join link runs past 160 characters: two segments. */
  segmentsPerSms: 2,
};

export interface GuideEstimate {
  scenario: GuideScenario;
  guide: { usage: ServiceUsage; total: number };
  real: { usage: ServiceUsage; total: number };
}

function guideUsage(s: GuideScenario): ServiceUsage {
  return {
    ...emptyUsage(),
    // The guide's reading: minutes of room time, WhatsApp free, one segment per SMS.
    video: s.sessions * guideAssumptions.sessionMinutes,
    sms: s.sms,
    numbers: s.numbers,
  };
}

function realUsage(s: GuideScenario): ServiceUsage {
  return {
    ...emptyUsage(),
    video: s.sessions * guideAssumptions.sessionMinutes * guideAssumptions.participantsPerSession,
    whatsapp: s.whatsapp,
    whatsappTemplates: s.whatsapp,
    sms: s.sms * guideAssumptions.segmentsPerSms,
    numbers: s.numbers,
  };
}

export function guideEstimate(scenario: GuideScenario, rates: Rates): GuideEstimate {
  const guide = guideUsage(scenario);
  const real = realUsage(scenario);
  // The guide's own price list had no WhatsApp line at all.
  const guideRates: Rates = { ...rates, whatsappMessage: 0, whatsappUtilityTemplate: 0 };
  return {
    scenario,
    guide: { usage: guide, total: roundUsd(computeCosts(guide, guideRates).total) },
    real: { usage: real, total: roundUsd(computeCosts(real, rates).total) },
  };
}
