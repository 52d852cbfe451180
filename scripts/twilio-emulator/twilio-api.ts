// The Twilio REST API half of the server. A request for
//   <emulator>/<twilio host>/<path>, e.g. /api.twilio.com/2010-04-01/Accounts/AC…/Messages.json
// goes through, in Twilio's order: injected faults, authentication, account
// status, the OpenAPI description (path, method, parameters), then the resource
// handler; every JSON response is checked against the spec's response schema.
import type { IncomingMessage, ServerResponse } from 'node:http';

import { authenticate } from './auth';
import type { EmulatorContext } from './context';
import { takeFault } from './failures';
import { BodyTooLargeError, readBody, sendJson, sendTwilioError } from './http-io';
import {
  formContentType,
  loadSpec,
  productOf,
  regionOf,
  type HttpMethod,
  type Product,
} from './openapi-spec';
import type { Router } from './router';
import type { Fault } from './state';
import { apiErrors, TwilioApiError } from './twilio-api-error';
import { checkResponse } from './validate-response';
import { validateRequest } from './validate-request';

const accountFetchTemplate = '/2010-04-01/Accounts/{Sid}.json';
const defaultTimeoutHoldMs = 120_000;

interface Outcome {
  status: number;
  code?: number;
}

export function createTwilioApiHandler(ctx: EmulatorContext, router: Router) {
  return async function handleTwilioApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const started = Date.now();
    const method = (req.method ?? 'GET').toLowerCase();
    const [, host = '', ...rest] = url.pathname.split('/');
    const path = `/${rest.join('/')}`;
    const product = productOf(host);
    // answer() records the template as soon as it knows it, so refusals are logged with it too.
    const trace: { template?: string } = {};
    let outcome: Outcome;
    try {
      outcome = await answer(ctx, router, req, res, { method, product, path, url, host }, trace);
    } catch (err) {
      const error = err instanceof TwilioApiError ? err : internalError(ctx, err);
      sendTwilioError(res, error);
      outcome = { status: error.status, code: error.code };
    }
    // Templates and codes only: concrete paths can carry room names, queries can carry numbers.
    ctx.log.info('emulator.request', {
      method: method.toUpperCase(),
      product: product ?? host,
      template: trace.template ?? null,
      status: outcome.status,
      code: outcome.code ?? null,
      ms: Date.now() - started,
    });
  };
}

async function answer(
  ctx: EmulatorContext,
  router: Router,
  req: IncomingMessage,
  res: ServerResponse,
  call: { method: string; product: Product | null; path: string; url: URL; host: string },
  trace: { template?: string },
): Promise<Outcome> {
  const { product, path, url } = call;
  if (!product) throw apiErrors.notFound(url.pathname);
  if (call.method !== 'get' && call.method !== 'post' && call.method !== 'delete') {
    throw apiErrors.methodNotAllowed(call.method.toUpperCase());
  }
  const method: HttpMethod = call.method;

  const contentType = req.headers['content-type'];
  let raw: string;
  try {
    raw = await readBody(req);
  } catch (err) {
    if (err instanceof BodyTooLargeError) throw apiErrors.invalidParameter('Request body too large');
    throw err;
  }
  const isForm = contentType?.toLowerCase().startsWith(formContentType) ?? false;
  if (raw.length > 0 && !isForm) throw apiErrors.invalidParameter(`Request body must be ${formContentType}`);
  const form = new URLSearchParams(isForm ? raw : '');
  const query = url.searchParams;

  const fault = takeFault(ctx.state, { method, product, path, to: form.get('To') ?? query.get('To') });
  if (fault) return applyFault(ctx, req, res, fault);

  if (!authenticate(ctx, req.headers.authorization)) {
    sendTwilioError(res, apiErrors.authenticate(), { 'WWW-Authenticate': 'Basic realm="Twilio API"' });
    return { status: 401, code: 20003 };
  }

  const lookup = router.find(product, method, path);
  if (lookup.kind === 'unknown-path') throw apiErrors.notFound(path);
  const template = lookup.match.template;
  trace.template = template;
  if (lookup.kind === 'method-not-allowed') throw apiErrors.methodNotAllowed(method.toUpperCase());

  const account = ctx.state.account;
  if (account.status === 'closed') throw apiErrors.authenticate();
  // A suspended account can still read itself, which is how an app finds out why it is refused.
  if (account.status === 'suspended' && !(method === 'get' && template === accountFetchTemplate)) {
    throw apiErrors.accountNotActive();
  }
  const pathAccount =
    lookup.match.params.AccountSid ??
    (template === accountFetchTemplate ? lookup.match.params.Sid : undefined);
  if (pathAccount !== undefined && pathAccount !== account.sid) throw apiErrors.notFound(path);

  if (lookup.kind === 'not-emulated') {
    ctx.log.warn('emulator.not_emulated', { method: method.toUpperCase(), product, template });
    throw new TwilioApiError(
      404,
      20404,
      `The requested resource ${path} was not found (the emulator does not implement ${method.toUpperCase()} ${template})`,
    );
  }

  const spec = loadSpec(product);
  const operation = spec.operation(template, method);
  const invalid = operation
    ? validateRequest(spec, operation, { query, form, contentType }, lookup.route.paramCodes)
    : null;
  if (invalid) throw invalid;

  const reply = await lookup.route.handle({
    product,
    region: regionOf(call.host),
    method,
    path,
    params: lookup.match.params,
    query,
    form,
  });
  if (reply.body !== undefined || reply.status !== 204) {
    for (const problem of checkResponse(spec, template, method, reply.status, reply.body)) {
      ctx.state.responseProblems.push(`${method.toUpperCase()} ${product}:${template} ${problem}`);
      ctx.log.warn('emulator.response_differs_from_spec', {
        method: method.toUpperCase(),
        product,
        template,
      });
    }
  }
  sendJson(res, reply.status, reply.body);
  return { status: reply.status };
}

function applyFault(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse, fault: Fault): Outcome {
  switch (fault.type) {
    case 'error': {
      const message = fault.message ?? `Error ${fault.code} (injected by the Twilio emulator)`;
      sendTwilioError(res, new TwilioApiError(fault.status, fault.code, message));
      return { status: fault.status, code: fault.code };
    }
    case 'rate-limit':
      sendTwilioError(res, apiErrors.tooManyRequests());
      return { status: 429, code: 20429 };
    case 'server-error': {
      const status = fault.status ?? 500;
      const error =
        status === 503
          ? apiErrors.unavailable()
          : new TwilioApiError(
              status,
              20000 + status,
              status === 500 ? 'Internal Server Error' : 'Bad Gateway',
            );
      sendTwilioError(res, error);
      return { status, code: error.code };
    }
    case 'timeout': {
      // Say nothing; the client's own timeout fires first. Drop the connection later so nothing leaks.
      const cancel = ctx.scheduler.after(
        fault.holdMs ?? defaultTimeoutHoldMs,
        () => void req.socket.destroy(),
        {
          background: true,
        },
      );
      res.on('close', cancel);
      return { status: 0 };
    }
    case 'connection-reset':
      req.socket.destroy();
      return { status: 0 };
  }
}

function internalError(ctx: EmulatorContext, err: unknown): TwilioApiError {
  ctx.log.error('emulator.handler_failed', { error: err instanceof Error ? err.name : typeof err });
  // Surface the stack while developing the emulator itself, on stderr only.
  if (err instanceof Error && err.stack) ctx.log.debug('emulator.handler_stack', { stack: err.stack });
  return apiErrors.internal();
}
