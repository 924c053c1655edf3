/**
 * Mutual exclusion across concurrent executions, as LockService gives it. A lock is owned by one
 * Lock object of one execution; waiters are served first come, first served; a waiter gives up when
 * its timeout passes on the host's clock: the wall clock, or the virtual one (which the TimeKeeper
 * moves to the earliest timeout once every execution waits). An execution's locks are released
 * when it ends.
 */

interface Holder {
  readonly owner: string;
  readonly executionId: number;
}

interface Waiter extends Holder {
  readonly resolve: (acquired: boolean) => void;
  /** Real clock only: the timeout. A virtual clock's timeouts are checked when it moves. */
  readonly timer: NodeJS.Timeout | null;
  readonly deadline: number;
}

export interface LockClock {
  readonly virtual: boolean;
  now(): number;
}

export class LockManager {
  private readonly holders = new Map<string, Holder>();
  private readonly queues = new Map<string, Waiter[]>();

  constructor(private readonly clock: LockClock) {}

  /** `onQueued` hears the moment the wait gives up (on the host's clock) when the lock is not free. */
  acquire(
    key: string,
    holder: Holder,
    timeoutMs: number,
    onQueued?: (deadline: number) => void,
  ): Promise<boolean> {
    const current = this.holders.get(key);
    if (current?.owner === holder.owner) return Promise.resolve(true);
    if (!current && this.queue(key).length === 0) {
      this.holders.set(key, holder);
      return Promise.resolve(true);
    }
    if (timeoutMs <= 0) return Promise.resolve(false);
    return new Promise((resolve) => {
      const deadline = this.clock.now() + timeoutMs;
      const timer = this.clock.virtual ? null : setTimeout(() => this.giveUp(key, holder.owner), timeoutMs);
      this.queue(key).push({ ...holder, resolve, timer, deadline });
      onQueued?.(deadline);
    });
  }

  release(key: string, owner: string): void {
    if (this.holders.get(key)?.owner !== owner) return;
    this.holders.delete(key);
    this.grantNext(key);
  }

  /** Called when an execution ends, however it ends. */
  releaseExecution(executionId: number): void {
    for (const [key, waiters] of this.queues) {
      for (const waiter of waiters.filter((w) => w.executionId === executionId))
        this.giveUp(key, waiter.owner);
    }
    for (const [key, holder] of [...this.holders]) {
      if (holder.executionId === executionId) this.release(key, holder.owner);
    }
  }

  /** Virtual time moved: waiters whose deadline passed give up. */
  onClockAdvance(): void {
    if (!this.clock.virtual) return;
    const now = this.clock.now();
    for (const [key, waiters] of this.queues) {
      for (const waiter of [...waiters]) {
        if (waiter.deadline <= now) this.giveUp(key, waiter.owner);
      }
    }
  }

  isHeld(key: string): boolean {
    return this.holders.has(key);
  }

  waiting(key: string): number {
    return this.queue(key).length;
  }

  private queue(key: string): Waiter[] {
    let waiters = this.queues.get(key);
    if (!waiters) {
      waiters = [];
      this.queues.set(key, waiters);
    }
    return waiters;
  }

  private giveUp(key: string, owner: string): void {
    const waiters = this.queue(key);
    const index = waiters.findIndex((w) => w.owner === owner);
    if (index < 0) return;
    const [waiter] = waiters.splice(index, 1);
    if (!waiter) return;
    if (waiter.timer) clearTimeout(waiter.timer);
    waiter.resolve(false);
    if (!this.holders.has(key)) this.grantNext(key);
  }

  private grantNext(key: string): void {
    const next = this.queue(key).shift();
    if (!next) return;
    if (next.timer) clearTimeout(next.timer);
    this.holders.set(key, { owner: next.owner, executionId: next.executionId });
    next.resolve(true);
  }
}
