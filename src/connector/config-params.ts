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
 */
import { DEFAULT_CACHE_TTL_SECONDS, MAX_CACHE_TTL_SECONDS } from '../cache';
import { findObject } from '../catalog';
import type { CatalogObject, DateOption } from '../catalog';
import { badCacheMinutes, noObjectChosen, unknownCurrency, unknownDateField, unknownObject } from '../errors';
import { isJsonObject } from '../json';
import { CURRENCIES, type Currency } from './currencies';

export const CONFIG_IDS = {
  object: 'object',
  dateField: 'dateField',
  currency: 'currency',
  cacheMinutes: 'cacheMinutes',
} as const;

export const ALL_TIME = 'allTime';
export const DEFAULT_CURRENCY: Currency = 'USD';
/** The cache's own lifetime limits (src/cache/settings.ts), in whole minutes. */
export const DEFAULT_CACHE_MINUTES = DEFAULT_CACHE_TTL_SECONDS / 60;
export const MAX_CACHE_MINUTES = MAX_CACHE_TTL_SECONDS / 60;

export interface ReportConfig {
  readonly object: CatalogObject;
  /** The date the report's date range applies to; undefined for "all time". */
  readonly dateOption: DateOption | undefined;
  readonly currency: Currency;
  readonly cacheMinutes: number;
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
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const minutes = /^\d{1,4}$/.test(text) ? Number(text) : NaN;
  if (!(minutes >= 0 && minutes <= MAX_CACHE_MINUTES)) throw badCacheMinutes(value, MAX_CACHE_MINUTES);
  return minutes;
}
