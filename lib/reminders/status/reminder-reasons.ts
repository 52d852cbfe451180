// Why a reminder was skipped, failed, or went by SMS instead of WhatsApp:
// stored as codes, shown to staff in words. Client-safe.

export const reasonText = {
  // Nothing can be sent
  NO_CONSENT: 'The patient has not agreed to appointment messages. Record their consent on the patient page.',
  INVALID_MOBILE: 'The mobile number on file is not a valid mobile number.',
  LANDLINE: 'The number on file is a landline, which cannot receive messages.',
  SMS_OPTED_OUT: 'The patient opted out of SMS (replied STOP).',
  SMS_NOT_CONFIGURED: 'No SMS sender is configured (TWILIO_PHONE_NUMBER).',
  NO_CHANNEL: 'No channel is available for this patient.',
  // Why WhatsApp is not used
  PREFERS_SMS: 'The patient prefers SMS.',
  WHATSAPP_NOT_CONFIGURED: 'WhatsApp is not set up for the clinic (TWILIO_WHATSAPP_FROM).',
  WHATSAPP_DISABLED: 'WhatsApp reminders are turned off in the reminder settings.',
  NO_WHATSAPP_TEMPLATE: 'No approved WhatsApp template (ContentSid) is set for this kind of appointment.',
  NO_WHATSAPP_CONSENT: 'The patient has not agreed to WhatsApp messages.',
  WHATSAPP_OPTED_OUT: 'The patient opted out of WhatsApp (replied STOP).',
  WHATSAPP_FAILED: 'WhatsApp could not deliver it.',
  // Timing
  NO_ALLOWED_TIME: "Quiet hours on the patient's clock left no time to send it before the appointment.",
  AFTER_APPOINTMENT: 'Its time is at or after the start of the appointment.',
  TIME_PASSED: 'Its time had already passed when the appointment was booked or moved.',
  APPOINTMENT_STARTED: 'The appointment had started before it could be sent.',
  SESSION_CLOSED: 'The video session had closed before the link could be sent.',
  APPOINTMENT_CANCELLED: 'The appointment was cancelled.',
  APPOINTMENT_CLOSED: 'The appointment is no longer open (completed or marked as a no-show).',
  CANCELLED_BY_STAFF: 'Cancelled by staff.',
  REPLACED: 'Replaced by a reminder for the new appointment time.',
  // Change notices
  NOT_NOTIFIED: 'Staff chose not to notify the patient of this change.',
  NOTICE_UNDONE:
    'The appointment went back to the time the patient already had, so there was nothing to tell.',
  NOTICE_SUPERSEDED: 'A later change replaced it before it could go; the patient is told the latest state.',
  SEND_FAILED: 'Every channel failed.',
} as const;

export type ReasonCode = keyof typeof reasonText;

export function describeReason(code: string | null | undefined): string | null {
  if (!code) return null;
  return (reasonText as Record<string, string>)[code] ?? code;
}
