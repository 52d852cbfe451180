// The portal's routes that Twilio calls. Each must refuse a request without a
// valid X-Twilio-Signature (403): the webhook-signature check posts an unsigned
// request to every one. Add a route here when adding a Twilio webhook.
export const STATUS_CALLBACK_PATH = '/api/appointments/twilio-status-callback/';
export const USAGE_TRIGGER_PATH = '/api/twilio/usage-triggers';
export const READINESS_MESSAGE_STATUS_PATH = '/api/twilio/readiness/message-status';

export const twilioWebhookRoutes: ReadonlyArray<{ path: string; purpose: string }> = [
  { path: STATUS_CALLBACK_PATH, purpose: 'Video room status callbacks' },
  { path: '/api/twilio/messages/status', purpose: 'Message delivery status' },
  { path: '/api/twilio/messages/inbound', purpose: 'Patient replies' },
  { path: USAGE_TRIGGER_PATH, purpose: 'Billing alerts (usage triggers)' },
  { path: READINESS_MESSAGE_STATUS_PATH, purpose: 'Readiness test messages' },
];
