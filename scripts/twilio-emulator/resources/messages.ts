// api.twilio.com 2010-04-01 Messages: create, fetch, list, update (cancel a
// scheduled message, redact a body), delete. Applies the sending rules the
// portal meets in practice: E.164 numbers, WhatsApp channel pairs, templates,
// the Trial account's verified-numbers rule, scheduling windows.
import type { EmulatorContext } from '../context';
import { channelOf, isE164, newSid, rfc2822, smsSegments, withoutChannel } from '../formats';
import { cancelScheduled, pickOutcome, scheduleSend, startDelivery } from '../message-lifecycle';
import { finalMessageStatuses, type MessageRecord } from '../state';
import { apiErrors, TwilioApiError } from '../twilio-api-error';
import { accountPath, accountResource, addAccountList, addItemRoutes } from './resource';
import type { RegisterResource } from './resource';

const trialPrefix = 'Sent from your Twilio trial account - ';
const minute = 60_000;
const scheduleWindow = { minMs: 15 * minute, maxMs: 35 * 24 * 60 * minute };

const rejected = (code: number, message: string): TwilioApiError => new TwilioApiError(400, code, message);

export function messageJson(ctx: EmulatorContext, m: MessageRecord): Record<string, unknown> {
  const uri = `${accountPath(ctx)}/Messages/${m.sid}`;
  return {
    account_sid: ctx.state.account.sid,
    api_version: '2010-04-01',
    body: m.body,
    date_created: rfc2822(m.dateCreated),
    date_sent: m.dateSent ? rfc2822(m.dateSent) : null,
    date_updated: rfc2822(m.dateUpdated),
    direction: 'outbound-api',
    error_code: m.errorCode,
    error_message: m.errorMessage,
    from: m.from,
    messaging_service_sid: m.messagingServiceSid,
    num_media: String(m.numMedia),
    num_segments: String(m.numSegments),
    price: null,
    price_unit: 'USD',
    sid: m.sid,
    status: m.status,
    subresource_uris: { media: `${uri}/Media.json`, feedback: `${uri}/Feedback.json` },
    to: m.to,
    uri: `${uri}.json`,
  };
}

function findMessage(ctx: EmulatorContext, sid: string, path: string): MessageRecord {
  const message = ctx.state.messages.get(sid);
  if (!message) throw apiErrors.notFound(path);
  return message;
}

/** Checks a new message against Twilio's sending rules; throws the error Twilio would answer with. */
function checkSendable(ctx: EmulatorContext, form: URLSearchParams): void {
  const to = form.get('To') ?? '';
  const from = form.get('From');
  if (from === null && !form.has('MessagingServiceSid')) {
    throw rejected(21603, "A 'From' phone number is required.");
  }
  if (!isE164(to)) throw rejected(21211, `The 'To' number ${to} is not a valid phone number.`);
  if (from !== null) {
    const alphanumericSender = /^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/.test(from);
    if (!alphanumericSender && !isE164(from))
      throw rejected(21212, `Invalid From Number (caller ID): ${from}`);
    if (channelOf(from) !== channelOf(to)) {
      throw rejected(21910, 'Invalid From and To pair. From and To should be of the same channel');
    }
    // Ownership is only checked when the emulator was told which senders the account owns.
    const whatsappSenders = ctx.state.whatsappSenders;
    if (
      channelOf(from) === 'whatsapp' &&
      whatsappSenders.size > 0 &&
      !whatsappSenders.has(withoutChannel(from))
    ) {
      throw rejected(63007, 'Twilio could not find a Channel with the specified From address');
    }
    const owned = ctx.state.phoneNumbers;
    if (
      channelOf(from) === null &&
      !alphanumericSender &&
      owned.size > 0 &&
      !owned.get(from)?.capabilities.sms
    ) {
      throw rejected(
        21606,
        `The From phone number ${from} is not a valid, SMS-capable inbound phone number or short code for your account.`,
      );
    }
    if (withoutChannel(from) === withoutChannel(to))
      throw rejected(21266, "'To' and 'From' number cannot be the same");
  }
  const body = form.get('Body') ?? '';
  if (body === '' && !form.has('MediaUrl') && !form.has('ContentSid'))
    throw rejected(21602, 'Message body is required.');
  if (body.length > 1600)
    throw rejected(21617, 'The concatenated message body exceeds the 1600 character limit.');
  const variables = form.get('ContentVariables');
  if (variables !== null && !validContentVariables(variables)) {
    throw rejected(21656, 'The ContentVariables Parameter is invalid.');
  }
  if (ctx.state.account.type === 'Trial' && !ctx.state.callerIds.has(withoutChannel(to))) {
    const number = withoutChannel(to);
    throw rejected(
      21608,
      `The number ${number} is unverified. Trial accounts cannot send messages to unverified numbers; ` +
        `verify ${number} at twilio.com/user/account/phone-numbers/verified, or purchase a Twilio number to send messages to unverified numbers`,
    );
  }
}

/** ContentVariables is a JSON object of template placeholders to string values. */
function validContentVariables(raw: string): boolean {
  try {
    const parsed: unknown = JSON.parse(raw);
    return (
      typeof parsed === 'object' &&
      parsed !== null &&
      !Array.isArray(parsed) &&
      Object.values(parsed).every((v) => typeof v === 'string')
    );
  } catch {
    return false;
  }
}

/** SendAt for a ScheduleType=fixed message, or null when the message goes now. */
function scheduledSendAt(form: URLSearchParams): Date | null {
  if (form.get('ScheduleType') !== 'fixed') return null;
  if (!form.has('MessagingServiceSid'))
    throw rejected(35118, 'MessagingServiceSid is required to schedule a message.');
  const sendAt = new Date(form.get('SendAt') ?? '');
  const ahead = sendAt.getTime() - Date.now();
  if (Number.isNaN(ahead) || ahead < scheduleWindow.minMs || ahead > scheduleWindow.maxMs) {
    throw rejected(35114, 'Scheduling does not support this timestamp.');
  }
  return sendAt;
}

function createMessage(ctx: EmulatorContext, form: URLSearchParams): MessageRecord {
  checkSendable(ctx, form);
  const sendAt = scheduledSendAt(form);
  const to = form.get('To') ?? '';
  const whatsapp = channelOf(to) === 'whatsapp';
  const mediaCount = form.getAll('MediaUrl').length;
  let body = form.get('Body') ?? '';
  // Twilio prefixes SMS from a Trial account; WhatsApp (the sandbox) is sent as is.
  if (ctx.state.account.type === 'Trial' && !whatsapp && body !== '') body = trialPrefix + body;
  const contentSid = form.get('ContentSid');
  let outcome = pickOutcome(ctx, to);
  // Free-form WhatsApp text is only delivered inside a 24-hour session; outside it, a template is required.
  if (whatsapp && contentSid === null && !ctx.state.whatsappSessions.has(withoutChannel(to))) {
    outcome = { status: 'failed', errorCode: 63016 };
  }
  const now = new Date();
  const from = form.get('From');
  const message: MessageRecord = {
    sid: newSid(mediaCount > 0 ? 'MM' : 'SM'),
    from,
    to,
    body,
    status: sendAt ? 'scheduled' : from === null ? 'accepted' : 'queued',
    numSegments: smsSegments(body),
    numMedia: mediaCount,
    messagingServiceSid: form.get('MessagingServiceSid'),
    statusCallback: form.get('StatusCallback'),
    contentSid,
    contentVariables: form.get('ContentVariables'),
    sendAt,
    errorCode: null,
    errorMessage: null,
    dateCreated: now,
    dateUpdated: now,
    dateSent: null,
    outcome,
  };
  ctx.state.messages.set(message.sid, message);
  if (sendAt) scheduleSend(ctx, message, sendAt);
  else startDelivery(ctx, message);
  ctx.log.info('emulator.message_accepted', {
    sid: message.sid,
    status: message.status,
    channel: whatsapp ? 'whatsapp' : 'sms',
    template: contentSid !== null,
    segments: message.numSegments,
  });
  return message;
}

function updateMessage(ctx: EmulatorContext, message: MessageRecord, form: URLSearchParams): void {
  if (form.get('Status') === 'canceled') {
    if (message.status !== 'scheduled') throw rejected(30409, 'This message cannot be canceled');
    cancelScheduled(ctx, message);
  }
  const body = form.get('Body');
  if (body !== null) {
    if (body !== '')
      throw apiErrors.invalidParameter('Body can only be updated to an empty string, to redact it');
    if (!finalMessageStatuses.includes(message.status)) {
      throw apiErrors.invalidParameter('A message can only be redacted once it has reached a final status');
    }
    message.body = '';
    message.dateUpdated = new Date();
  }
}

/** Twilio's DateSent filters: an exact day, or on-or-before / on-or-after it. */
function sentOn(message: MessageRecord, query: URLSearchParams): boolean {
  const day = message.dateSent?.toISOString().slice(0, 10);
  const exact = query.get('DateSent');
  const before = query.get('DateSent<');
  const after = query.get('DateSent>');
  if (exact === null && before === null && after === null) return true;
  if (day === undefined) return false;
  return (
    (exact === null || day === exact.slice(0, 10)) &&
    (before === null || day <= before.slice(0, 10)) &&
    (after === null || day >= after.slice(0, 10))
  );
}

export const registerMessages: RegisterResource = (router, ctx) => {
  const { listPath, item } = accountResource('Messages', (sid, { path }) => findMessage(ctx, sid, path));
  const toJson = (m: MessageRecord) => messageJson(ctx, m);

  // POST …/Messages.json – send (or schedule) a message
  router.add({
    product: 'api',
    method: 'post',
    path: listPath,
    paramCodes: {
      missing: { To: { code: 21604, message: "A 'To' phone number is required." } },
      invalid: { StatusCallback: { code: 21609, message: 'Invalid StatusCallback url' } },
    },
    handle: ({ form }) => ({ status: 201, body: messageJson(ctx, createMessage(ctx, form)) }),
  });

  // GET …/Messages.json – messages, newest first, filtered by To, From, DateSent
  addAccountList(router, ctx, 'Messages', { key: 'messages', toJson }, ({ query }) => {
    const to = query.get('To');
    const from = query.get('From');
    return [...ctx.state.messages.values()]
      .filter((m) => (to === null || m.to === to) && (from === null || m.from === from) && sentOn(m, query))
      .reverse();
  });

  // …/Messages/{Sid}.json – GET one message and its current status; POST cancels a scheduled message
  // (Status=canceled) or redacts its body (Body=''); DELETE removes it once its delivery is over
  addItemRoutes(router, item, toJson, {
    update: (message, { form }) => updateMessage(ctx, message, form),
    remove: (message) => {
      if (!finalMessageStatuses.includes(message.status)) {
        throw rejected(20009, 'Cannot delete message because delivery has not been completed.');
      }
      ctx.state.messages.delete(message.sid);
    },
  });
};
