// api.twilio.com 2010-04-01 OutgoingCallerIds: list. On a Trial account these
// verified numbers are the only ones it may message (21608 otherwise).
import type { EmulatorContext } from '../context';
import { rfc2822 } from '../formats';
import type { CallerIdRecord } from '../state';
import { accountPath, addAccountList, type RegisterResource } from './resource';

function callerIdJson(ctx: EmulatorContext, c: CallerIdRecord): Record<string, unknown> {
  return {
    account_sid: ctx.state.account.sid,
    date_created: rfc2822(c.dateCreated),
    date_updated: rfc2822(c.dateCreated),
    friendly_name: c.friendlyName,
    phone_number: c.phoneNumber,
    sid: c.sid,
    uri: `${accountPath(ctx)}/OutgoingCallerIds/${c.sid}.json`,
  };
}

export const registerOutgoingCallerIds: RegisterResource = (router, ctx) => {
  // GET /2010-04-01/Accounts/{AccountSid}/OutgoingCallerIds.json – verified caller IDs
  const page = { key: 'outgoing_caller_ids', toJson: (c: CallerIdRecord) => callerIdJson(ctx, c) };
  addAccountList(router, ctx, 'OutgoingCallerIds', page, ({ query }) => {
    const phoneNumber = query.get('PhoneNumber');
    const friendlyName = query.get('FriendlyName');
    return [...ctx.state.callerIds.values()].filter(
      (c) =>
        (phoneNumber === null || c.phoneNumber === phoneNumber) &&
        (friendlyName === null || c.friendlyName === friendlyName),
    );
  });
};
