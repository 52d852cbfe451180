import 'server-only';

// The TwiML answer to an inbound message: an empty <Response/>, or one
// <Message> Twilio sends back to the patient. Built with the helper, which
// escapes the text.
import twilio from 'twilio';

export function messagingTwiml(reply: string | null): string {
  const response = new twilio.twiml.MessagingResponse();
  if (reply) response.message(reply);
  return response.toString();
}
