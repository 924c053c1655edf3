/**
 * The report cache: per user, per scope, entries covering field sets, single flight across the
 * concurrent executions of one dashboard. See docs/design.md, "Report cache".
 */
import { describeError, isConnectorError, redact } from '../errors';
import {
  findUsableEntry,
  hasEntryRefusedByRefresh,
  readIndex,
  readPieces,
  type Freshness,
} from './entry-store';
import { readGeneration, scopeKeys, writeNewGeneration, type CacheScope } from './keys';
import {
  clampTtlSeconds,
  DEFAULT_CACHE_SETTINGS,
  parseLastRefresh,
  type CacheCall,
  type CacheServices,
  type CacheSettings,
} from './settings';
import {
  fetchChecked,
  finish,
  settle,
  type CacheResult,
  type CacheSource,
  type FetchTable,
} from './single-flight';
import { projectTable } from './table';
import { LOCK_BUSY, withUserLock } from './user-lock';

export interface GetOrFetchOptions {
  /** The data source's cache lifetime in seconds: default 900, kept within 60…21,600; 0 = no cache. */
  readonly ttlSeconds?: number;
  /** Looker's `scriptParams.lastRefresh`: entries fetched before a newer refresh are not served. */
  readonly lastRefresh?: string | number | null;
  /** Serve nothing fetched before this call (a fetch still gathering may be joined). */
  readonly bypass?: boolean;
  /** When a follower stops waiting for another execution's fetch (ms epoch; default in 5 min). */
  readonly deadline?: number;
}

export interface ReportCache {
  /**
   * The table of `fieldIds` for `scope`: from an entry covering those fields, from a concurrent
   * execution's fetch, or from `fetch`. `fetch` may be asked for more fields than `fieldIds` (the
   * union of what concurrent charts want); it must return one row per record whatever the field
   * set, so that any subset of its columns equals a fetch of that subset.
   */
  getOrFetch(
    scope: CacheScope,
    fieldIds: readonly string[],
    fetch: FetchTable,
    options?: GetOrFetchOptions,
  ): CacheResult;
  /** Makes every entry of this user unreachable (resetAuth). */
  clear(): void;
}

export function createReportCache(
  services: CacheServices,
  settings: Partial<CacheSettings> = {},
): ReportCache {
  const resolved = { ...DEFAULT_CACHE_SETTINGS, ...settings };
  return {
    getOrFetch: (scope, fieldIds, fetch, options = {}) => {
      if (clampTtlSeconds(options.ttlSeconds) === 0) return uncached(fetch, fieldIds, 'bypass');
      let fetched = false;
      const tracked: FetchTable = (ids) => {
        fetched = true;
        return fetch(ids);
      };
      try {
        return getOrFetch(prepareCall(services, resolved, scope, fieldIds, options), tracked);
      } catch (error) {
        // A failing fetch or a user error reaches the caller; a failing cache only costs the cache.
        if (fetched || isConnectorError(error)) throw error;
        services.logger.log('warn', 'cache_unavailable', { error: redact(describeError(error)) });
        return uncached(fetch, fieldIds, 'miss');
      }
    },
    clear: () => {
      const renewed = withUserLock(services.userLock, resolved.lockWaitMs, () =>
        writeNewGeneration(services.userProperties, services.clock.now()),
      );
      if (renewed === LOCK_BUSY) writeNewGeneration(services.userProperties, services.clock.now());
    },
  };
}

function uncached(fetch: FetchTable, fieldIds: readonly string[], source: CacheSource): CacheResult {
  return { table: projectTable(fetchChecked(fetch, fieldIds), fieldIds), source };
}

function getOrFetch(call: CacheCall, fetch: FetchTable): CacheResult {
  const { userCache, codec, clock } = call.services;
  const index = readIndex(userCache, call.keys);
  const entry = findUsableEntry(index, call.fieldIds, call.freshness, clock.now());
  const table = entry ? readPieces(userCache, codec, call.keys, entry) : null;
  if (table) return finish(call, 'hit', table);
  const refused = hasEntryRefusedByRefresh(index, call.fieldIds, call.freshness, clock.now());
  const forced = call.freshness.notBefore !== null || (refused && !entry);
  return settle({ ...call, forced }, fetch);
}

function prepareCall(
  services: CacheServices,
  settings: CacheSettings,
  scope: CacheScope,
  fieldIds: readonly string[],
  options: GetOrFetchOptions,
): CacheCall {
  const nowMs = services.clock.now();
  const ttlSeconds = clampTtlSeconds(options.ttlSeconds);
  const lastRefresh = parseLastRefresh(options.lastRefresh);
  const notBefore = options.bypass ? nowMs : null;
  const freshness: Freshness = { ttlMs: ttlSeconds * 1000, lastRefresh, notBefore };
  return {
    services,
    settings,
    keys: scopeKeys(services.codec, currentGeneration(services, settings), scope),
    object: scope.object,
    fieldIds: [...fieldIds],
    ttlSeconds,
    freshness,
    request: { fieldIds: [...fieldIds], lastRefresh, notBefore },
    deadline: options.deadline ?? nowMs + settings.defaultWaitMs,
    forced: false,
  };
}

/**
 * This user's generation, created once (under the lock, so concurrent first calls agree). Keys of
 * everything cached for the user carry it (report entries, the replica's hot tier), so `clear()`
 * orphans them all at once.
 */
export function currentGeneration(
  services: Pick<CacheServices, 'userProperties' | 'userLock' | 'clock'>,
  settings: Pick<CacheSettings, 'lockWaitMs'> = DEFAULT_CACHE_SETTINGS,
): string {
  const existing = readGeneration(services.userProperties);
  if (existing !== null) return existing;
  const created = withUserLock(services.userLock, settings.lockWaitMs, () => {
    return (
      readGeneration(services.userProperties) ??
      writeNewGeneration(services.userProperties, services.clock.now())
    );
  });
  return created === LOCK_BUSY ? writeNewGeneration(services.userProperties, services.clock.now()) : created;
}
