// The one client hook for the staff event streams: named events' JSON to their
// handlers, the EventSource closed (and its listeners removed) on unmount, and
// a new one opened after the server's retry hint when the browser gives up.
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { SERVER_RETRY_MS, useEventStream } from '@/components/hooks/use-event-stream';

import { CountingEventTarget } from './helpers/fake-twilio';

class FakeEventSource extends CountingEventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static opened: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  constructor(readonly url: string) {
    super();
    FakeEventSource.opened.push(this);
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
  send(event: string, data: unknown) {
    this.dispatchEvent(new MessageEvent(event, { data: JSON.stringify(data) }));
  }
  /** The browser stops reconnecting (an error answer): readyState CLOSED, then 'error'. */
  giveUp() {
    this.readyState = FakeEventSource.CLOSED;
    this.dispatchEvent(new Event('error'));
  }
}

const latest = () => FakeEventSource.opened.at(-1)!;

beforeEach(() => {
  FakeEventSource.opened = [];
  vi.stubGlobal('EventSource', FakeEventSource);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('useEventStream', () => {
  it('hands each named event’s JSON to its handler, the latest handler after a re-render', () => {
    const first = vi.fn();
    const second = vi.fn();
    const { rerender } = renderHook(({ onState }) => useEventStream('/events', { state: onState }), {
      initialProps: { onState: first },
    });
    act(() => latest().send('state', { waiting: 1 }));
    expect(first).toHaveBeenCalledWith({ waiting: 1 });
    rerender({ onState: second });
    act(() => latest().send('state', { waiting: 2 }));
    expect(second).toHaveBeenCalledWith({ waiting: 2 });
    expect(FakeEventSource.opened).toHaveLength(1);
  });

  it('closes the stream and removes every listener on unmount', () => {
    const { unmount } = renderHook(() => useEventStream('/events', { state: () => {} }));
    const source = latest();
    expect(source.listeners).toBeGreaterThan(0);
    unmount();
    expect(source.readyState).toBe(FakeEventSource.CLOSED);
    expect(source.listeners).toBe(0);
  });

  it('leaves a dropped connection to the browser’s own reconnect', () => {
    renderHook(() => useEventStream('/events', { state: () => {} }));
    act(() => {
      latest().dispatchEvent(new Event('error')); // readyState stays CONNECTING: the browser retries
    });
    expect(FakeEventSource.opened).toHaveLength(1);
  });

  it('opens a new stream after the server’s retry hint when the browser gives up, waiting longer each time', () => {
    vi.useFakeTimers();
    const onState = vi.fn();
    renderHook(() => useEventStream('/events', { state: onState }));
    act(() => latest().giveUp());
    act(() => vi.advanceTimersByTime(SERVER_RETRY_MS - 1));
    expect(FakeEventSource.opened).toHaveLength(1);
    act(() => vi.advanceTimersByTime(1));
    expect(FakeEventSource.opened).toHaveLength(2);
    expect(FakeEventSource.opened[0]!.listeners).toBe(0);
    act(() => latest().giveUp());
    act(() => vi.advanceTimersByTime(SERVER_RETRY_MS));
    expect(FakeEventSource.opened).toHaveLength(2);
    act(() => vi.advanceTimersByTime(SERVER_RETRY_MS));
    expect(FakeEventSource.opened).toHaveLength(3);
    act(() => latest().send('state', { ok: true }));
    expect(onState).toHaveBeenCalledWith({ ok: true });
  });

  it('does not reopen after unmount while waiting to retry', () => {
    vi.useFakeTimers();
    const { unmount } = renderHook(() => useEventStream('/events', { state: () => {} }));
    act(() => latest().giveUp());
    unmount();
    act(() => vi.advanceTimersByTime(SERVER_RETRY_MS * 10));
    expect(FakeEventSource.opened).toHaveLength(1);
  });
});
