// What the emulated account has used, in Twilio's usage categories: the
// emulator's own traffic (messages, room participants, numbers rented) priced
// at the emulator's figures, plus usage added through the control API. Usage
// Records and Usage Triggers both read from here.
import type { EmulatorContext } from './context';
import { channelOf, withoutChannel } from './formats';
import { emulatorRates } from './pricing-figures';

/** The categories the emulator reports. Real accounts have many more; these are the portal's. */
export const usageCategories = {
  smsOutbound: 'sms-outbound',
  whatsapp: 'channels-whatsapp',
  whatsappUtilityTemplate: 'channels-whatsapp-template-utility',
  failedMessage: 'failed-message-processing-fee',
  participantMinutes: 'group-rooms-participant-minutes',
  phoneNumbers: 'phonenumbers',
  totalPrice: 'totalprice',
} as const;

export const categoryDescriptions: Record<
  string,
  { description: string; countUnit: string; usageUnit: string }
> = {
  'sms-outbound': { description: 'Outbound SMS', countUnit: 'messages', usageUnit: 'messages' },
  'channels-whatsapp': { description: 'WhatsApp messages', countUnit: 'messages', usageUnit: 'messages' },
  'channels-whatsapp-template-utility': {
    description: 'WhatsApp utility templates (Meta fee)',
    countUnit: 'messages',
    usageUnit: 'messages',
  },
  'failed-message-processing-fee': {
    description: 'Failed message processing fee',
    countUnit: 'messages',
    usageUnit: 'messages',
  },
  'group-rooms-participant-minutes': {
    description: 'Group rooms participant minutes',
    countUnit: 'minutes',
    usageUnit: 'minutes',
  },
  phonenumbers: { description: 'Phone numbers', countUnit: 'phone-numbers', usageUnit: 'phone-numbers' },
  totalprice: { description: 'Total price', countUnit: '', usageUnit: 'usd' },
};

export interface UsageEvent {
  category: string;
  count: number;
  usage: number;
  price: number;
  date: Date;
}

const billedStatuses = new Set(['sent', 'delivered', 'undelivered', 'read']);

/** Every billable thing the account did, one event each, in no particular order. */
export function usageEvents(ctx: EmulatorContext, now = new Date()): UsageEvent[] {
  const events: UsageEvent[] = [];
  const add = (category: string, quantity: number, unitPrice: number, date: Date): void => {
    events.push({ category, count: quantity, usage: quantity, price: round(quantity * unitPrice), date });
  };

  for (const m of ctx.state.messages.values()) {
    const when = m.dateSent ?? m.dateCreated;
    if (m.status === 'failed') {
      add(usageCategories.failedMessage, 1, emulatorRates.failedMessage, when);
      continue;
    }
    if (!billedStatuses.has(m.status)) continue;
    if (channelOf(m.to) === 'whatsapp') {
      add(usageCategories.whatsapp, 1, emulatorRates.whatsappMessage, when);
      // Meta charges a utility template only outside the 24-hour customer-service window.
      if (m.contentSid !== null && !ctx.state.whatsappSessions.has(withoutChannel(m.to))) {
        add(usageCategories.whatsappUtilityTemplate, 1, emulatorRates.whatsappUtilityTemplate, when);
      }
    } else {
      add(usageCategories.smsOutbound, m.numSegments, emulatorRates.smsSegment, when);
    }
  }

  // Twilio bills each participant's connected time, rounded up to whole minutes.
  for (const p of ctx.state.participants.values()) {
    const end = p.endTime ?? now;
    const minutes = Math.max(1, Math.ceil((end.getTime() - p.startTime.getTime()) / ctx.config.minuteMs));
    add(usageCategories.participantMinutes, minutes, emulatorRates.participantMinute, end);
  }

  // A number's rent is charged when it is bought and then every month.
  for (const n of ctx.state.phoneNumbers.values()) {
    const monthly = n.phoneNumber.startsWith('+614')
      ? emulatorRates.phoneNumberMobile
      : emulatorRates.phoneNumberLocal;
    for (let d = n.dateCreated; d <= now; d = addMonths(d, 1))
      add(usageCategories.phoneNumbers, 1, monthly, d);
  }

  for (const entry of ctx.state.usageEntries) events.push({ ...entry });
  return events;
}

export interface UsageTotal {
  category: string;
  count: number;
  usage: number;
  price: number;
}

/** Totals per category (plus totalprice) for events in [start, end) (dates as UTC days). */
export function usageTotals(events: UsageEvent[], start: Date, end: Date): Map<string, UsageTotal> {
  const totals = new Map<string, UsageTotal>();
  let totalPrice = 0;
  for (const e of events) {
    if (e.date < start || e.date >= end) continue;
    const t = totals.get(e.category) ?? { category: e.category, count: 0, usage: 0, price: 0 };
    t.count += e.count;
    t.usage += e.usage;
    t.price = round(t.price + e.price);
    totals.set(e.category, t);
    totalPrice = round(totalPrice + e.price);
  }
  totals.set(usageCategories.totalPrice, {
    category: usageCategories.totalPrice,
    count: 0,
    usage: totalPrice,
    price: totalPrice,
  });
  return totals;
}

export function startOfUtcMonth(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
}

export function startOfUtcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

export function addMonths(d: Date, months: number): Date {
  const r = new Date(d);
  r.setUTCMonth(r.getUTCMonth() + months);
  return r;
}

/** Prices to 6 decimal places, as Twilio reports them. */
function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
