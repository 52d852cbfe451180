// The shape of a resource module: a function that adds its routes to the router, and the
// routes most resources have (fetch, delete, list) written once.
import type { EmulatorContext } from '../context';
import type { Product } from '../openapi-spec';
import { pageV1, pageV2010, type ListPage } from '../pagination';
import type { RouteRequest, Router } from '../router';

export type RegisterResource = (router: Router, ctx: EmulatorContext) => void;

/** Base path of the 2010-04-01 API for the emulated account, relative to https://api.twilio.com. */
export function accountPath(ctx: EmulatorContext): string {
  return `/2010-04-01/Accounts/${ctx.state.account.sid}`;
}

/** The same path, for modules outside resources/ that build resource URIs. */
export const resourceAccountPath = accountPath;

/** Adds GET of one record; `find` throws Twilio's 20404 for one that does not exist. */
export function addFetch<R>(
  router: Router,
  product: Product,
  path: string,
  find: (request: RouteRequest) => R,
  toJson: (record: R) => unknown,
): void {
  router.add({
    product,
    method: 'get',
    path,
    handle: (request) => ({ status: 200, body: toJson(find(request)) }),
  });
}

/** Adds DELETE of one record: `find` it (20404 when there is none), `remove` it, answer 204. */
export function addDelete<R>(
  router: Router,
  product: Product,
  path: string,
  find: (request: RouteRequest) => R,
  remove: (record: R) => void,
): void {
  router.add({
    product,
    method: 'delete',
    path,
    handle: (request) => {
      remove(find(request));
      return { status: 204 };
    },
  });
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
