/**
 * The physical limits the figures are compared with: Jobber's cost bucket (10,000 points, refilled
 * at 500 points per second, jobber-api.md §5.2) and its page size (100 nodes, §6).
 */
export const BUCKET_POINTS = 10_000;
export const RESTORE_PER_SECOND = 500;
export const MAX_PAGE_SIZE = 100;

/** No reader gets N records in fewer requests. */
export function requestBound(records: number): number {
  return Math.ceil(records / MAX_PAGE_SIZE);
}

/** No reader spends `cost` points sooner: the bucket starts full and refills at 500 points/s. */
export function timeBoundSeconds(cost: number): number {
  return Math.max(0, cost - BUCKET_POINTS) / RESTORE_PER_SECOND;
}

/** The most records of `costPerNode` points any reader can fetch in `seconds`. */
export function recordsBound(seconds: number, costPerNode: number): number {
  return Math.floor((seconds * RESTORE_PER_SECOND + BUCKET_POINTS) / costPerNode);
}

/** a / b, or null when b is 0 (a ratio to a zero bound says nothing). */
export function ratio(a: number, b: number): number | null {
  return b > 0 ? a / b : null;
}
