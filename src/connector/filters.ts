/**
 * Filter pushdown: Looker Studio's dimensionsFilters → Jobber's root filter, all or nothing.
 *
 * Only an exact match on a field Jobber filters exactly (a status, an id, a boolean) can be pushed,
 * and only when every filter of the request can: each AND group must be a single INCLUDE EQUALS (or
 * a one-value IN_LIST) on a pushable field, with a value Jobber accepts. Otherwise nothing is pushed
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
const ID_SHAPE = /^[A-Za-z0-9+/=_-]{1,200}$/;

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
      return ID_SHAPE.test(text) ? text : undefined;
  }
}
