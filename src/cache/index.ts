/** The report cache's public surface. */
export { createReportCache, type GetOrFetchOptions, type ReportCache } from './report-cache';
export type { CacheScope, ScopeValue } from './keys';
export type { CacheResult, CacheSource, FetchTable } from './single-flight';
export type { CellValue, Table } from './table';
export {
  clampTtlSeconds,
  DEFAULT_CACHE_TTL_SECONDS,
  MAX_CACHE_TTL_SECONDS,
  MIN_CACHE_TTL_SECONDS,
  type CacheServices,
  type CacheSettings,
} from './settings';
