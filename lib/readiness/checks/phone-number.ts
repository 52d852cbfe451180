import 'server-only';

// TWILIO_PHONE_NUMBER must be a number this account rents and can send SMS
// from (otherwise 21606 on every SMS). The count matters too: a trial has one,
// and each number costs rent every month.
import { listIncomingNumbers } from '@/lib/twilio/list-incoming-numbers';

import { defineCheck } from '../define-check';
import { fail, pass, warn } from '../types';

export const phoneNumberCheck = defineCheck({
  id: 'phone-number',
  title: 'SMS number belongs to this account',
  group: 'messaging',
  reads: 'the account’s phone numbers',
  async run(ctx) {
    const configured = ctx.env.TWILIO_PHONE_NUMBER;
    if (!configured) {
      return fail(
        'TWILIO_PHONE_NUMBER is not set, so no SMS can be sent.',
        'Set TWILIO_PHONE_NUMBER to the account’s SMS number in E.164 (+61…).',
      );
    }
    const numbers = await listIncomingNumbers(ctx.twilio());
    const count = `The account rents ${numbers.length} number${numbers.length === 1 ? '' : 's'}.`;
    const found = numbers.find((n) => n.phoneNumber === configured);
    if (!found) {
      return fail(
        `TWILIO_PHONE_NUMBER is not one of this account’s numbers. ${count}`,
        'Buy an Australian mobile number in the Twilio Console (or fix the variable) and set TWILIO_PHONE_NUMBER to it.',
      );
    }
    if (!found.sms) {
      return fail(
        `TWILIO_PHONE_NUMBER cannot send SMS. ${count}`,
        'Choose a number with SMS capability in the Twilio Console and set TWILIO_PHONE_NUMBER to it.',
      );
    }
    if (numbers.length > 1) {
      return warn(
        `TWILIO_PHONE_NUMBER is an SMS number of this account. ${count}`,
        'Release the numbers the portal does not use in the Twilio Console: each one is charged every month.',
      );
    }
    return pass(`TWILIO_PHONE_NUMBER is an SMS-capable number of this account. ${count}`);
  },
});
