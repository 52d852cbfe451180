// The shape of a resource module: a function that adds its routes to the router, and the
// routes most resources have (a record's GET, POST and DELETE; a list's GET) written once.
import type { EmulatorContext } from '../context';
import type { HttpMethod, Product } from '../openapi-spec';
import { pageV1, pageV2010, type ListPage } from '../pagination';
import type { Route, RouteRequest, Router } from '../router';

export type RegisterResource = (router: Router, ctx: EmulatorContext) => void;

/** Base path of the 2010-04-01 API for the emulated account, relative to https://api.twilio.com. */
export function accountPath(ctx: EmulatorContext): string {
  return `/2010-04-01/Accounts/${ctx.state.account.sid}`;
}

/** The same path, for modules outside resources/ that build resource URIs. */
export const resourceAccountPath = accountPath;

/** One record's route: its product, its path template, and how to find it from a request. */
export interface ItemRoute<R> {
  product: Product;
  path: string;
  /** Throws Twilio's 20404 for a record that does not exist. */
  find: (request: RouteRequest) => R;
}

/** A 2010 API resource under the account (Messages, Keys, Usage/Triggers): its list path and its record's route. */
export function accountResource<R>(
  name: string,
  find: (sid: string, request: RouteRequest) => R,
): { listPath: string; item: ItemRoute<R> } {
  const base = `/2010-04-01/Accounts/{AccountSid}/${name}`;
  const item: ItemRoute<R> = {
    product: 'api',
    path: `${base}/{Sid}.json`,
    find: (r) => find(r.params.Sid ?? '', r),
  };
  return { listPath: `${base}.json`, item };
}

/** What a record's route does besides GET: POST changes it, DELETE removes it. */
export interface ItemOperations<R> {
  update?: (record: R, request: RouteRequest) => void;
  /** What POST answers: 200, or 202 where Twilio's description says Accepted. */
  updateStatus?: number;
  remove?: (record: R) => void;
}

/** Adds GET of one record (its JSON), and POST (its JSON after the change) and DELETE (204) where given. */
export function addItemRoutes<R>(
  router: Router,
  item: ItemRoute<R>,
  toJson: (record: R) => unknown,
  { update, updateStatus = 200, remove }: ItemOperations<R> = {},
): void {
  const { product, path, find } = item;
  const add = (method: HttpMethod, handle: Route['handle']) => router.add({ product, method, path, handle });
  add('get', (request) => ({ status: 200, body: toJson(find(request)) }));
  if (update) {
    add('post', (request) => {
      const record = find(request);
      update(record, request);
      return { status: updateStatus, body: toJson(record) };
    });
  }
  if (remove) {
    add('delete', (request) => {
      remove(find(request));
      return { status: 204 };
    });
  }
}

/**
 * Adds GET of a list: one page of the records `select` picks, in the paging style of the
 * product (the 2010 API's, or the v1 APIs'), each paged by its Sid.
 */
export function addList<T extends { sid: string }>(
  router: Router,
  product: Product,
  path: string,
  list: Omit<ListPage<T>, 'token'>,
  select: (request: RouteRequest) => T[],
): void {
  const page = product === 'api' ? pageV2010 : pageV1;
  router.add({
    product,
    method: 'get',
    path,
    handle: (request) => ({
      status: 200,
      body: page(select(request), request.query, { ...list, token: (item) => item.sid }),
    }),
  });
}

/** Adds GET of a 2010 API list under the account (`Keys`, `Usage/Triggers`): its page links name the account. */
export function addAccountList<T extends { sid: string }>(
  router: Router,
  ctx: EmulatorContext,
  name: string,
  page: Pick<ListPage<T>, 'key' | 'toJson'>,
  select: (request: RouteRequest) => T[],
): void {
  const list = { ...page, base: `${accountPath(ctx)}/${name}.json` };
  addList(router, 'api', `/2010-04-01/Accounts/{AccountSid}/${name}.json`, list, select);
}
