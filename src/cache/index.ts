/** The report cache's public surface: what the rest of the connector may use. */
export {
  createReportCache,
  currentGeneration,
  type GetOrFetchOptions,
  type ReportCache,
} from './report-cache';
export { loadTextPieces, storeTextPieces, type StoredText } from './pieces';
export { LOCK_BUSY, withUserLock } from './user-lock';
export { CACHE_GENERATION_PROPERTY, uniqueId, type CacheScope } from './keys';
export { DEFAULT_CACHE_TTL_SECONDS, MAX_CACHE_TTL_SECONDS } from './lifetimes';
export { parseLastRefresh, type CacheServices } from './settings';
