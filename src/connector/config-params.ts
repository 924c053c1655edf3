/**
 * The data source's configuration (a public contract: reports store these ids and values) and its
 * validation. Looker Studio sends every value as a string.
 *
 * | id             | values                                                        | default                   |
 * | -------------- | ------------------------------------------------------------- | ------------------------- |
 * | `object`       | a catalog object id (`invoices`, `jobLineItems`, …)            | none: required            |
 * | `dateField`    | the id of one of the object's date fields, or `allTime`        | the object's first date   |
 * | `currency`     | an ISO 4217 code Looker Studio knows (`USD`, `CAD`, …)         | `USD`                     |
 * | `cacheMinutes` | whole minutes from 0 (no cache) to 360                         | 15                        |
 * | `privateCopy`  | `true` or `false`: keep a private copy in the user's Drive     | `true`                    |
 * | `reconcileMinutes` | whole minutes from 5 to 1440 between looks for deleted records | 60                    |
 */
import { DEFAULT_CACHE_TTL_SECONDS, MAX_CACHE_TTL_SECONDS } from '../cache';
import { findObject } from '../catalog';
import type { CatalogObject, DateOption } from '../catalog';
import {
  badCacheMinutes,
  badPrivateCopy,
  badReconcileMinutes,
  noObjectChosen,
  unknownCurrency,
  unknownDateField,
  unknownObject,
} from '../errors';
import { isJsonObject } from '../json';
import { CURRENCIES, type Currency } from './currencies';

export const CONFIG_IDS = {
  object: 'object',
  dateField: 'dateField',
  currency: 'currency',
  cacheMinutes: 'cacheMinutes',
  privateCopy: 'privateCopy',
  reconcileMinutes: 'reconcileMinutes',
} as const;

export const ALL_TIME = 'allTime';
export const DEFAULT_CURRENCY: Currency = 'USD';
/** The cache's own lifetime limits (src/cache/settings.ts), in whole minutes. */
export const DEFAULT_CACHE_MINUTES = DEFAULT_CACHE_TTL_SECONDS / 60;
export const MAX_CACHE_MINUTES = MAX_CACHE_TTL_SECONDS / 60;
export const DEFAULT_RECONCILE_MINUTES = 60;
export const RECONCILE_MINUTES_RANGE = { min: 5, max: 1_440 } as const;

export interface ReportConfig {
  readonly object: CatalogObject;
  /** The date the report's date range applies to; undefined for "all time". */
  readonly dateOption: DateOption | undefined;
  readonly currency: Currency;
  readonly cacheMinutes: number;
  /** Answer from the private copy in the user's Drive (docs/replica.md); false: live reads only. */
  readonly privateCopy: boolean;
  /** How often the private copy looks for records deleted in Jobber. */
  readonly reconcileMinutes: number;
}

type Params = Readonly<Record<string, unknown>>;

export function configParamsOf(request: unknown): Params {
  if (!isJsonObject(request)) return {};
  const params = request['configParams'];
  return isJsonObject(params) ? params : {};
}

export function parseReportConfig(params: Params): ReportConfig {
  const object = parseObject(params[CONFIG_IDS.object]);
  return {
    object,
    dateOption: parseDateOption(object, params[CONFIG_IDS.dateField]),
    currency: parseCurrency(params[CONFIG_IDS.currency]),
    cacheMinutes: parseCacheMinutes(params[CONFIG_IDS.cacheMinutes]),
    privateCopy: parsePrivateCopy(params[CONFIG_IDS.privateCopy]),
    reconcileMinutes: parseReconcileMinutes(params[CONFIG_IDS.reconcileMinutes]),
  };
}

/** The object chosen so far, or undefined (getConfig's first step). */
export function chosenObject(params: Params): CatalogObject | undefined {
  const value = params[CONFIG_IDS.object];
  return typeof value === 'string' ? findObject(value) : undefined;
}

function parseObject(value: unknown): CatalogObject {
  if (value === undefined || value === '') throw noObjectChosen();
  const object = typeof value === 'string' ? findObject(value) : undefined;
  if (!object) throw unknownObject(value);
  return object;
}

export function parseDateOption(object: CatalogObject, value: unknown): DateOption | undefined {
  if (value === undefined || value === '') return object.dateOptions[0];
  if (value === ALL_TIME && object.allTime) return undefined;
  const option = object.dateOptions.find((candidate) => candidate.fieldId === value);
  if (!option) throw unknownDateField(value, object);
  return option;
}

function parseCurrency(value: unknown): Currency {
  if (value === undefined || value === '') return DEFAULT_CURRENCY;
  const currency = CURRENCIES.find((code) => code === value);
  if (!currency) throw unknownCurrency(value);
  return currency;
}

function parseCacheMinutes(value: unknown): number {
  if (value === undefined || value === '') return DEFAULT_CACHE_MINUTES;
  const minutes = wholeMinutes(value);
  if (!(minutes >= 0 && minutes <= MAX_CACHE_MINUTES)) throw badCacheMinutes(value, MAX_CACHE_MINUTES);
  return minutes;
}

function parsePrivateCopy(value: unknown): boolean {
  if (value === undefined || value === '' || value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw badPrivateCopy(value);
}

function parseReconcileMinutes(value: unknown): number {
  if (value === undefined || value === '') return DEFAULT_RECONCILE_MINUTES;
  const minutes = wholeMinutes(value);
  const { min, max } = RECONCILE_MINUTES_RANGE;
  if (!(minutes >= min && minutes <= max)) throw badReconcileMinutes(value, min, max);
  return minutes;
}

/** A whole number of minutes (at most four digits) typed into a text option; NaN otherwise. */
function wholeMinutes(value: unknown): number {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  return /^\d{1,4}$/.test(text) ? Number(text) : NaN;
}
