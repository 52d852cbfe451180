// Every delayed thing the emulator does (message status steps, scheduled sends,
// room timeouts, callback retries) goes through one Scheduler, so that reset()
// and stop() can cancel all of it and tests can await idle() instead of sleeping.
// Long waits that model Twilio's clock (a room's 5-minute empty timeout, a
// message scheduled for tomorrow) are "background": idle() does not wait for them.

// setTimeout cannot wait longer than 2^31-1 ms (~24.8 days); longer waits are chained.
const maxTimerMs = 2 ** 31 - 1;

export class Scheduler {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly foreground = new Set<NodeJS.Timeout>();
  private readonly tasks = new Set<Promise<unknown>>();
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly onError: (err: unknown) => void) {}

  /** Runs fn after delayMs; returns a function that cancels it. */
  after(delayMs: number, fn: () => void | Promise<void>, options: { background?: boolean } = {}): () => void {
    const due = Date.now() + Math.max(0, delayMs);
    let timer: NodeJS.Timeout;
    const arm = (): void => {
      const wait = Math.min(Math.max(0, due - Date.now()), maxTimerMs);
      timer = setTimeout(() => {
        this.forget(timer);
        if (Date.now() < due) return arm();
        this.track(Promise.resolve().then(fn).catch(this.onError));
        this.notifyIfIdle();
      }, wait);
      this.timers.add(timer);
      if (options.background) timer.unref();
      else this.foreground.add(timer);
    };
    arm();
    return () => {
      clearTimeout(timer);
      this.forget(timer);
      this.notifyIfIdle();
    };
  }

  /** Keeps a promise in the pending set until it settles (its rejection is the caller's to handle). */
  track<T>(promise: Promise<T>): Promise<T> {
    this.tasks.add(promise);
    const done = (): void => {
      this.tasks.delete(promise);
      this.notifyIfIdle();
    };
    promise.then(done, done);
    return promise;
  }

  /** Resolves once no foreground timer is armed and no tracked task is running. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Cancels every timer; running tasks finish on their own. */
  cancelAll(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.foreground.clear();
    this.notifyIfIdle();
  }

  private forget(timer: NodeJS.Timeout): void {
    this.timers.delete(timer);
    this.foreground.delete(timer);
  }

  private isIdle(): boolean {
    return this.foreground.size === 0 && this.tasks.size === 0;
  }

  private notifyIfIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
