import 'server-only';

// A Trial account can only message verified numbers, prefixes every SMS with
// "Sent from your Twilio trial account" and has one phone number: not for patients.
import { fetchAccount } from '@/lib/twilio/fetch-account';

import { defineCheck } from '../define-check';
import { fail, pass } from '../types';

export const accountTypeCheck = defineCheck({
  id: 'account-type',
  title: 'Account upgraded (Full, not Trial)',
  group: 'account',
  reads: 'the account type',
  async run(ctx) {
    const account = await ctx.memo('account', () => fetchAccount(ctx.twilio()));
    if (account.type === 'Full') return pass('The Twilio account is a Full (paid) account.');
    return fail(
      'The Twilio account is a Trial: it can only message verified numbers and marks every SMS as a trial.',
      'Upgrade it in the Twilio Console (Billing → Upgrade account), then run the checks again.',
    );
  },
});
