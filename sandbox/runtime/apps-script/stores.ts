import type { CacheScope, LockScope, PropertyScope } from '../protocol';
import { callHost, exception, requireArgument, settings } from './bridge';

/** PropertiesService's Properties: every call reads or writes the host's shared store. */
class Properties {
  constructor(private readonly scope: PropertyScope) {}

  getProperty(key: unknown): string | null {
    requireArgument(key, 'key');
    return callHost({ op: 'properties.get', scope: this.scope, key: String(key) }) as string | null;
  }

  getProperties(): Record<string, string> {
    return {
      ...(callHost({ op: 'properties.get', scope: this.scope, key: null }) as Record<string, string>),
    };
  }

  getKeys(): string[] {
    return Object.keys(this.getProperties());
  }

  setProperty(key: unknown, value: unknown): Properties {
    requireArgument(key, 'key');
    return this.write({ [String(key)]: String(value) }, false);
  }

  setProperties(properties: unknown, deleteAllOthers?: unknown): Properties {
    if (typeof properties !== 'object' || properties === null)
      throw exception('Invalid argument: properties');
    const entries: Record<string, string> = {};
    for (const key of Object.keys(properties))
      entries[key] = String((properties as Record<string, unknown>)[key]);
    return this.write(entries, deleteAllOthers === true);
  }

  deleteProperty(key: unknown): Properties {
    requireArgument(key, 'key');
    callHost({ op: 'properties.delete', scope: this.scope, key: String(key) });
    return this;
  }

  deleteAllProperties(): Properties {
    callHost({ op: 'properties.delete', scope: this.scope, key: null });
    return this;
  }

  private write(entries: Record<string, string>, deleteOthers: boolean): Properties {
    callHost({ op: 'properties.set', scope: this.scope, entries, deleteOthers });
    return this;
  }
}

/** CacheService's Cache: values are strings; default expiry 600 s. */
class Cache {
  constructor(private readonly scope: CacheScope) {}

  get(key: unknown): string | null {
    requireArgument(key, 'key');
    return this.getAll([key])[String(key)] ?? null;
  }

  getAll(keys: unknown): Record<string, string> {
    if (!Array.isArray(keys)) throw exception('Invalid argument: keys');
    const found = callHost({ op: 'cache.get', scope: this.scope, keys: keys.map(String) });
    return { ...(found as Record<string, string>) };
  }

  put(key: unknown, value: unknown, expirationInSeconds?: unknown): void {
    requireArgument(key, 'key');
    requireArgument(value, 'value');
    this.putAll({ [String(key)]: value }, expirationInSeconds);
  }

  putAll(values: unknown, expirationInSeconds?: unknown): void {
    if (typeof values !== 'object' || values === null) throw exception('Invalid argument: values');
    const entries: Record<string, string> = {};
    for (const key of Object.keys(values)) entries[key] = String((values as Record<string, unknown>)[key]);
    const ttlSeconds = expirationInSeconds === undefined ? 600 : Number(expirationInSeconds);
    callHost({ op: 'cache.put', scope: this.scope, entries, ttlSeconds });
  }

  remove(key: unknown): void {
    requireArgument(key, 'key');
    this.removeAll([key]);
  }

  removeAll(keys: unknown): void {
    if (!Array.isArray(keys)) throw exception('Invalid argument: keys');
    callHost({ op: 'cache.remove', scope: this.scope, keys: keys.map(String) });
  }
}

let nextLockId = 1;

/** LockService's Lock. Ownership belongs to this object; waitLock throws on timeout, tryLock returns false. */
class Lock {
  private readonly id = nextLockId++;
  private held = false;

  constructor(private readonly scope: LockScope) {}

  tryLock(timeoutInMillis: unknown): boolean {
    return this.acquire(timeoutInMillis, false);
  }

  waitLock(timeoutInMillis: unknown): void {
    this.acquire(timeoutInMillis, true);
  }

  hasLock(): boolean {
    return this.held;
  }

  releaseLock(): void {
    callHost({ op: 'lock.release', scope: this.scope, lockId: this.id });
    this.held = false;
  }

  private acquire(timeoutInMillis: unknown, orThrow: boolean): boolean {
    requireArgument(timeoutInMillis, 'timeoutInMillis');
    const timeoutMs = Number(timeoutInMillis);
    if (!Number.isFinite(timeoutMs) || timeoutMs < 0) throw exception('Invalid argument: timeoutInMillis');
    this.held =
      callHost({ op: 'lock.acquire', scope: this.scope, lockId: this.id, timeoutMs, orThrow }) === true;
    return this.held;
  }
}

/** A standalone script (a Looker Studio connector is one) has no document: those getters return null. */
function documentScoped<T>(make: () => T): () => T | null {
  return () => (settings().boundToDocument ? make() : null);
}

export function createPropertiesService(): Record<string, unknown> {
  return {
    getScriptProperties: () => new Properties('script'),
    getUserProperties: () => new Properties('user'),
    getDocumentProperties: documentScoped(() => new Properties('document')),
  };
}

export function createCacheService(): Record<string, unknown> {
  return {
    getScriptCache: () => new Cache('script'),
    getUserCache: () => new Cache('user'),
    getDocumentCache: documentScoped(() => new Cache('document')),
  };
}

export function createLockService(): Record<string, unknown> {
  return {
    getScriptLock: () => new Lock('script'),
    getUserLock: () => new Lock('user'),
    getDocumentLock: documentScoped(() => new Lock('document')),
  };
}
