// Delivers status callbacks the way Twilio does: form-encoded POST (or GET with
// a query string), signed with X-Twilio-Signature, an idempotency token that
// stays the same across retries. A failed delivery (network error, timeout,
// 429 or 5xx) is retried a few times with backoff and logged without its body.
import { randomUUID } from 'node:crypto';

import type { Logger } from './log';
import type { Scheduler } from './scheduler';
import { twilioSignature } from './signature';
import type { CallbackRecord, EmulatorState } from './state';

export interface CallbackRequest {
  kind: CallbackRecord['kind'];
  event: string;
  resourceSid: string;
  url: string;
  method: 'GET' | 'POST';
  params: Record<string, string>;
}

export interface CallbackOptions {
  attempts: number;
  timeoutMs: number;
  backoffMs: number;
}

export class CallbackSender {
  constructor(
    private readonly state: EmulatorState,
    private readonly scheduler: Scheduler,
    private readonly log: Logger,
    private readonly options: CallbackOptions,
  ) {}

  send(request: CallbackRequest): void {
    const record: CallbackRecord = {
      id: this.state.id(),
      kind: request.kind,
      event: request.event,
      resourceSid: request.resourceSid,
      url: request.url,
      method: request.method,
      idempotencyToken: `${request.resourceSid}-${randomUUID()}`,
      attempts: 0,
      result: 'pending',
      responseStatus: null,
    };
    this.state.callbacks.push(record);
    this.scheduler.track(this.attempt(request, record));
  }

  private async attempt(request: CallbackRequest, record: CallbackRecord): Promise<void> {
    record.attempts += 1;
    // Read the token now: the account's token is the key Twilio signs with at send time.
    const authToken = this.state.account.authToken;
    const { url, init } = buildRequest(request, authToken, record.idempotencyToken, this.options.timeoutMs);
    const fields = {
      kind: record.kind,
      event: record.event,
      sid: record.resourceSid,
      host: safeHost(request.url),
      attempt: record.attempts,
    };
    let retryable: boolean;
    try {
      const response = await fetch(url, init);
      await response.body?.cancel();
      record.responseStatus = response.status;
      if (response.ok) {
        record.result = 'delivered';
        this.log.info('emulator.callback_delivered', { ...fields, status: response.status });
        return;
      }
      retryable = response.status === 429 || response.status >= 500;
      this.log.warn('emulator.callback_rejected', { ...fields, status: response.status });
    } catch (err) {
      retryable = true;
      this.log.warn('emulator.callback_unreachable', { ...fields, error: errorName(err) });
    }
    if (!retryable || record.attempts >= this.options.attempts) {
      record.result = 'failed';
      this.log.error('emulator.callback_failed', { ...fields });
      return;
    }
    const delay = this.options.backoffMs * 2 ** (record.attempts - 1);
    this.scheduler.after(delay, () => this.attempt(request, record));
  }
}

function buildRequest(
  request: CallbackRequest,
  authToken: string,
  idempotencyToken: string,
  timeoutMs: number,
): { url: string; init: RequestInit } {
  const headers: Record<string, string> = {
    'User-Agent': 'TwilioProxy/1.1',
    'I-Twilio-Idempotency-Token': idempotencyToken,
  };
  const init: RequestInit = { method: request.method, headers, signal: AbortSignal.timeout(timeoutMs) };
  if (request.method === 'GET') {
    // A GET callback carries its parameters in the query; Twilio signs that full URL alone.
    const query = new URLSearchParams(request.params).toString();
    const url = query ? `${request.url}${request.url.includes('?') ? '&' : '?'}${query}` : request.url;
    headers['X-Twilio-Signature'] = twilioSignature(authToken, url);
    return { url, init };
  }
  headers['Content-Type'] = 'application/x-www-form-urlencoded';
  headers['X-Twilio-Signature'] = twilioSignature(authToken, request.url, request.params);
  init.body = new URLSearchParams(request.params).toString();
  return { url: request.url, init };
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'invalid-url';
  }
}

function errorName(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as { cause?: { code?: unknown } }).cause;
    return typeof cause?.code === 'string' ? cause.code : err.name;
  }
  return typeof err;
}
