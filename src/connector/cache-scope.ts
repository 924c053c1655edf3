/**
 * The cache scope of a getData request: everything that decides its rows, except the field set
 * (entries cover field sets, src/cache/keys.ts). It is derived from the parsed request and its
 * configuration: every key of each says how it enters the scope, or why it does not change the
 * rows. A new option therefore cannot be forgotten: the type checker asks for its entry, and
 * test/connector/cache-scope.test.ts checks every parsed key against these tables.
 */
import type { CacheScope } from '../cache';
import type { JsonObject, JsonValue } from '../json';
import type { ReportConfig } from './config-params';
import type { CalendarDate, DataRequest } from './data-request';

/** A key that does not change which rows Jobber returns, and why. */
export interface OutOfScope {
  readonly outOfScope: string;
}

/** For every key of T: its value in the scope, or why it has none. */
export type ScopeRules<T> = {
  readonly [K in keyof T]-?: ((value: T[K]) => JsonValue) | OutOfScope;
};

const outOfScope = (reason: string): OutOfScope => ({ outOfScope: reason });

export const CONFIG_SCOPE: ScopeRules<ReportConfig> = {
  object: (object) => object.id,
  dateOption: (option) => option?.fieldId ?? null,
  currency: outOfScope('only the schema type of money fields; the values are the same numbers'),
  cacheMinutes: outOfScope('how long rows are kept, not which rows'),
  privateCopy: outOfScope('where the rows are read from (the private copy holds the same rows)'),
  reconcileMinutes: outOfScope('how soon the private copy notices deletions, not which rows a read returns'),
};

export const REQUEST_SCOPE: ScopeRules<Omit<DataRequest, 'config'>> = {
  fields: outOfScope('entries cover field sets: any entry holding the fields serves them'),
  range: (range) => (range ? { startDate: isoDay(range.startDate), endDate: isoDay(range.endDate) } : null),
  dimensionsFilters: outOfScope(
    'only what is pushed down to Jobber changes the rows, and that is in the scope as `filter`',
  ),
  sampleExtraction: outOfScope('a sample never goes through the cache'),
  lastRefresh: outOfScope('decides which entries are fresh enough, not the rows'),
};

/** What the cache keys on (with the user): plain JSON, canonicalised and hashed by the cache. */
export type ReportScope = CacheScope & JsonObject;

/** The scope of a request: the account, the pushed-down filter, and the rules above. */
export function cacheScope(accountId: string, request: DataRequest, pushed: JsonObject): ReportScope {
  return {
    accountId,
    object: request.config.object.id,
    filter: pushed,
    ...scopeOf(CONFIG_SCOPE, request.config),
    ...scopeOf(REQUEST_SCOPE, request),
  };
}

function scopeOf<T>(rules: ScopeRules<T>, values: T): JsonObject {
  const scope: JsonObject = {};
  for (const key of Object.keys(rules) as Array<keyof T & string>) {
    const rule = rules[key];
    if (typeof rule === 'function') scope[key] = rule(values[key]);
  }
  return scope;
}

function isoDay(date: CalendarDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}
