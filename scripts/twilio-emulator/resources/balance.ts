// api.twilio.com 2010-04-01 Balance: fetch. Twilio returns the balance as a string.
import { type RegisterResource } from './resource';

export const registerBalance: RegisterResource = (router, ctx) => {
  // GET /2010-04-01/Accounts/{AccountSid}/Balance.json – remaining credit
  router.add({
    product: 'api',
    method: 'get',
    path: '/2010-04-01/Accounts/{AccountSid}/Balance.json',
    handle: () => ({
      status: 200,
      body: {
        account_sid: ctx.state.account.sid,
        balance: ctx.state.account.balance.toFixed(5),
        currency: ctx.state.account.currency,
      },
    }),
  });
};
