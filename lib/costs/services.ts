// The things the clinic pays Twilio (and, through Twilio, Meta) for, and the
// unit each is counted in. Client-safe: the costs page's charts use it too.

export const costServices = ['video', 'whatsapp', 'whatsappTemplates', 'sms', 'failed', 'numbers'] as const;
export type CostService = (typeof costServices)[number];

export const serviceLabels: Record<CostService, { name: string; unit: string }> = {
  video: { name: 'Video (group rooms)', unit: 'participant-minutes' },
  whatsapp: { name: 'WhatsApp (Twilio fee)', unit: 'messages' },
  whatsappTemplates: {
    name: 'WhatsApp templates (Meta fee)',
    unit: 'utility templates outside the 24-hour window',
  },
  sms: { name: 'SMS', unit: 'segments' },
  failed: { name: 'Failed messages', unit: 'messages' },
  numbers: { name: 'Phone numbers', unit: 'numbers rented' },
};

/** How much of each service was used in a period. */
export type ServiceUsage = Record<CostService, number>;

export function emptyUsage(): ServiceUsage {
  return { video: 0, whatsapp: 0, whatsappTemplates: 0, sms: 0, failed: 0, numbers: 0 };
}
