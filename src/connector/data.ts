/**
 * getData: validate the request, decide what Jobber can filter, fetch the columns the chart needs
 * (through the cache when there is one) and answer in the order Looker Studio asked for.
 */
import { parseLastRefresh, type ReportCache } from '../cache';
import { dateFilter, findField } from '../catalog';
import type { Table } from '../catalog';
import type { CatalogObject, CellValue, DateOption, FieldDef, RowContext } from '../catalog';
import { ZonedTime } from '../catalog';
import type { JobberAccount, JobberApi } from '../jobber';
import type { JsonObject } from '../json';
import type { Platform } from '../platform';
import { parseDataRequest, type DataRequest, type RequestedField } from './data-request';
import { timeWindow } from './date-window';
import { fetchTable, type FetchPlan } from './fetch-table';
import { planPushdown } from './filters';
import { namingSchemaMismatches } from './schema-mismatch';
import { fieldsJson } from './schema';
import { cacheScope } from './cache-scope';
import { jobberPort } from './replica-port';
import { answerFromReplica, CopyUnavailable, type ReplicaServices } from '../replica';

/** The part of the report cache getData uses (src/cache). */
export type ReportTableCache = Pick<ReportCache, 'getOrFetch'>;

export interface ReportDependencies {
  readonly platform: Platform;
  /** The Jobber API of the user running the report (built lazily: getConfig needs no token). */
  readonly jobberApi: () => JobberApi;
  readonly cache?: ReportTableCache;
  /** The private copy (docs/replica.md); absent: live reads only. */
  readonly privateCopy?: PrivateCopyDependencies;
}

export interface PrivateCopyDependencies {
  /** The copies' storage and coordination, built on first use. */
  readonly services: () => ReplicaServices;
  /** When this execution's budget ends (epoch ms): a chart waiting for another gives up then. */
  readonly deadline: () => number;
}

export interface DataResponse {
  readonly schema: unknown[];
  readonly rows: ReadonlyArray<{ readonly values: CellValue[] }>;
  readonly filtersApplied: boolean;
}

export function getData(deps: ReportDependencies, rawRequest: unknown): DataResponse {
  const request = parseDataRequest(rawRequest);
  if (deps.privateCopy && usesPrivateCopy(request)) {
    try {
      return getDataFromCopy(deps, deps.privateCopy, request);
    } catch (error) {
      if (!(error instanceof CopyUnavailable)) throw error;
      deps.platform.logger.log('warn', 'replica_unavailable', {
        object: request.config.object.id,
        reason: error.reason,
      });
    }
  }
  const { object } = request.config;
  const pushdown = planPushdown(object, request.dimensionsFilters);
  const output = pushdown.applied ? request.fields.filter((entry) => !entry.forFilterOnly) : request.fields;
  const api = deps.jobberApi();
  const account = api.account();
  const context = rowContext(deps.platform, account);
  const plan = fetchPlan(request, pushdown.filter, context);
  const fieldIds = uniqueIds(output);
  const fetch = (ids: readonly string[]): Table => {
    const fields = ids.map(fieldOf(object));
    return namingSchemaMismatches(plan, fields, () => fetchTable(api, context, plan, fields));
  };
  const { table, source } =
    request.sampleExtraction || !deps.cache
      ? { table: fetch(fieldIds), source: 'uncached' }
      : deps.cache.getOrFetch(cacheScope(account.id, request, pushdown.filter), fieldIds, fetch, {
          ttlSeconds: request.config.cacheMinutes * 60,
          lastRefresh: request.lastRefresh ?? null,
        });
  return respond(deps.platform, request, { table, source, filtersApplied: pushdown.applied }, output);
}

function usesPrivateCopy(request: DataRequest): boolean {
  return (
    !request.sampleExtraction && request.config.privateCopy && request.config.object.replication !== undefined
  );
}

/**
 * getData from the private copy (docs/replica.md): every requested field, filters included, is
 * answered from the copy after a delta read; Looker Studio applies the chart's filters itself.
 */
function getDataFromCopy(
  deps: ReportDependencies,
  copy: PrivateCopyDependencies,
  request: DataRequest,
): DataResponse {
  const { object, dateOption } = request.config;
  const api = deps.jobberApi();
  const account = api.account();
  const context = rowContext(deps.platform, account);
  const plan = fetchPlan(request, {}, context);
  const fields = uniqueIds(request.fields).map(fieldOf(object));
  const table = namingSchemaMismatches(plan, fields, () =>
    answerFromReplica(copy.services(), {
      object,
      accountId: account.id,
      fields,
      dateOption,
      window: plan.window ? { field: plan.window.field, range: plan.window.range } : undefined,
      lastRefresh: parseLastRefresh(request.lastRefresh),
      rowContext: context,
      port: jobberPort(api, object),
      deadline: copy.deadline(),
      settings: { reconcileMs: request.config.reconcileMinutes * 60_000 },
    }),
  );
  return respond(deps.platform, request, { table, source: 'copy', filtersApplied: false }, request.fields);
}

/** The rows of `output`, in its order, with their schema; one log line says where they came from. */
function respond(
  platform: Platform,
  request: DataRequest,
  answered: { readonly table: Table; readonly source: string; readonly filtersApplied: boolean },
  output: readonly RequestedField[],
): DataResponse {
  const { object, currency } = request.config;
  const { table, source, filtersApplied } = answered;
  platform.logger.log('info', 'get_data', { object: object.id, rows: table.rowCount, source });
  const fields = output.map((entry) => entry.field);
  return {
    schema: fieldsJson(platform.connectorApi, fields, currency),
    rows: projectRows(table, fields),
    filtersApplied,
  };
}

export function rowContext(platform: Platform, account: JobberAccount): RowContext {
  const time = new ZonedTime(platform.codec.formatDate, account.timeZone);
  return { time, today: time.localDay(platform.clock.now()) };
}

function fetchPlan(request: DataRequest, pushed: JsonObject, context: RowContext): FetchPlan {
  const { object, dateOption } = request.config;
  const sample = request.sampleExtraction;
  if (!dateOption || !request.range) return { object, filter: pushed, window: undefined, sample };
  const range = timeWindow(request.range, context.time);
  return {
    object,
    filter: { ...pushed, ...dateFilter(dateOption, range) },
    window: {
      range,
      field: dateFieldOf(object, dateOption),
      ...(dateOption.newestFirst === undefined ? {} : { newestFirst: dateOption.newestFirst }),
    },
    sample,
  };
}

function dateFieldOf(object: CatalogObject, option: DateOption): FieldDef {
  return fieldOf(object)(option.fieldId);
}

function fieldOf(object: CatalogObject): (id: string) => FieldDef {
  return (id) => {
    const field = findField(object, id);
    if (!field) throw new Error(`${object.id} has no field ${id}`);
    return field;
  };
}

function uniqueIds(fields: readonly RequestedField[]): string[] {
  return [...new Set(fields.map((entry) => entry.field.id))];
}

/** Rows in the order of the requested fields, whatever order the table's columns are in. */
export function projectRows(table: Table, fields: readonly FieldDef[]): Array<{ values: CellValue[] }> {
  const columns = fields.map((field) => {
    const column = table.columns[field.id];
    if (!column || column.length !== table.rowCount)
      throw new Error(`The fetched table lacks column ${field.id}`);
    return column;
  });
  const width = columns.length;
  const rows = new Array<{ values: CellValue[] }>(table.rowCount);
  for (let index = 0; index < table.rowCount; index++) {
    const values = new Array<CellValue>(width);
    for (let position = 0; position < width; position++)
      values[position] = columns[position]?.[index] ?? null;
    rows[index] = { values };
  }
  return rows;
}
