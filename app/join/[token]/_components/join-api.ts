// The join page's calls to the portal. The link token always travels in the
// Authorization header (never in a URL the page builds, nor a Referer).
import type { QuickReply } from '@/lib/db/generated/enums';
import type { JoinPageFacts } from '@/lib/video/links/get-join-page';
import type { JoinState } from '@/lib/video/links/get-join-state';

export type { JoinState };

export class JoinApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly reason: string | null,
    /** Sent with a dead link's answer: the number to call instead. */
    readonly clinicPhone: string | null = null,
  ) {
    super(message);
    this.name = 'JoinApiError';
  }
}

type ErrorBody = { message?: string; reason?: string; clinicPhone?: string | null };

async function call<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
      cache: 'no-store',
    });
  } catch {
    throw new JoinApiError(
      'We couldn’t reach the clinic’s system. Check that you are online and try again.',
      0,
      null,
    );
  }
  const json = (await response.json().catch(() => null)) as (T & { error?: ErrorBody }) | null;
  if (!response.ok) {
    throw new JoinApiError(
      json?.error?.message ?? 'Something went wrong. Please try again.',
      response.status,
      json?.error?.reason ?? null,
      json?.error?.clinicPhone ?? null,
    );
  }
  return json as T;
}

export const joinApi = {
  state: (token: string) => call<JoinState>(token, 'GET', '/api/video/join'),
  page: (token: string) => call<JoinPageFacts>(token, 'GET', '/api/video/join/page'),
  consent: (token: string, location: 'IN_AUSTRALIA' | 'OUTSIDE_AUSTRALIA') =>
    call<{ consentRecordedAt: string }>(token, 'POST', '/api/video/join/consent', {
      consentToTelehealth: true,
      location,
    }),
  quickReply: (token: string, reply: QuickReply) =>
    call<{ id: string; reply: QuickReply; at: string }>(token, 'POST', '/api/video/join/quick-reply', {
      reply,
    }),
  enterWaitingRoom: (token: string) =>
    call<{ status: string; since: string }>(token, 'POST', '/api/video/join/waiting-room', {}),
  videoToken: (token: string, appointmentId: string) =>
    call<{
      token: string;
      identity: string;
      role: string;
      roomSid: string;
      expiresAt: string;
      rejoinKey?: string;
    }>(token, 'POST', `/api/appointments/${encodeURIComponent(appointmentId)}/video-token`, {}),
  preflightToken: (token: string) =>
    call<{ token: string }>(token, 'POST', '/api/video/join/preflight-token', {}).then((r) => r.token),
  /** Leaving the waiting room as the page closes: keepalive lets it finish after unload. */
  leaveWaitingRoom: (token: string) =>
    void fetch('/api/video/join/waiting-room', {
      method: 'DELETE',
      keepalive: true,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{}',
    }).catch(() => {}),
};

/**
 * Reads GET /api/video/join/events (server-sent events over fetch, so the
 * token stays in a header) and calls onState with each state. Reconnects after
 * a dropped connection; stops for good on a 4xx or when aborted.
 */
export function followJoinEvents(
  token: string,
  onState: (state: JoinState) => void,
  onGone: (error: JoinApiError) => void,
): () => void {
  const controller = new AbortController();
  let retryMs = 1000;
  const run = async () => {
    while (!controller.signal.aborted) {
      try {
        const response = await fetch('/api/video/join/events', {
          headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
          cache: 'no-store',
          signal: controller.signal,
        });
        if (response.status === 429) {
          // Paused, not gone: the appointment is still on. Wait as long as the server asks
          // (a reconnecting phone must not hammer the route), then follow again.
          const seconds = Number(response.headers.get('retry-after'));
          await response.body?.cancel().catch(() => {});
          await waitOrAbort(
            Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : retryMs,
            controller.signal,
          );
          continue;
        }
        if (response.status >= 400 && response.status < 500) {
          const json = (await response.json().catch(() => null)) as { error?: ErrorBody } | null;
          onGone(
            new JoinApiError(
              json?.error?.message ?? 'This link no longer works.',
              response.status,
              json?.error?.reason ?? null,
              json?.error?.clinicPhone ?? null,
            ),
          );
          return;
        }
        if (!response.ok || !response.body) throw new Error(`events ${response.status}`);
        retryMs = 1000;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = block
              .split('\n')
              .filter((l) => l.startsWith('data: '))
              .map((l) => l.slice(6))
              .join('\n');
            if (event === 'state' && data) onState(JSON.parse(data) as JoinState);
            if (event === 'error' && data) {
              const err = JSON.parse(data) as {
                code?: string;
                message?: string;
                clinicPhone?: string | null;
              };
              onGone(
                new JoinApiError(
                  err.message ?? 'This link no longer works.',
                  410,
                  err.code ?? null,
                  err.clinicPhone ?? null,
                ),
              );
              return;
            }
          }
        }
      } catch {
        if (controller.signal.aborted) return;
      }
      await waitOrAbort(retryMs, controller.signal);
      retryMs = Math.min(retryMs * 2, 15_000);
    }
  };
  void run();
  return () => controller.abort();
}

function waitOrAbort(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
