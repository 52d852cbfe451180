// List responses in the two paging styles Twilio uses. The helper library
// follows next_page_uri (2010 API, relative) or meta.next_page_url (v1 APIs,
// absolute), so both must point back at real Twilio URLs: the client's
// emulator seam rewrites them like any other request.

const pagingParams = new Set(['Page', 'PageSize', 'PageToken']);

/** What a list page is made of, besides the request's query. */
export interface ListPage<T> {
  /** The list's own address (a path for the 2010 API, a URL for v1), which the paging links repeat. */
  base: string;
  /** The field that holds the items. */
  key: string;
  toJson: (item: T) => unknown;
  /** What a page token remembers of the last item on the page. */
  token: (item: T) => string;
}

interface PageWindow<T> {
  items: T[];
  page: number;
  pageSize: number;
  hasMore: boolean;
  link: (page: number, lastItem?: T) => string;
}

function pageWindow<T>(all: T[], query: URLSearchParams, { base, token }: ListPage<T>): PageWindow<T> {
  const pageSize = clamp(Number(query.get('PageSize') ?? 50), 1, 1000);
  const page = Math.max(0, Number(query.get('Page') ?? 0));
  const items = all.slice(page * pageSize, (page + 1) * pageSize);
  const filters = [...query.entries()].filter(([name]) => !pagingParams.has(name));
  const link = (target: number, lastItem?: T): string => {
    const params = new URLSearchParams(filters);
    params.set('PageSize', String(pageSize));
    params.set('Page', String(target));
    if (lastItem !== undefined) params.set('PageToken', `PA${token(lastItem)}`);
    return `${base}?${params.toString()}`;
  };
  return { items, page, pageSize, hasMore: (page + 1) * pageSize < all.length, link };
}

/** 2010-04-01 style: the list under `key` plus page, start, end and *_page_uri fields. */
export function pageV2010<T>(all: T[], query: URLSearchParams, list: ListPage<T>): Record<string, unknown> {
  const w = pageWindow(all, query, list);
  const start = w.page * w.pageSize;
  return {
    [list.key]: w.items.map(list.toJson),
    end: w.items.length === 0 ? 0 : start + w.items.length - 1,
    first_page_uri: w.link(0),
    next_page_uri: w.hasMore ? w.link(w.page + 1, w.items.at(-1)) : null,
    page: w.page,
    page_size: w.pageSize,
    previous_page_uri: w.page > 0 ? w.link(w.page - 1) : null,
    start,
    uri: w.link(w.page),
  };
}

/** v1 style (Video, Content…): the list under `key` plus a meta object with absolute *_page_url fields. */
export function pageV1<T>(all: T[], query: URLSearchParams, list: ListPage<T>): Record<string, unknown> {
  const w = pageWindow(all, query, list);
  return {
    [list.key]: w.items.map(list.toJson),
    meta: {
      page: w.page,
      page_size: w.pageSize,
      first_page_url: w.link(0),
      previous_page_url: w.page > 0 ? w.link(w.page - 1) : null,
      url: w.link(w.page),
      next_page_url: w.hasMore ? w.link(w.page + 1, w.items.at(-1)) : null,
      key: list.key,
    },
  };
}

function clamp(n: number, min: number, max: number): number {
  return Number.isFinite(n) ? Math.min(max, Math.max(min, Math.trunc(n))) : min;
}
