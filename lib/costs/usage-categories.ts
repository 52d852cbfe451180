// Which of Twilio's usage categories (Usage Records API) holds each service,
// so Twilio's own figures can sit beside the portal's. Twilio has hundreds of
// categories; these are the ones the portal causes. Check them against a real
// account's Usage Records when going live: WhatsApp's category names in
// particular have changed with Meta's pricing models.
import type { CostService } from './services';

export const usageCategoryFor: Record<CostService, string> = {
  video: 'group-rooms-participant-minutes',
  whatsapp: 'channels-whatsapp',
  whatsappTemplates: 'channels-whatsapp-template-utility',
  sms: 'sms-outbound',
  failed: 'failed-message-processing-fee',
  numbers: 'phonenumbers',
};

export const TOTAL_PRICE_CATEGORY = 'totalprice';
