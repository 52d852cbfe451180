import { afterEach, describe, expect, it } from 'vitest';

import { resetMetricsForTests } from '@/lib/ops/metrics';
import { tokenMatches } from '@/lib/ops/metrics-route';
import { renderPrometheus } from '@/lib/ops/prometheus';
import {
  beginShutdown,
  isStopping,
  openStreamCount,
  registerStream,
  resetShutdownForTests,
} from '@/lib/ops/shutdown';
import { waitingListStream } from '@/lib/video/events/waiting-list-stream';

import { parsePrometheus } from '../helpers/prometheus-parse';

afterEach(() => {
  resetShutdownForTests();
  resetMetricsForTests();
});

async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, text: string) {
  let seen = '';
  const decoder = new TextDecoder();
  while (!seen.includes(text)) {
    const { value, done } = await reader.read();
    if (done) break;
    seen += decoder.decode(value, { stream: true });
  }
  return seen;
}

describe('shutdown registry', () => {
  it('closes every open stream once when the instance begins to stop, and reports stopping', () => {
    const closed: string[] = [];
    registerStream(() => closed.push('a'));
    const unregister = registerStream(() => closed.push('b'));
    registerStream(() => closed.push('c'));
    unregister();
    expect(openStreamCount()).toBe(2);
    expect(isStopping()).toBe(false);
    expect(beginShutdown()).toBe(2);
    expect(closed.sort()).toEqual(['a', 'c']);
    expect(isStopping()).toBe(true);
    expect(openStreamCount()).toBe(0);
  });

  it('ends a stream opened while the instance is stopping straight away', async () => {
    beginShutdown();
    let closed = false;
    registerStream(() => (closed = true));
    await Promise.resolve();
    expect(closed).toBe(true);
  });

  it("tells the waiting list's event stream to reconnect elsewhere, then ends it", async () => {
    const controller = new AbortController();
    const response = waitingListStream(controller.signal, async () => ({ items: [] }) as never);
    const reader = response.body!.getReader();
    await readUntil(reader, 'event: state');
    expect(openStreamCount()).toBe(1);
    beginShutdown();
    const rest = await readUntil(reader, '\u0000never');
    expect(rest).toContain('retry: 1000\nevent: reconnect\n');
    expect((await reader.read()).done).toBe(true);
    expect(openStreamCount()).toBe(0);
  });
});

describe('metrics', () => {
  it('renders counters as Prometheus text a scraper accepts: # TYPE before samples, labels escaped', () => {
    const text = renderPrometheus([
      {
        name: 'x_requests_total',
        help: 'Requests.',
        type: 'counter',
        samples: [
          { labels: { route: 'a"b\\c\nd', status: '200' }, value: 2 },
          { labels: {}, value: 1 },
        ],
      },
      { name: 'x_open', help: 'Open.', type: 'gauge', samples: [{ value: 0.5 }] },
    ]);
    const parsed = parsePrometheus(text);
    expect(parsed.types.get('x_requests_total')).toBe('counter');
    expect(parsed.samples[0]).toEqual({
      name: 'x_requests_total',
      labels: { route: 'a"b\\c\nd', status: '200' },
      value: 2,
    });
    expect(parsed.samples[2]).toEqual({ name: 'x_open', labels: {}, value: 0.5 });
  });

  it('the parser refuses a sample without a # TYPE line and a value that is not a number', () => {
    expect(() => parsePrometheus('x 1\n')).toThrow(/before its # TYPE/);
    expect(() => parsePrometheus('# TYPE x gauge\nx one\n')).toThrow(/bad value/);
  });

  it('compares the metrics token exactly, whatever the lengths', () => {
    expect(tokenMatches('s'.repeat(32), 's'.repeat(32))).toBe(true);
    expect(tokenMatches('s'.repeat(31), 's'.repeat(32))).toBe(false);
    expect(tokenMatches('', 's'.repeat(32))).toBe(false);
  });
});
