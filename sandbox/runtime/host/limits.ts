/**
 * Apps Script's limits and the exact texts of the exceptions it throws when they are crossed.
 * Where Google documents a number ambiguously (KB), the stricter reading is used; docs/runtime.md
 * lists which texts are observed from Apps Script and which are our assumption.
 */

export const KIB = 1024;

/** UTF-8 bytes of one property value (quotas page: "9kB / val"). */
export const PROPERTY_VALUE_MAX_BYTES = 9 * KIB;
/** UTF-8 bytes of all keys and values of one property store (quotas page: "500kB / property store"). */
export const PROPERTY_STORE_MAX_BYTES = 500 * KIB;
/** Observed for both a too-large value and a full store. */
export const PROPERTY_QUOTA_TEXT =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

export const CACHE_KEY_MAX_CHARS = 250;
export const CACHE_VALUE_MAX_BYTES = 100 * KIB;
export const CACHE_DEFAULT_TTL_SECONDS = 600;
export const CACHE_MAX_TTL_SECONDS = 21_600;
/** Cache docs: above 1,000 items the cache keeps the 900 farthest from expiration. */
export const CACHE_MAX_ITEMS = 1000;
export const CACHE_ITEMS_KEPT_ON_OVERFLOW = 900;
export const CACHE_KEY_TOO_LARGE_TEXT = 'Argument too large: key';
export const CACHE_VALUE_TOO_LARGE_TEXT = 'Argument too large: value';
export const CACHE_TTL_INVALID_TEXT = 'Invalid argument: expirationInSeconds';

export const LOCK_TIMEOUT_TEXT = 'Lock timeout: another process was holding the lock for too long.';

export const URLFETCH_DAILY_QUOTA_TEXT = 'Service invoked too many times for one day: urlfetch.';
export const URLFETCH_URL_MAX_CHARS = 2 * KIB;
export const URLFETCH_URL_TOO_LONG_TEXT = 'Limit Exceeded: URLFetch URL Length.';
export const URLFETCH_MAX_BYTES = 50 * KIB * KIB;
export const EXTERNAL_REQUEST_SCOPE = 'https://www.googleapis.com/auth/script.external_request';
export const URLFETCH_NO_PERMISSION_TEXT =
  'You do not have permission to call UrlFetchApp.fetch. Required permissions: ' + EXTERNAL_REQUEST_SCOPE;
/** UrlFetchApp gives up on a request after about 60 s (not configurable). */
export const URLFETCH_TIMEOUT_MS = 60_000;
export const URLFETCH_MAX_REDIRECTS = 10;

export const SLEEP_MAX_MS = 300_000;

export const STATE_TOKEN_DEFAULT_TIMEOUT_SECONDS = 60;
export const STATE_TOKEN_MAX_TIMEOUT_SECONDS = 3600;
export const STATE_TOKEN_INVALID_TEXT = 'The state token is invalid or has expired. Please try again.';

export const EXECUTION_TIME_LIMIT_MS = 360_000;
export const EXECUTION_TIMEOUT_TEXT = 'Exceeded maximum execution time';

export const URLFETCH_DAILY_CALLS = 20_000;

export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
