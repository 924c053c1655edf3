/** The report cache's public surface. */
export { createReportCache, type GetOrFetchOptions, type ReportCache } from './report-cache';
export type { CacheScope } from './keys';
export type { CacheResult, CacheSource, FetchTable } from './single-flight';
export type { CellValue, Table } from './table';
export { CACHE_GENERATION_PROPERTY } from './keys';
export {
  clampTtlSeconds,
  DEFAULT_CACHE_TTL_SECONDS,
  MAX_CACHE_TTL_SECONDS,
  MIN_CACHE_TTL_SECONDS,
  type CacheServices,
  type CacheSettings,
} from './settings';
