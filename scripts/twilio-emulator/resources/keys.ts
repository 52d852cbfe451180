// api.twilio.com 2010-04-01 Keys: list, fetch, create, update, delete. A key
// belongs to the region it was made in, and each region only knows its own:
// fetching an au1 key through api.twilio.com (us1) is 20404, which is how the
// portal tells that its Video key is not a US1 key (Twilio rejects Video
// tokens signed with keys from other regions).
import type { EmulatorContext } from '../context';
import { rfc2822 } from '../formats';
import type { RouteRequest } from '../router';
import type { KeyRecord } from '../state';
import { apiErrors } from '../twilio-api-error';
import { accountPath, addDelete, addFetch, addList, type RegisterResource } from './resource';

function keyJson(k: KeyRecord): Record<string, unknown> {
  return {
    date_created: rfc2822(k.dateCreated),
    date_updated: rfc2822(k.dateUpdated),
    friendly_name: k.friendlyName,
    sid: k.sid,
  };
}

function keyIn(ctx: EmulatorContext, region: string, sid: string, path: string): KeyRecord {
  const key = ctx.state.keys.get(sid);
  if (!key || key.region !== region) throw apiErrors.notFound(path);
  return key;
}

export const registerKeys: RegisterResource = (router, ctx) => {
  const listPath = '/2010-04-01/Accounts/{AccountSid}/Keys.json';
  const itemPath = '/2010-04-01/Accounts/{AccountSid}/Keys/{Sid}.json';
  const find = ({ params, path, region }: RouteRequest) => keyIn(ctx, region, params.Sid ?? '', path);

  // GET …/Keys.json – the account's API keys in this region (never their secrets)
  const list = { base: `${accountPath(ctx)}/Keys.json`, key: 'keys', toJson: keyJson };
  addList(router, 'api', listPath, list, ({ region }) =>
    [...ctx.state.keys.values()].filter((k) => k.region === region),
  );

  // GET …/Keys/{Sid}.json – one key, 20404 when it belongs to another region
  addFetch(router, 'api', itemPath, find, keyJson);

  // POST …/Keys.json – a new key in this region; the secret is shown this once
  router.add({
    product: 'api',
    method: 'post',
    path: listPath,
    handle: ({ form, region }) => {
      const key = ctx.state.addKey({ friendlyName: form.get('FriendlyName') ?? undefined, region });
      return { status: 201, body: { ...keyJson(key), secret: key.secret } };
    },
  });

  // POST …/Keys/{Sid}.json – rename a key
  router.add({
    product: 'api',
    method: 'post',
    path: itemPath,
    handle: (request) => {
      const key = find(request);
      const name = request.form.get('FriendlyName');
      if (name !== null) {
        key.friendlyName = name;
        key.dateUpdated = new Date();
      }
      return { status: 200, body: keyJson(key) };
    },
  });

  // DELETE …/Keys/{Sid}.json – revoke a key; requests signed with it fail from now on
  addDelete(router, 'api', itemPath, find, (key) => ctx.state.keys.delete(key.sid));
};
