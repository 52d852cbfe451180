// Route handlers (only for what outsiders call: Twilio webhooks, tokens, the
// API) go through `route()`: it awaits params, gives each request an id, and
// turns thrown errors into JSON a person can act on. Validation and
// authentication are separate small helpers so each route composes what it needs.
import 'server-only';

import { randomUUID } from 'node:crypto';

import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';

import { AppError, isAppError } from '@/lib/errors/app-error';
import { errorFields, log } from '@/lib/log/logger';
import { countRequest } from '@/lib/ops/metrics';
import { zodFieldErrors } from '@/lib/schemas/form-state';
import { entityId } from '@/lib/schemas/safe-text';

export type RouteContext<P> = { params: P; requestId: string };

type Handler<P> = (request: NextRequest, context: RouteContext<P>) => Promise<Response>;

/** A route segment's `[id]`: the ids the portal issues (cuid), nothing a database would choke on. */
export const idParamsSchema = z.object({ id: entityId });

export function route<P = Record<string, never>>(name: string, handler: Handler<P>): RouteHandler<P>;
/** With `params`, the route segment's values are parsed first: an impossible one is a 404. */
export function route<S extends z.ZodType>(
  name: string,
  options: { params: S },
  handler: Handler<z.output<S>>,
): RouteHandler<z.input<S>>;
export function route(
  name: string,
  optionsOrHandler: { params: z.ZodType } | Handler<unknown>,
  maybeHandler?: Handler<unknown>,
): RouteHandler<unknown> {
  const [schema, handler] =
    typeof optionsOrHandler === 'function'
      ? [undefined, optionsOrHandler]
      : [optionsOrHandler.params, maybeHandler!];
  return async (request, segment) => {
    const requestId = request.headers.get('x-request-id') ?? randomUUID();
    try {
      const raw = segment?.params ? await segment.params : {};
      let params: unknown = raw;
      if (schema) {
        const parsed = schema.safeParse(raw);
        if (!parsed.success) throw new AppError('NOT_FOUND', 'Nothing is found at this address.');
        params = parsed.data;
      }
      const response = await handler(request, { params, requestId });
      response.headers.set('x-request-id', requestId);
      countRequest(name, response.status);
      return response;
    } catch (err) {
      const response = errorResponse(err, { route: name, requestId });
      countRequest(name, response.status);
      return response;
    }
  };
}

type RouteHandler<P> = (request: NextRequest, segment: { params: Promise<P> }) => Promise<Response>;

export function errorResponse(err: unknown, context: { route: string; requestId: string }): Response {
  if (isAppError(err)) {
    if (err.status >= 500) log.error('http.app_error', { ...context, code: err.code, ...errorFields(err) });
    else log.info('http.refused', { ...context, code: err.code, status: err.status });
    return NextResponse.json(
      { error: { code: err.code, message: err.message, fields: err.fieldErrors, ...err.details } },
      { status: err.status, headers: { 'x-request-id': context.requestId } },
    );
  }
  log.error('http.unhandled', { ...context, ...errorFields(err) });
  return NextResponse.json(
    {
      error: {
        code: 'INTERNAL',
        message:
          'Something went wrong on our side. Please try again; if it keeps happening, contact the clinic.',
        requestId: context.requestId,
      },
    },
    { status: 500, headers: { 'x-request-id': context.requestId } },
  );
}

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new AppError('INVALID_INPUT', 'Some of the details sent are not valid.', {
      fieldErrors: zodFieldErrors(result.error),
    });
  }
  return result.data;
}

export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  let body: unknown;
  try {
    const text = await request.text();
    body = text ? JSON.parse(text) : {};
  } catch {
    throw new AppError('INVALID_INPUT', 'The request body must be JSON.');
  }
  return parseWith(schema, body);
}

/** A refusal as JSON in the portal's error shape, for statuses AppError does not name (400, 413, 415). */
export function jsonError(
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
): Response {
  return NextResponse.json({ error: { code, message, ...extra } }, { status });
}
