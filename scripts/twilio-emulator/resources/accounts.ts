// api.twilio.com 2010-04-01 Accounts: fetch. The portal's readiness check reads
// type (Trial|Full) and status (active|suspended|closed) from here.
import type { EmulatorContext } from '../context';
import { rfc2822 } from '../formats';
import { accountPath, type RegisterResource } from './resource';

// The subresources Twilio lists for an account (its 2010 API base paths).
const subresources: Record<string, string> = {
  addresses: 'Addresses.json',
  applications: 'Applications.json',
  authorized_connect_apps: 'AuthorizedConnectApps.json',
  available_phone_numbers: 'AvailablePhoneNumbers.json',
  balance: 'Balance.json',
  calls: 'Calls.json',
  conferences: 'Conferences.json',
  connect_apps: 'ConnectApps.json',
  incoming_phone_numbers: 'IncomingPhoneNumbers.json',
  keys: 'Keys.json',
  messages: 'Messages.json',
  notifications: 'Notifications.json',
  outgoing_caller_ids: 'OutgoingCallerIds.json',
  queues: 'Queues.json',
  recordings: 'Recordings.json',
  short_codes: 'SMS/ShortCodes.json',
  signing_keys: 'SigningKeys.json',
  sip: 'SIP.json',
  transcriptions: 'Transcriptions.json',
  usage: 'Usage.json',
};

export function accountJson(ctx: EmulatorContext): Record<string, unknown> {
  const account = ctx.state.account;
  const base = accountPath(ctx);
  return {
    auth_token: account.authToken,
    date_created: rfc2822(account.dateCreated),
    date_updated: rfc2822(account.dateUpdated),
    friendly_name: account.friendlyName,
    owner_account_sid: account.sid,
    sid: account.sid,
    status: account.status,
    subresource_uris: Object.fromEntries(Object.entries(subresources).map(([k, v]) => [k, `${base}/${v}`])),
    type: account.type,
    uri: `${base}.json`,
  };
}

export const registerAccounts: RegisterResource = (router, ctx) => {
  // GET /2010-04-01/Accounts/{Sid}.json – the account's type, status and name
  router.add({
    product: 'api',
    method: 'get',
    path: '/2010-04-01/Accounts/{Sid}.json',
    handle: () => ({ status: 200, body: accountJson(ctx) }),
  });
};
