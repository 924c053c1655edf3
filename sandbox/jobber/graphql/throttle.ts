/**
 * Jobber's leaky bucket per app and account: 10,000 points, restored at 500 points per second.
 * A query is throttled when its requested cost exceeds what is available; after it runs, the
 * bucket is charged its actual cost.
 */
export const MAXIMUM_AVAILABLE = 10_000;
export const RESTORE_RATE = 500;

export interface ThrottleStatus {
  readonly maximumAvailable: number;
  readonly currentlyAvailable: number;
  readonly restoreRate: number;
}

interface Bucket {
  available: number;
  at: number;
}

export class ThrottleBuckets {
  private readonly buckets = new Map<string, Bucket>();

  status(key: string, now: number): ThrottleStatus {
    return {
      maximumAvailable: MAXIMUM_AVAILABLE,
      currentlyAvailable: Math.floor(this.refill(key, now).available),
      restoreRate: RESTORE_RATE,
    };
  }

  /** True when a query of this requested cost may run now. */
  allows(key: string, requested: number, now: number): boolean {
    return requested <= this.refill(key, now).available;
  }

  charge(key: string, cost: number, now: number): void {
    const bucket = this.refill(key, now);
    bucket.available = Math.max(0, bucket.available - cost);
  }

  /** Tests and the playground can drain or fill a bucket. */
  set(key: string, available: number, now: number): void {
    this.buckets.set(key, { available: Math.min(MAXIMUM_AVAILABLE, Math.max(0, available)), at: now });
  }

  clear(): void {
    this.buckets.clear();
  }

  private refill(key: string, now: number): Bucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { available: MAXIMUM_AVAILABLE, at: now };
      this.buckets.set(key, bucket);
    }
    if (now > bucket.at) {
      bucket.available = Math.min(
        MAXIMUM_AVAILABLE,
        bucket.available + ((now - bucket.at) / 1000) * RESTORE_RATE,
      );
      bucket.at = now;
    }
    return bucket;
  }
}

export const GUARD_LIMIT = 2_500;
export const GUARD_WINDOW_MS = 5 * 60_000;

/**
 * The request guard: at most 2,500 requests in any 5-minute window per app and account (a
 * sliding window, stricter than fixed periods). Rejected requests do not count.
 */
export class RequestGuard {
  private readonly windows = new Map<string, number[]>();

  constructor(private readonly limit = GUARD_LIMIT) {}

  /** Records the request and returns 0, or the seconds to wait when the guard rejects it. */
  admit(key: string, now: number): number {
    const recent = (this.windows.get(key) ?? []).filter((at) => at > now - GUARD_WINDOW_MS);
    this.windows.set(key, recent);
    if (recent.length >= this.limit) {
      const oldest = recent[0] ?? now;
      return Math.max(1, Math.ceil((oldest + GUARD_WINDOW_MS - now) / 1000));
    }
    recent.push(now);
    return 0;
  }

  clear(): void {
    this.windows.clear();
  }
}
