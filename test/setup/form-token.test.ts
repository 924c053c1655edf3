import { randomUUID } from 'node:crypto';
import { FORM_TOKEN_TTL_SECONDS, issueFormToken, redeemFormToken } from '../../src/setup/form-token';
import type { CacheStore } from '../../src/platform/platform';

class TtlCache {
  readonly ttls = new Map<string, number>();
  readonly values = new Map<string, string>();
  get(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  put(key: string, value: string, ttl: number): void {
    this.values.set(key, value);
    this.ttls.set(key, ttl);
  }
  remove(key: string): void {
    this.values.delete(key);
  }
}

const UUID = randomUUID();

describe('form tokens', () => {
  const cache = new TtlCache();
  const store = cache as unknown as CacheStore;

  it('issues a random token kept in the user cache for an hour', () => {
    expect(issueFormToken(store, () => UUID)).toBe(UUID);
    expect(cache.ttls.get(`setupForm.${UUID}`)).toBe(FORM_TOKEN_TTL_SECONDS);
  });

  it('redeems an issued token once', () => {
    expect(redeemFormToken(store, UUID)).toBe(true);
    expect(redeemFormToken(store, UUID)).toBe(false);
  });

  it('refuses tokens it never issued, empty or malformed ones', () => {
    expect(redeemFormToken(store, randomUUID())).toBe(false);
    expect(redeemFormToken(store, '')).toBe(false);
    expect(redeemFormToken(store, undefined)).toBe(false);
    cache.put('setupForm.x', '1', 60);
    expect(redeemFormToken(store, 'x')).toBe(false);
  });
});
