import {
  CACHE_ITEMS_KEPT_ON_OVERFLOW,
  CACHE_KEY_MAX_CHARS,
  CACHE_KEY_TOO_LARGE_TEXT,
  CACHE_MAX_ITEMS,
  CACHE_MAX_TTL_SECONDS,
  CACHE_TTL_INVALID_TEXT,
  CACHE_VALUE_MAX_BYTES,
  CACHE_VALUE_TOO_LARGE_TEXT,
  utf8Bytes,
} from './limits';
import { ServiceError } from './service-error';

interface Entry {
  readonly value: string;
  readonly expiresAt: number;
}

/** One Apps Script cache: entries expire by the host clock, sizes are limited, overflow evicts. */
export class CacheStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number) {}

  getAll(keys: readonly string[]): Record<string, string> {
    keys.forEach(checkKey);
    const found: Record<string, string> = {};
    for (const key of keys) {
      const entry = this.live(key);
      if (entry) found[key] = entry.value;
    }
    return found;
  }

  putAll(values: Readonly<Record<string, string>>, ttlSeconds: number): void {
    checkTtl(ttlSeconds);
    for (const [key, value] of Object.entries(values)) {
      checkKey(key);
      if (utf8Bytes(value) > CACHE_VALUE_MAX_BYTES) throw new ServiceError(CACHE_VALUE_TOO_LARGE_TEXT);
    }
    const expiresAt = this.now() + Math.floor(ttlSeconds) * 1000;
    for (const [key, value] of Object.entries(values)) {
      this.entries.delete(key);
      this.entries.set(key, { value, expiresAt });
    }
    this.evictOnOverflow();
  }

  removeAll(keys: readonly string[]): void {
    keys.forEach(checkKey);
    for (const key of keys) this.entries.delete(key);
  }

  /** Live entries, for tests and the playground. */
  snapshot(): Record<string, string> {
    const result: Record<string, string> = {};
    for (const key of [...this.entries.keys()]) {
      const entry = this.live(key);
      if (entry) result[key] = entry.value;
    }
    return result;
  }

  clear(): void {
    this.entries.clear();
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private evictOnOverflow(): void {
    for (const key of [...this.entries.keys()]) this.live(key);
    if (this.entries.size <= CACHE_MAX_ITEMS) return;
    const byExpiry = [...this.entries.entries()].sort((a, b) => b[1].expiresAt - a[1].expiresAt);
    for (const [key] of byExpiry.slice(CACHE_ITEMS_KEPT_ON_OVERFLOW)) this.entries.delete(key);
  }
}

function checkKey(key: string): void {
  if (key.length > CACHE_KEY_MAX_CHARS) throw new ServiceError(CACHE_KEY_TOO_LARGE_TEXT);
}

function checkTtl(ttlSeconds: number): void {
  if (!Number.isFinite(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > CACHE_MAX_TTL_SECONDS)
    throw new ServiceError(CACHE_TTL_INVALID_TEXT);
}
