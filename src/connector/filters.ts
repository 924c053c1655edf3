/**
 * Filter pushdown: Looker Studio's dimensionsFilters → Jobber's root filter, all or nothing.
 *
 * Only an exact match on a field Jobber filters exactly (a status, an id, a boolean) can be pushed,
 * and only when every filter of the request can: each AND group must be a single INCLUDE EQUALS (or
 * a one-value IN_LIST) on a pushable field, with a value Jobber accepts (an id of the right type). Otherwise nothing is pushed
 * and Looker Studio filters the rows itself (`filtersApplied: false`). Values only ever travel in the
 * query's variables.
 */
import { findField } from '../catalog';
import { filterValueOfLabel } from '../catalog';
import type { CatalogObject, Pushdown } from '../catalog';
import { isJsonObject, type JsonObject, type JsonValue } from '../json';

export interface FilterPlan {
  /** The root filter arguments that apply the request's filters exactly (empty when none). */
  readonly filter: JsonObject;
  /** True when Jobber applies every filter of the request. */
  readonly applied: boolean;
}

const NOTHING_PUSHED: FilterPlan = { filter: {}, applied: false };

export function planPushdown(object: CatalogObject, dimensionsFilters: unknown): FilterPlan {
  if (!Array.isArray(dimensionsFilters) || dimensionsFilters.length === 0) return NOTHING_PUSHED;
  const filter: JsonObject = {};
  for (const group of dimensionsFilters) {
    const clause = Array.isArray(group) && group.length === 1 ? pushableClause(object, group[0]) : undefined;
    if (!clause) return NOTHING_PUSHED;
    const existing = filter[clause.argument];
    if (existing !== undefined && existing !== clause.value) return NOTHING_PUSHED;
    filter[clause.argument] = clause.value;
  }
  return { filter, applied: true };
}

interface Clause {
  readonly argument: string;
  readonly value: JsonValue;
}

function pushableClause(object: CatalogObject, entry: unknown): Clause | undefined {
  if (!isJsonObject(entry) || entry['type'] !== 'INCLUDE') return undefined;
  if (entry['operator'] !== 'EQUALS' && entry['operator'] !== 'IN_LIST') return undefined;
  const values = entry['values'];
  const name = entry['fieldName'];
  if (!Array.isArray(values) || values.length !== 1 || typeof name !== 'string') return undefined;
  const [text] = values;
  const pushdown = findField(object, name)?.pushdown;
  if (!pushdown || typeof text !== 'string') return undefined;
  const value = jobberValue(pushdown, text);
  return value === undefined ? undefined : { argument: pushdown.argument, value };
}

/** The value Jobber's filter takes for what Looker Studio shows, when the match stays exact. */
function jobberValue(pushdown: Pushdown, text: string): JsonValue | undefined {
  switch (pushdown.kind) {
    case 'enum':
      return filterValueOfLabel(pushdown.enumName, text);
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : undefined;
    case 'id':
      return isJobberIdOf(text, pushdown.idType) ? text : undefined;
  }
}

/**
 * Whether a filter value is a Jobber id of the given type. Jobber's EncodedId is the base64 of a
 * global id such as `gid://Jobber/Client/123` (docs/jobber-api.md). Jobber calls it opaque, so this
 * only decides what is pushed down: anything else (a name typed into a Client ID filter, "Smith")
 * is left to Looker Studio, which shows the zero rows matching it, where Jobber would refuse the
 * whole query. Were Jobber to encode ids differently, filters would only stop being pushed down.
 */
export function isJobberIdOf(value: string, idType: string): boolean {
  if (value.length > 200 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return false;
  const match = /^gid:\/\/Jobber\/([A-Za-z]+)\/[1-9]\d*$/.exec(base64Latin1(value.replace(/=+$/, '')));
  return match?.[1] === idType;
}

const BASE64_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 (checked by the caller, padding removed) to one character per byte. */
function base64Latin1(digits: string): string {
  let buffer = 0;
  let bits = 0;
  let text = '';
  for (const digit of digits) {
    buffer = ((buffer << 6) | BASE64_DIGITS.indexOf(digit)) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      text += String.fromCharCode((buffer >> bits) & 0xff);
    }
  }
  return text;
}
