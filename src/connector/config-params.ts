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
import { findObject } from '../catalog/catalog';
import type { CatalogObject, DateOption } from '../catalog/types';
import { ConnectorError } from '../errors';
import { CURRENCIES, type Currency } from './currencies';

export const CONFIG_IDS = {
  object: 'object',
  dateField: 'dateField',
  currency: 'currency',
  cacheMinutes: 'cacheMinutes',
} as const;

export const ALL_TIME = 'allTime';
export const DEFAULT_CURRENCY: Currency = 'USD';
export const DEFAULT_CACHE_MINUTES = 15;
export const MAX_CACHE_MINUTES = 360;

export interface ReportConfig {
  readonly object: CatalogObject;
  /** The date the report's date range applies to; undefined for "all time". */
  readonly dateOption: DateOption | undefined;
  readonly currency: Currency;
  readonly cacheMinutes: number;
}

type Params = Readonly<Record<string, unknown>>;

export function configParamsOf(request: unknown): Params {
  if (!isRecord(request)) return {};
  const params = request['configParams'];
  return isRecord(params) ? params : {};
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
  if (value === undefined || value === '')
    throw invalid(
      'This data source has no Jobber object chosen. Edit the data source and choose what to report on (for example Invoices).',
      'configParams.object is missing',
    );
  const object = typeof value === 'string' ? findObject(value) : undefined;
  if (!object)
    throw invalid(
      `This data source asks for a Jobber object the connector does not know ("${describe(value)}"). ` +
        'Edit the data source and choose one of the listed objects.',
      `unknown object ${describe(value)}`,
    );
  return object;
}

export function parseDateOption(object: CatalogObject, value: unknown): DateOption | undefined {
  if (value === undefined || value === '') return object.dateOptions[0];
  if (value === ALL_TIME && object.allTime) return undefined;
  const option = object.dateOptions.find((candidate) => candidate.fieldId === value);
  if (!option)
    throw invalid(
      `"${describe(value)}" is not one of the dates this data source can filter by (${object.label}). ` +
        'Edit the data source and choose one of the listed dates.',
      `unknown dateField ${describe(value)} for ${object.id}`,
    );
  return option;
}

function parseCurrency(value: unknown): Currency {
  if (value === undefined || value === '') return DEFAULT_CURRENCY;
  const currency = CURRENCIES.find((code) => code === value);
  if (!currency)
    throw invalid(
      `"${describe(value)}" is not a currency Looker Studio supports. Edit the data source and choose a currency from the list.`,
      `unknown currency ${describe(value)}`,
    );
  return currency;
}

function parseCacheMinutes(value: unknown): number {
  if (value === undefined || value === '') return DEFAULT_CACHE_MINUTES;
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const minutes = /^\d{1,4}$/.test(text) ? Number(text) : NaN;
  if (!(minutes >= 0 && minutes <= MAX_CACHE_MINUTES))
    throw invalid(
      `"Keep data for" must be a whole number of minutes from 0 to ${MAX_CACHE_MINUTES}; it is "${describe(value)}". ` +
        'Edit the data source and correct it.',
      `bad cacheMinutes ${describe(value)}`,
    );
  return minutes;
}

export function invalid(userText: string, debugText: string): ConnectorError {
  return new ConnectorError('INVALID_REQUEST', userText, debugText);
}

/** A short, printable rendering of a value a request carried, for messages. */
export function describe(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
