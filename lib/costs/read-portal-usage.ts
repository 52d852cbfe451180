import 'server-only';

// The portal's own record of what it used, per month: video from the rooms,
// messages from the reminders, numbers from the account (the count rented now,
// for every month: the portal keeps no history of numbers).
import { log } from '@/lib/log/logger';
import type { TwilioClient } from '@/lib/twilio/client';
import { twilioClient } from '@/lib/twilio/client';
import { listIncomingNumbers } from '@/lib/twilio/list-incoming-numbers';

import { monthBounds } from './month-keys';
import { readMessageUsage, type MessageUsageByMonth } from './read-message-usage';
import { readVideoUsage } from './read-video-usage';
import { emptyUsage, type ServiceUsage } from './services';

export interface PortalUsage {
  months: Record<string, ServiceUsage>;
  messageSource: MessageUsageByMonth['source'];
  segmentsRecorded: boolean;
  /** null when Twilio could not be asked how many numbers the account rents. */
  numbers: number | null;
}

export async function readPortalUsage(
  months: string[],
  client: () => TwilioClient = twilioClient,
): Promise<PortalUsage> {
  const range = {
    start: monthBounds(months[0] ?? '1970-01').start,
    end: monthBounds(months.at(-1) ?? '1970-01').end,
  };
  const [video, messages, numbers] = await Promise.all([
    readVideoUsage(range),
    readMessageUsage(range),
    listIncomingNumbers(client()).then(
      (list) => list.length,
      (err: unknown) => {
        log.warn('costs.numbers_unavailable', { errorName: err instanceof Error ? err.name : typeof err });
        return null;
      },
    ),
  ]);
  const result: Record<string, ServiceUsage> = {};
  for (const month of months) {
    const m = messages.months[month];
    result[month] = {
      ...emptyUsage(),
      video: video[month] ?? 0,
      whatsapp: m?.whatsapp ?? 0,
      whatsappTemplates: m?.whatsappTemplates ?? 0,
      sms: m?.sms ?? 0,
      failed: m?.failed ?? 0,
      numbers: numbers ?? 0,
    };
  }
  return {
    months: result,
    messageSource: messages.source,
    segmentsRecorded: messages.segmentsRecorded,
    numbers,
  };
}
