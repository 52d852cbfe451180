// api.twilio.com 2010-04-01 Keys: list, fetch, create, update, delete. A key
// belongs to the region it was made in, and each region only knows its own:
// fetching an au1 key through api.twilio.com (us1) is 20404, which is how the
// portal tells that its Video key is not a US1 key (Twilio rejects Video
// tokens signed with keys from other regions).
import type { EmulatorContext } from '../context';
import { rfc2822 } from '../formats';
import type { KeyRecord } from '../state';
import { apiErrors } from '../twilio-api-error';
import { accountResource, addAccountList, addItemRoutes, type RegisterResource } from './resource';

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
  const { listPath, item } = accountResource('Keys', (sid, { path, region }) =>
    keyIn(ctx, region, sid, path),
  );

  // GET …/Keys.json – the account's API keys in this region (never their secrets)
  addAccountList(router, ctx, 'Keys', { key: 'keys', toJson: keyJson }, ({ region }) =>
    [...ctx.state.keys.values()].filter((k) => k.region === region),
  );

  // …/Keys/{Sid}.json – GET one key, 20404 when it belongs to another region; POST renames it;
  // DELETE revokes it, and requests signed with it fail from then on
  addItemRoutes(router, item, keyJson, {
    update: (key, { form }) => {
      const name = form.get('FriendlyName');
      if (name !== null) {
        key.friendlyName = name;
        key.dateUpdated = new Date();
      }
    },
    remove: (key) => ctx.state.keys.delete(key.sid),
  });

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
};
