import type { ThrottleStatus } from '../errors';

/** Jobber's documented bucket (jobber-api.md §5.2), used until a response reports the real one. */
export const DEFAULT_MAXIMUM_AVAILABLE = 10_000;
export const DEFAULT_RESTORE_RATE = 500;

/**
 * Predicts Jobber's cost bucket from the last throttleStatus it reported, so a request waits
 * before it would be THROTTLED instead of after. The bucket refills at restoreRate points per
 * second up to maximumAvailable; other executions may drain it too, which THROTTLED still covers.
 */
export class CostPacer {
  private last: { readonly status: ThrottleStatus; readonly atMs: number } | undefined;

  /** Record what Jobber reported, as of when its answer arrived. */
  observe(status: ThrottleStatus, atMs: number): void {
    this.last = { status, atMs };
  }

  maximumAvailable(): number {
    return this.last ? this.last.status.maximumAvailable : DEFAULT_MAXIMUM_AVAILABLE;
  }

  /** Points restored per second. */
  restoreRate(): number {
    return this.last ? this.last.status.restoreRate : DEFAULT_RESTORE_RATE;
  }

  /** currentlyAvailable + elapsed × restoreRate, capped at the maximum; undefined before any report. */
  predictedAvailable(atMs: number): number | undefined {
    if (!this.last) return undefined;
    const { status, atMs: observedAt } = this.last;
    const restored = (Math.max(0, atMs - observedAt) * status.restoreRate) / 1000;
    return Math.min(status.maximumAvailable, status.currentlyAvailable + restored);
  }

  /** Milliseconds to wait at `atMs` before sending a query of `cost`; 0 when it fits (or nothing is known). */
  waitBeforeMs(cost: number, atMs: number): number {
    const available = this.predictedAvailable(atMs);
    if (available === undefined || !this.last || cost <= available) return 0;
    return Math.ceil(((cost - available) * 1000) / this.last.status.restoreRate);
  }
}
