/**
 * The library's storage (v43): values are JSON under `<prefix>.<key>` (the token under the bare
 * prefix, the "null" key). Reads go memory → cache → properties; a property hit is copied into the
 * cache for 6 hours; a miss leaves a "__NULL__" marker in memory and in the cache for 6 hours, which
 * later reads believe even if the property appears meanwhile.
 */

export const CACHE_TTL_SECONDS = 21_600;
export const NULL_MARKER = '__NULL__';

type PropertyStore = Pick<
  GoogleAppsScript.Properties.Properties,
  'getProperty' | 'setProperty' | 'deleteProperty' | 'getProperties'
>;
type CacheStore = Pick<GoogleAppsScript.Cache.Cache, 'get' | 'put' | 'remove'>;

export class OAuth2Storage {
  private readonly memory: Record<string, unknown> = {};

  constructor(
    private readonly prefix: string,
    private readonly properties?: PropertyStore,
    private readonly cache?: CacheStore,
  ) {}

  getValue(key: string | null, skipMemory?: boolean): unknown {
    const fullKey = this.keyFor(key);
    if (!skipMemory) {
      const remembered = this.memory[fullKey];
      if (remembered) return remembered === NULL_MARKER ? null : remembered;
    }
    const cached = this.cache ? this.cache.get(fullKey) : null;
    if (cached) {
      const value: unknown = JSON.parse(cached);
      this.memory[fullKey] = value;
      return value === NULL_MARKER ? null : value;
    }
    const stored = this.properties ? this.properties.getProperty(fullKey) : null;
    if (stored) {
      if (this.cache) this.cache.put(fullKey, stored, CACHE_TTL_SECONDS);
      const value: unknown = JSON.parse(stored);
      this.memory[fullKey] = value;
      return value;
    }
    this.memory[fullKey] = NULL_MARKER;
    if (this.cache) this.cache.put(fullKey, JSON.stringify(NULL_MARKER), CACHE_TTL_SECONDS);
    return null;
  }

  setValue(key: string | null, value: unknown): void {
    const fullKey = this.keyFor(key);
    const json = JSON.stringify(value);
    if (this.properties) this.properties.setProperty(fullKey, json);
    if (this.cache) this.cache.put(fullKey, json, CACHE_TTL_SECONDS);
    this.memory[fullKey] = value;
  }

  removeValue(key: string | null): void {
    this.remove(this.keyFor(key));
  }

  /** Removes the token and every custom value: those present in the properties (or, without them, in memory). */
  reset(): void {
    const prefix = this.keyFor(null);
    let keys = Object.keys(this.memory);
    if (this.properties) {
      keys = Object.keys(this.properties.getProperties()).filter(
        (key) => key === prefix || key.indexOf(prefix + '.') === 0,
      );
    }
    keys.forEach((key) => this.remove(key));
  }

  private remove(fullKey: string): void {
    if (this.properties) this.properties.deleteProperty(fullKey);
    if (this.cache) this.cache.remove(fullKey);
    delete this.memory[fullKey];
  }

  private keyFor(key: string | null): string {
    return key ? `${this.prefix}.${key}` : this.prefix;
  }
}
