// api.twilio.com 2010-04-01 Keys: list, fetch, create, update, delete. A key
// belongs to the region it was made in, and each region only knows its own:
// fetching an au1 key through api.twilio.com (us1) is 20404, which is how the
// portal tells that its Video key is not a US1 key (Twilio rejects Video
// tokens signed with keys from other regions).
import type { EmulatorContext } from '../context';
import { rfc2822 } from '../formats';
import { pageV2010 } from '../pagination';
import type { KeyRecord } from '../state';
import { apiErrors } from '../twilio-api-error';
import { accountPath, type RegisterResource } from './resource';

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

  // GET …/Keys.json – the account's API keys in this region (never their secrets)
  router.add({
    product: 'api',
    method: 'get',
    path: listPath,
    handle: ({ query, region }) => {
      const keys = [...ctx.state.keys.values()].filter((k) => k.region === region);
      const body = pageV2010(keys, query, `${accountPath(ctx)}/Keys.json`, 'keys', keyJson, (k) => k.sid);
      return { status: 200, body };
    },
  });

  // GET …/Keys/{Sid}.json – one key, 20404 when it belongs to another region
  router.add({
    product: 'api',
    method: 'get',
    path: itemPath,
    handle: ({ params, path, region }) => ({
      status: 200,
      body: keyJson(keyIn(ctx, region, params.Sid ?? '', path)),
    }),
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

  // POST …/Keys/{Sid}.json – rename a key
  router.add({
    product: 'api',
    method: 'post',
    path: itemPath,
    handle: ({ params, path, form, region }) => {
      const key = keyIn(ctx, region, params.Sid ?? '', path);
      const name = form.get('FriendlyName');
      if (name !== null) {
        key.friendlyName = name;
        key.dateUpdated = new Date();
      }
      return { status: 200, body: keyJson(key) };
    },
  });

  // DELETE …/Keys/{Sid}.json – revoke a key; requests signed with it fail from now on
  router.add({
    product: 'api',
    method: 'delete',
    path: itemPath,
    handle: ({ params, path, region }) => {
      const key = keyIn(ctx, region, params.Sid ?? '', path);
      ctx.state.keys.delete(key.sid);
      return { status: 204 };
    },
  });
};
