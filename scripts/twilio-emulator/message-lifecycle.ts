// How an accepted message moves on: queued → sent → delivered, or to
// undelivered/failed with an error code, one step every messageStepMs; a
// scheduled message waits for its SendAt. Each change that Twilio reports is
// POSTed to the message's StatusCallback with Twilio's form fields.
import type { EmulatorContext } from './context';
import { channelOf, withoutChannel } from './formats';
import type { MessageOutcome, MessageRecord, MessageStatus } from './state';

// Statuses Twilio sends a status callback for (queued/accepted are the API response itself).
const reported: readonly MessageStatus[] = ['sent', 'delivered', 'undelivered', 'failed', 'read', 'canceled'];

// Short texts for error_message; Twilio's own are often null, these help when reading the outbox.
const deliveryErrorMessages: Record<number, string> = {
  30003: 'Unreachable destination handset',
  30004: 'Message blocked',
  30005: 'Unknown destination handset',
  30006: 'Landline or unreachable carrier',
  30007: 'Message filtered',
  30008: 'Unknown error',
  63003: 'Channel could not find To address',
  63016: 'Failed to send freeform message because you are outside the allowed window.',
};

/** The outcome for a new message to `to`: the first matching rule (consumed), else delivered. */
export function pickOutcome(ctx: EmulatorContext, to: string): MessageOutcome {
  const number = withoutChannel(to);
  const rules = ctx.state.outcomeRules;
  const index = rules.findIndex((rule) => rule.to === null || rule.to === number);
  const rule = rules[index];
  if (!rule) return { status: 'delivered', errorCode: null };
  if (rule.remaining !== 'always') {
    rule.remaining -= 1;
    if (rule.remaining <= 0) rules.splice(index, 1);
  }
  return { ...rule.outcome };
}

export function startDelivery(ctx: EmulatorContext, message: MessageRecord): void {
  const step = (fn: () => void): void => {
    message.cancelPending = ctx.scheduler.after(ctx.config.messageStepMs, fn);
  };
  const { outcome } = message;
  step(() => {
    if (message.status === 'accepted') {
      // A Messaging Service picks its sender when the message leaves the queue.
      message.from ??= firstSmsNumber(ctx);
    }
    if (outcome.status === 'failed') return finish(ctx, message, 'failed', outcome.errorCode);
    setStatus(ctx, message, 'sent');
    message.dateSent = new Date();
    step(() => {
      if (outcome.status === 'read') {
        setStatus(ctx, message, 'delivered');
        step(() => finish(ctx, message, 'read', null));
        return;
      }
      finish(ctx, message, outcome.status, outcome.status === 'delivered' ? null : outcome.errorCode);
    });
  });
}

/** A scheduled message sits in `scheduled` until its SendAt, then goes through delivery. */
export function scheduleSend(ctx: EmulatorContext, message: MessageRecord, sendAt: Date): void {
  message.cancelPending = ctx.scheduler.after(
    sendAt.getTime() - Date.now(),
    () => {
      setStatus(ctx, message, 'queued');
      startDelivery(ctx, message);
    },
    { background: true },
  );
}

export function cancelScheduled(ctx: EmulatorContext, message: MessageRecord): void {
  message.cancelPending?.();
  message.cancelPending = undefined;
  setStatus(ctx, message, 'canceled');
}

function finish(
  ctx: EmulatorContext,
  message: MessageRecord,
  status: MessageStatus,
  errorCode: number | null,
): void {
  message.cancelPending = undefined;
  message.errorCode = errorCode;
  message.errorMessage = errorCode === null ? null : (deliveryErrorMessages[errorCode] ?? null);
  setStatus(ctx, message, status);
}

function setStatus(ctx: EmulatorContext, message: MessageRecord, status: MessageStatus): void {
  message.status = status;
  message.dateUpdated = new Date();
  ctx.log.debug('emulator.message_status', { sid: message.sid, status, errorCode: message.errorCode });
  if (message.statusCallback && reported.includes(status)) {
    ctx.callbacks.send({
      kind: 'message-status',
      event: status,
      resourceSid: message.sid,
      url: message.statusCallback,
      method: 'POST',
      params: statusCallbackParams(ctx, message),
    });
  }
}

/** The form fields Twilio POSTs to a message's StatusCallback. */
export function statusCallbackParams(ctx: EmulatorContext, message: MessageRecord): Record<string, string> {
  const params: Record<string, string> = {
    AccountSid: ctx.state.account.sid,
    ApiVersion: '2010-04-01',
    From: message.from ?? '',
    MessageSid: message.sid,
    MessageStatus: message.status,
    SmsSid: message.sid,
    SmsStatus: message.status,
    To: message.to,
  };
  if (message.messagingServiceSid) params.MessagingServiceSid = message.messagingServiceSid;
  if (message.errorCode !== null) params.ErrorCode = String(message.errorCode);
  const channel = channelOf(message.to);
  if (channel) {
    params.ChannelPrefix = channel;
    params.ChannelToAddress = withoutChannel(message.to);
  }
  if (!channel && (message.status === 'delivered' || message.status === 'undelivered')) {
    params.RawDlrDoneDate = rawDlrDate(message.dateUpdated);
  }
  return params;
}

/** The carrier's delivery-receipt time, YYMMDDhhmm in UTC, as Twilio passes it through. */
function rawDlrDate(date: Date): string {
  const iso = date.toISOString();
  return iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10) + iso.slice(11, 13) + iso.slice(14, 16);
}

function firstSmsNumber(ctx: EmulatorContext): string | null {
  for (const n of ctx.state.phoneNumbers.values()) if (n.capabilities.sms) return n.phoneNumber;
  return null;
}
