import 'server-only';

// A suspended or closed account refuses every message and room.
import { fetchAccount } from '@/lib/twilio/fetch-account';

import { defineCheck } from '../define-check';
import { fail, pass } from '../types';

export const accountStatusCheck = defineCheck({
  id: 'account-status',
  title: 'Account active',
  group: 'account',
  reads: 'the account status',
  async run(ctx) {
    const account = await ctx.memo('account', () => fetchAccount(ctx.twilio()));
    if (account.status === 'active') return pass('The Twilio account is active.');
    return fail(
      `The Twilio account is ${account.status}: Twilio refuses every message and video room.`,
      'Contact Twilio support from the Console to reactivate the account (usually an unpaid balance).',
    );
  },
});
