import 'server-only';

// When the balance runs out Twilio stops sending, so reminders silently stop.
import { fetchBalance } from '@/lib/twilio/fetch-balance';

import { defineCheck } from '../define-check';
import { fail, pass } from '../types';

export const balanceCheck = defineCheck({
  id: 'balance',
  title: 'Balance above the minimum',
  group: 'account',
  reads: 'the balance',
  async run(ctx) {
    const balance = await fetchBalance(ctx.twilio());
    const minimum = ctx.settings.minimumBalanceUsd;
    const amount = `${balance.amount.toFixed(2)} ${balance.currency}`;
    if (balance.currency === 'USD' && balance.amount >= minimum) {
      return pass(`The balance is ${amount}, above the minimum of ${minimum.toFixed(2)} USD.`);
    }
    if (balance.currency !== 'USD') {
      return pass(`The balance is ${amount}; the minimum (${minimum} USD) is compared in USD only.`, [
        'The account is billed in another currency: compare by hand.',
      ]);
    }
    return fail(
      `The balance is ${amount}, below the minimum of ${minimum.toFixed(2)} USD.`,
      'Add funds in the Twilio Console (Billing) or turn on auto-recharge, then run the checks again.',
    );
  },
});
