/** How long cached things live: a fact several cache modules read, kept apart so none of them imports another for it. */

/** A data source's cache lifetime, unless it sets one (15 minutes). */
export const DEFAULT_CACHE_TTL_SECONDS = 900;
export const MIN_CACHE_TTL_SECONDS = 60;
/** Apps Script's longest cache lifetime (6 hours): entries, and the index that lists them. */
export const MAX_CACHE_TTL_SECONDS = 21_600;
