// The control API over HTTP, JSON in and out, under /__emulator/. Unauthenticated
// on purpose: the emulator listens on 127.0.0.1 and holds no real data.
//
//   GET    /__emulator/health                          → { ok, accountSid }
//   POST   /__emulator/reset                           forget everything, back to start-up settings
//   GET    /__emulator/account                         account type, status, balance
//   POST   /__emulator/account                         { type?: Trial|Full, status?: active|suspended|closed, balance?, currency? }
//   POST   /__emulator/account/upgrade                 Trial → Full, as paying in the Console does
//   POST   /__emulator/keys                            { sid?, secret?, friendlyName?, region?, dateCreated? } add or age an API key
//   DELETE /__emulator/incoming-phone-numbers/:number  release a number
//   POST   /__emulator/content                         { friendlyName, body, language?, variables?, whatsapp?: { status, category?, name?, rejectionReason? } }
//   POST   /__emulator/content/:sid/approval           { status, category?, rejectionReason? } Meta's decision
//   POST   /__emulator/usage                           { category, count?, usage?, price, date? } add usage; fires triggers it crosses
//   GET    /__emulator/usage-triggers                  triggers and when each last fired
//   POST   /__emulator/usage-triggers/evaluate         fire every trigger whose threshold is reached
//   POST   /__emulator/usage-triggers/:sid/fire        send one trigger's signed callback now
//   POST   /__emulator/verified-caller-ids             { phoneNumber, friendlyName? }
//   POST   /__emulator/incoming-phone-numbers          { phoneNumber, friendlyName?, capabilities?: { sms?, mms?, voice?, fax? } }
//   POST   /__emulator/whatsapp-senders                { phoneNumber }: a WhatsApp sender the account owns
//   POST   /__emulator/whatsapp-sessions               { phoneNumber }: free-form WhatsApp to it is delivered
//   GET    /__emulator/failures                        injected failure rules
//   POST   /__emulator/failures                        { method?, product?, path?, to?, times?, always?, fault }
//            fault: { type: 'error', code, status, message? } | { type: 'rate-limit' }
//                 | { type: 'server-error', status?: 500|502|503 } | { type: 'timeout', holdMs? }
//                 | { type: 'connection-reset' }
//   DELETE /__emulator/failures
//   POST   /__emulator/message-outcomes                { to?, status: delivered|undelivered|failed|read, errorCode?, times?, always? }
//   DELETE /__emulator/message-outcomes
//   GET    /__emulator/messages                        the outbox: every accepted message with its status
//   GET    /__emulator/rooms                           rooms and their participants
//   POST   /__emulator/rooms/:room/participants        { identity, tracks?: ['audio','video','data'] } simulate joining
//   POST   /__emulator/rooms/:room/participants/:p/disconnect   simulate leaving
//   POST   /__emulator/rooms/:room/complete            end the room as its timeout would
//   POST   /__emulator/rooms/:room/events              { event, participant?, trackKind? } send one raw status callback
//   GET    /__emulator/callbacks                       status callbacks sent: target, event, attempts, result
//   GET    /__emulator/response-problems               emulator responses that differ from Twilio's schemas
//   POST   /__emulator/idle                            returns once no status step or callback is pending
//   GET    /__emulator/routes                          the Twilio operations the emulator implements
import type { IncomingMessage, ServerResponse } from 'node:http';

import { z } from 'zod';

import { ControlError, type EmulatorControl } from './control';
import { readBody, sendJson } from './http-io';
import type { Logger } from './log';
import { roomEvents } from './room-lifecycle';
import type { Router } from './router';

const phoneBody = z.object({ phoneNumber: z.string(), friendlyName: z.string().optional() }).strict();
const trackKind = z.enum(['audio', 'video', 'data']);
const approvalStatus = z.enum(['received', 'pending', 'approved', 'rejected', 'paused', 'disabled']);

const schemas = {
  account: z
    .object({
      type: z.enum(['Trial', 'Full']).optional(),
      status: z.enum(['active', 'suspended', 'closed']).optional(),
      balance: z.number().optional(),
      currency: z.string().length(3).optional(),
      friendlyName: z.string().optional(),
    })
    .strict(),
  incomingNumber: phoneBody.extend({
    capabilities: z
      .object({ voice: z.boolean(), sms: z.boolean(), mms: z.boolean(), fax: z.boolean() })
      .partial()
      .strict()
      .optional(),
  }),
  failure: z
    .object({
      method: z.string().optional(),
      product: z.enum(['api', 'video', 'content', 'messaging', 'pricing']).optional(),
      path: z.string().startsWith('/').optional(),
      to: z.string().optional(),
      times: z.number().int().positive().optional(),
      always: z.boolean().optional(),
      fault: z.discriminatedUnion('type', [
        z.object({
          type: z.literal('error'),
          code: z.number().int(),
          status: z.number().int().min(400).max(599),
          message: z.string().optional(),
        }),
        z.object({ type: z.literal('rate-limit') }),
        z.object({
          type: z.literal('server-error'),
          status: z.union([z.literal(500), z.literal(502), z.literal(503)]).optional(),
        }),
        z.object({ type: z.literal('timeout'), holdMs: z.number().int().positive().optional() }),
        z.object({ type: z.literal('connection-reset') }),
      ]),
    })
    .strict(),
  outcome: z
    .object({
      to: z.string().optional(),
      status: z.enum(['delivered', 'undelivered', 'failed', 'read']),
      errorCode: z.number().int().optional(),
      times: z.number().int().positive().optional(),
      always: z.boolean().optional(),
    })
    .strict(),
  key: z
    .object({
      sid: z.string().optional(),
      secret: z.string().min(1).optional(),
      friendlyName: z.string().optional(),
      region: z
        .string()
        .regex(/^[a-z]{2}\d$/)
        .optional(),
      dateCreated: z.iso
        .datetime()
        .transform((v) => new Date(v))
        .optional(),
    })
    .strict(),
  content: z
    .object({
      friendlyName: z.string().min(1),
      body: z.string(),
      language: z.string().optional(),
      variables: z.record(z.string(), z.string()).optional(),
      whatsapp: z
        .object({
          status: approvalStatus,
          category: z.string().optional(),
          name: z.string().optional(),
          rejectionReason: z.string().optional(),
        })
        .strict()
        .optional(),
    })
    .strict(),
  approval: z
    .object({
      status: approvalStatus,
      category: z.string().optional(),
      rejectionReason: z.string().optional(),
    })
    .strict(),
  usage: z
    .object({
      category: z.string().min(1),
      count: z.number().nonnegative().optional(),
      usage: z.number().nonnegative().optional(),
      price: z.number(),
      date: z.iso
        .datetime()
        .transform((v) => new Date(v))
        .optional(),
    })
    .strict(),
  join: z.object({ identity: z.string(), tracks: z.array(trackKind).optional() }).strict(),
  event: z
    .object({
      event: z.enum(roomEvents),
      participant: z.string().optional(),
      trackKind: trackKind.optional(),
    })
    .strict(),
};

type Handler = (
  match: string[],
  body: () => Promise<unknown>,
) => Promise<[number, unknown?]> | [number, unknown?];

export function createControlHandler(
  control: EmulatorControl,
  router: Router,
  log: Logger,
  accountSid: string,
) {
  const routes: Array<[string, RegExp, Handler]> = [
    ['GET', /^\/health$/, () => [200, { ok: true, accountSid }]],
    ['POST', /^\/reset$/, () => (control.reset(), [204])],
    ['GET', /^\/account$/, () => [200, control.account()]],
    [
      'POST',
      /^\/account$/,
      async (_, body) => (control.setAccount(schemas.account.parse(await body())), [200, control.account()]),
    ],
    ['POST', /^\/account\/upgrade$/, () => (control.upgradeAccount(), [200, control.account()])],
    ['POST', /^\/keys$/, async (_, body) => [201, control.addApiKey(schemas.key.parse(await body()))]],
    [
      'DELETE',
      /^\/incoming-phone-numbers\/([^/]+)$/,
      ([number = '']) => (control.removeIncomingPhoneNumber(number), [204]),
    ],
    [
      'POST',
      /^\/content$/,
      async (_, body) => [201, control.addContent(schemas.content.parse(await body()))],
    ],
    [
      'POST',
      /^\/content\/([^/]+)\/approval$/,
      async ([sid = ''], body) => (
        control.setContentApproval(sid, schemas.approval.parse(await body())),
        [204]
      ),
    ],
    ['POST', /^\/usage$/, async (_, body) => [200, control.addUsage(schemas.usage.parse(await body()))]],
    ['GET', /^\/usage-triggers$/, () => [200, control.usageTriggers()]],
    ['POST', /^\/usage-triggers\/evaluate$/, () => [200, control.evaluateUsageTriggers()]],
    ['POST', /^\/usage-triggers\/([^/]+)\/fire$/, ([sid = '']) => (control.fireUsageTrigger(sid), [204])],
    [
      'POST',
      /^\/verified-caller-ids$/,
      async (_, body) => {
        const input = phoneBody.parse(await body());
        control.addVerifiedCallerId(input.phoneNumber, input.friendlyName);
        return [204];
      },
    ],
    [
      'POST',
      /^\/incoming-phone-numbers$/,
      async (_, body) => {
        const { phoneNumber, ...options } = schemas.incomingNumber.parse(await body());
        control.addIncomingPhoneNumber(phoneNumber, options);
        return [204];
      },
    ],
    [
      'POST',
      /^\/whatsapp-senders$/,
      async (_, body) => (control.addWhatsAppSender(phoneBody.parse(await body()).phoneNumber), [204]),
    ],
    [
      'POST',
      /^\/whatsapp-sessions$/,
      async (_, body) => (control.openWhatsAppSession(phoneBody.parse(await body()).phoneNumber), [204]),
    ],
    ['GET', /^\/failures$/, () => [200, control.failures()]],
    [
      'POST',
      /^\/failures$/,
      async (_, body) => [201, control.injectFailure(schemas.failure.parse(await body()))],
    ],
    ['DELETE', /^\/failures$/, () => (control.clearFailures(), [204])],
    [
      'POST',
      /^\/message-outcomes$/,
      async (_, body) => [201, control.setMessageOutcome(schemas.outcome.parse(await body()))],
    ],
    ['DELETE', /^\/message-outcomes$/, () => (control.clearMessageOutcomes(), [204])],
    ['GET', /^\/messages$/, () => [200, control.outbox()]],
    ['GET', /^\/rooms$/, () => [200, control.rooms()]],
    [
      'POST',
      /^\/rooms\/([^/]+)\/participants$/,
      async ([room = ''], body) => {
        const input = schemas.join.parse(await body());
        return [201, control.joinRoom(room, input.identity, input.tracks)];
      },
    ],
    [
      'POST',
      /^\/rooms\/([^/]+)\/participants\/([^/]+)\/disconnect$/,
      ([room = '', participant = '']) => (control.leaveRoom(room, participant), [204]),
    ],
    ['POST', /^\/rooms\/([^/]+)\/complete$/, ([room = '']) => (control.endRoom(room), [204])],
    [
      'POST',
      /^\/rooms\/([^/]+)\/events$/,
      async ([room = ''], body) => (control.fireRoomEvent(room, schemas.event.parse(await body())), [204]),
    ],
    ['GET', /^\/callbacks$/, () => [200, control.callbacks()]],
    ['GET', /^\/response-problems$/, () => [200, control.responseProblems()]],
    ['POST', /^\/idle$/, async () => (await control.idle(), [204])],
    ['GET', /^\/routes$/, () => [200, router.list()]],
  ];

  return async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname.slice('/__emulator'.length);
    const method = req.method ?? 'GET';
    const body = async (): Promise<unknown> => {
      const text = await readBody(req);
      return text.trim() === '' ? {} : (JSON.parse(text) as unknown);
    };
    for (const [routeMethod, pattern, handler] of routes) {
      const found = pattern.exec(path);
      if (routeMethod !== method || !found) continue;
      try {
        const params = found.slice(1).map((p) => decodeURIComponent(p));
        const [status, payload] = await handler(params, body);
        sendJson(res, status, payload);
      } catch (err) {
        sendControlError(res, err, log);
      }
      return;
    }
    sendJson(res, 404, { error: `no control endpoint ${method} /__emulator${path}` });
  };
}

function sendControlError(res: ServerResponse, err: unknown, log: Logger): void {
  if (err instanceof z.ZodError) {
    sendJson(res, 400, {
      error: 'invalid control request',
      issues: err.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`),
    });
  } else if (err instanceof SyntaxError) {
    sendJson(res, 400, { error: 'body must be JSON' });
  } else if (err instanceof ControlError) {
    sendJson(res, err.status, { error: err.message, code: err.twilioCode ?? null });
  } else {
    log.error('emulator.control_failed', { error: err instanceof Error ? err.name : typeof err });
    sendJson(res, 500, { error: 'control request failed' });
  }
}
