// A tiny router keyed by the OpenAPI path templates themselves, so a resource
// file names exactly the operation it emulates and the server can look up the
// same operation to validate the request and the response. Adding a resource
// means adding routes here from one file under resources/.
import { loadSpec, type HttpMethod, type PathMatch, type Product } from './openapi-spec';
import type { ParamErrorCodes } from './validate-request';

export interface RouteRequest {
  product: Product;
  /** The Twilio region the hostname names: us1 for api.twilio.com, au1 for api.sydney.au1.twilio.com. */
  region: string;
  method: HttpMethod;
  /** The path after the host, e.g. /2010-04-01/Accounts/AC…/Messages.json. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  form: URLSearchParams;
}

export interface RouteReply {
  status: number;
  body?: unknown;
}

export interface Route {
  product: Product;
  method: HttpMethod;
  /** A path template exactly as it appears in the product's OpenAPI description. */
  path: string;
  paramCodes?: ParamErrorCodes;
  handle(request: RouteRequest): RouteReply | Promise<RouteReply>;
}

export type Lookup =
  | { kind: 'route'; route: Route; match: PathMatch }
  | { kind: 'not-emulated'; match: PathMatch }
  | { kind: 'method-not-allowed'; match: PathMatch }
  | { kind: 'unknown-path' };

export class Router {
  private readonly routes = new Map<string, Route>();

  add(route: Route): void {
    // Fail at start-up, not at request time, if a resource names an operation Twilio does not have.
    const spec = loadSpec(route.product);
    if (!spec.operation(route.path, route.method)) {
      throw new Error(
        `${route.method.toUpperCase()} ${route.product}:${route.path} is not in Twilio's OpenAPI description`,
      );
    }
    const key = routeKey(route.product, route.method, route.path);
    if (this.routes.has(key)) throw new Error(`Route registered twice: ${key}`);
    this.routes.set(key, route);
  }

  find(product: Product, method: HttpMethod, path: string): Lookup {
    const spec = loadSpec(product);
    const match = spec.match(path);
    if (!match) return { kind: 'unknown-path' };
    if (!spec.operation(match.template, method)) return { kind: 'method-not-allowed', match };
    const route = this.routes.get(routeKey(product, method, match.template));
    return route ? { kind: 'route', route, match } : { kind: 'not-emulated', match };
  }

  list(): Array<Pick<Route, 'product' | 'method' | 'path'>> {
    return [...this.routes.values()].map(({ product, method, path }) => ({ product, method, path }));
  }
}

function routeKey(product: Product, method: HttpMethod, path: string): string {
  return `${method} ${product}:${path}`;
}
