import 'server-only';

// A WhatsApp sender of the clinic's own, not Twilio's shared sandbox
// (+14155238886), which only reaches people who first sent it a join code.
import { defineCheck } from '../define-check';
import { fail, pass, warn } from '../types';

export const WHATSAPP_SANDBOX = '+14155238886';

export const whatsappSenderCheck = defineCheck({
  id: 'whatsapp-sender',
  title: 'WhatsApp sender configured (not the sandbox)',
  group: 'messaging',
  async run({ env }) {
    const from = env.TWILIO_WHATSAPP_FROM;
    if (!from) {
      return warn(
        'No WhatsApp sender is configured: every reminder goes by SMS.',
        'Register the clinic’s WhatsApp sender in the Twilio Console (Messaging → Senders) and set TWILIO_WHATSAPP_FROM=whatsapp:+61….',
      );
    }
    if (from.replace(/^whatsapp:/, '') === WHATSAPP_SANDBOX) {
      return fail(
        'TWILIO_WHATSAPP_FROM is Twilio’s WhatsApp sandbox, which only reaches people who joined it with a code.',
        'Register the clinic’s own WhatsApp sender in the Twilio Console and set TWILIO_WHATSAPP_FROM to it.',
      );
    }
    return pass('A WhatsApp sender of the clinic’s own is configured (not the sandbox).');
  },
});
