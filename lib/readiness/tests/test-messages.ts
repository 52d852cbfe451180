// What the post-upgrade test messages say. Nothing about a patient: the admin
// sends them to a phone of their own.
export const TEST_SMS_BODY = 'Test SMS from the clinic’s telehealth portal (go-live check). No reply needed.';
export const TEST_WHATSAPP_BODY =
  'Test WhatsApp message from the clinic’s telehealth portal (go-live check). No reply needed.';
/**
 * Free-form text, not an approved template: outside a 24-hour customer-service
 * window WhatsApp refuses it (63016), which is exactly the failure the SMS
 * fallback exists for.
 */
export const FALLBACK_WHATSAPP_BODY =
  'Go-live check of the SMS fallback: if this WhatsApp message reaches you, you messaged the clinic in the last 24 hours.';
export const FALLBACK_SMS_BODY =
  'Test SMS from the clinic’s telehealth portal: WhatsApp failed as intended and the SMS fallback works. No reply needed.';
