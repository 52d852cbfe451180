// api.twilio.com 2010-04-01 IncomingPhoneNumbers: list. The numbers the account
// owns, with their capabilities; the portal checks its sender is among them.
import type { EmulatorContext } from '../context';
import { rfc2822 } from '../formats';
import type { PhoneNumberRecord } from '../state';
import { accountPath, addAccountList, type RegisterResource } from './resource';

function phoneNumberJson(ctx: EmulatorContext, n: PhoneNumberRecord): Record<string, unknown> {
  return {
    account_sid: ctx.state.account.sid,
    address_requirements: 'none',
    address_sid: null,
    api_version: '2010-04-01',
    beta: false,
    bundle_sid: null,
    capabilities: { ...n.capabilities },
    date_created: rfc2822(n.dateCreated),
    date_updated: rfc2822(n.dateCreated),
    emergency_address_sid: null,
    emergency_address_status: 'unregistered',
    emergency_status: 'Inactive',
    friendly_name: n.friendlyName,
    identity_sid: null,
    origin: 'twilio',
    phone_number: n.phoneNumber,
    sid: n.sid,
    sms_application_sid: null,
    sms_fallback_method: 'POST',
    sms_fallback_url: null,
    sms_method: 'POST',
    sms_url: null,
    status: 'in-use',
    status_callback: null,
    status_callback_method: 'POST',
    trunk_sid: null,
    type: 'local',
    uri: `${accountPath(ctx)}/IncomingPhoneNumbers/${n.sid}.json`,
    voice_application_sid: null,
    voice_caller_id_lookup: false,
    voice_fallback_method: 'POST',
    voice_fallback_url: null,
    voice_method: 'POST',
    voice_receive_mode: 'voice',
    voice_url: null,
  };
}

/** Twilio's PhoneNumber filter takes partial numbers with `*` for any digit. */
function matchesNumberFilter(phoneNumber: string, filter: string | null): boolean {
  if (filter === null) return true;
  const pattern = filter.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '\\d');
  return new RegExp(pattern).test(phoneNumber);
}

export const registerIncomingPhoneNumbers: RegisterResource = (router, ctx) => {
  // GET /2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json – numbers the account owns
  const page = { key: 'incoming_phone_numbers', toJson: (n: PhoneNumberRecord) => phoneNumberJson(ctx, n) };
  addAccountList(router, ctx, 'IncomingPhoneNumbers', page, ({ query }) => {
    const friendlyName = query.get('FriendlyName');
    return [...ctx.state.phoneNumbers.values()].filter(
      (n) =>
        matchesNumberFilter(n.phoneNumber, query.get('PhoneNumber')) &&
        (friendlyName === null || n.friendlyName === friendlyName),
    );
  });
};
