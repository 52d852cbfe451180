// Room callbacks share attendance refreshes in batches. What must hold: callers
// arriving together share one refresh; a caller arriving while a refresh runs
// waits for a later one (the running one may have read the events before its
// own); every caller hears of a failed refresh. The database side is replaced
// by a recorder here; tests/integration/video-status-callback.test.ts runs the
// real thing with callbacks arriving at once.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const refreshes = vi.hoisted(() => ({
  calls: [] as string[][],
  gate: null as Promise<void> | null,
  fail: false,
}));

vi.mock('@/lib/video/attendance/refresh-attendance', () => ({
  refreshAttendanceOf: async (ids: string[]) => {
    refreshes.calls.push([...ids].sort());
    if (refreshes.gate) await refreshes.gate;
    if (refreshes.fail) throw new Error('database went away');
    return new Map();
  },
}));

const { refreshAttendanceSoon } = await import('@/lib/video/attendance/refresh-attendance-soon');

beforeEach(() => {
  refreshes.calls = [];
  refreshes.gate = null;
  refreshes.fail = false;
});

describe('refreshAttendanceSoon', () => {
  it('refreshes sessions whose callbacks arrive together in one batch, each session once', async () => {
    await Promise.all([
      refreshAttendanceSoon('s1'),
      refreshAttendanceSoon('s2'),
      refreshAttendanceSoon('s1'),
      refreshAttendanceSoon('s3'),
    ]);
    expect(refreshes.calls).toEqual([['s1', 's2', 's3']]);
  });

  it('makes a caller that arrives during a refresh wait for the next one, which starts after it', async () => {
    let release!: () => void;
    refreshes.gate = new Promise((resolve) => (release = resolve));
    const first = refreshAttendanceSoon('s1');
    await vi.waitFor(() => expect(refreshes.calls).toHaveLength(1));

    let secondDone = false;
    const second = refreshAttendanceSoon('s1').then(() => (secondDone = true));
    const third = refreshAttendanceSoon('s2');
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The running refresh may have read s1's events before the second caller stored its own.
    expect(secondDone).toBe(false);
    expect(refreshes.calls).toHaveLength(1);

    refreshes.gate = null;
    release();
    await Promise.all([first, second, third]);
    expect(refreshes.calls).toEqual([['s1'], ['s1', 's2']]);
  });

  it('tells every caller of a batch that its refresh failed, and the next batch runs anyway', async () => {
    refreshes.fail = true;
    const results = await Promise.allSettled([refreshAttendanceSoon('s1'), refreshAttendanceSoon('s2')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    refreshes.fail = false;
    await expect(refreshAttendanceSoon('s1')).resolves.toBeUndefined();
    expect(refreshes.calls).toEqual([['s1', 's2'], ['s1']]);
  });
});
