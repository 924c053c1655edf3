/** The report cache's public surface: what the rest of the connector may use. */
export { createReportCache, type GetOrFetchOptions, type ReportCache } from './report-cache';
export { CACHE_GENERATION_PROPERTY, type CacheScope } from './keys';
export { DEFAULT_CACHE_TTL_SECONDS, MAX_CACHE_TTL_SECONDS, type CacheServices } from './settings';
