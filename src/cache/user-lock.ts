import type { Lock } from '../platform';

/** Returned when the lock stayed busy for the whole wait: the caller degrades, never blocks. */
export const LOCK_BUSY = Symbol('lock busy');

/**
 * Runs `body` holding the user lock, released in `finally`. The OAuth2 library and token refresh
 * share this lock, so `body` must be short: reads and writes of small cache entries, never a fetch.
 * Re-entrant: when this execution already holds the lock, `body` runs and the lock stays held.
 */
export function withUserLock<T>(lock: Lock, waitMs: number, body: () => T): T | typeof LOCK_BUSY {
  if (lock.hasLock()) return body();
  if (!lock.tryLock(waitMs)) return LOCK_BUSY;
  try {
    return body();
  } finally {
    lock.releaseLock();
  }
}
