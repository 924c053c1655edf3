import type { CacheScope, PropertyScope } from '../protocol';
import { CacheStore } from './cache-store';
import type { HostClock } from './clock';
import { LockManager } from './lock-manager';
import { PropertyStore } from './properties-store';
import { Quotas } from './quotas';
import { ServiceError } from './service-error';
import { StateTokens } from './state-tokens';
import { UrlFetchService, type UrlFetchDeps } from './url-fetch';

/** Issues ScriptApp.getOAuthToken()'s token (the Drive stand-in's OAuth side). */
export interface OAuthTokenSource {
  oauthToken(user: string): string;
}

/** Everything executions share, as Apps Script shares it: per script, per user, or per document. */
export class SharedState {
  readonly scriptProperties = new PropertyStore();
  readonly documentProperties = new PropertyStore();
  private readonly userProperties = new Map<string, PropertyStore>();
  readonly scriptCache: CacheStore;
  readonly documentCache: CacheStore;
  private readonly userCaches = new Map<string, CacheStore>();
  readonly locks: LockManager;
  readonly stateTokens: StateTokens;
  readonly quotas: Quotas;
  readonly urlFetch: UrlFetchService;

  constructor(
    readonly clock: HostClock,
    fetchSettings: Omit<UrlFetchDeps, 'quotas' | 'clock'>,
    urlFetchDailyQuota: number,
    private readonly boundToDocument: boolean,
    private readonly oauth: OAuthTokenSource,
  ) {
    const now = () => clock.now();
    this.scriptCache = new CacheStore(now);
    this.documentCache = new CacheStore(now);
    this.locks = new LockManager(clock);
    this.stateTokens = new StateTokens(now);
    this.quotas = new Quotas(now, urlFetchDailyQuota);
    this.urlFetch = new UrlFetchService({ ...fetchSettings, quotas: this.quotas, clock });
    clock.onAdvance(() => this.locks.onClockAdvance());
  }

  properties(scope: PropertyScope, user: string): PropertyStore {
    if (scope === 'script') return this.scriptProperties;
    if (scope === 'document') return this.document(this.documentProperties);
    return getOrCreate(this.userProperties, user, () => new PropertyStore());
  }

  cache(scope: CacheScope, user: string): CacheStore {
    if (scope === 'script') return this.scriptCache;
    if (scope === 'document') return this.document(this.documentCache);
    return getOrCreate(this.userCaches, user, () => new CacheStore(() => this.clock.now()));
  }

  oauthToken(user: string): string {
    return this.oauth.oauthToken(user);
  }

  /** The key under which LockManager keeps a scope's lock. */
  lockKey(scope: CacheScope, user: string): string {
    if (scope === 'document') this.document(null);
    return scope === 'user' ? `user:${user}` : scope;
  }

  clearCaches(): void {
    this.scriptCache.clear();
    this.documentCache.clear();
    for (const cache of this.userCaches.values()) cache.clear();
  }

  private document<T>(store: T): T {
    if (!this.boundToDocument) throw new ServiceError('This script is not bound to a document.');
    return store;
  }
}

function getOrCreate<T>(map: Map<string, T>, key: string, make: () => T): T {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}
