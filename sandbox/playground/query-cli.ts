/**
 * `npm run query -- <object> --fields a,b,c --from YYYY-MM-DD --to YYYY-MM-DD [--format table|csv|json]`:
 * the playground's path from a terminal. The objects and fields come from the connector itself
 * (getConfig, getSchema), the rows from getData through the Looker Studio driver.
 */
import {
  defaultDateRange,
  type ConfigParams,
  type DateRange,
  type GetDataResponse,
  type SchemaField,
} from '../studio';
import { oneOf, parseArgs, UsageError, wholeNumber } from './args';
import { renderCsv, renderJson, renderTable } from './output';
import type { ExecutionReport } from './execution-report';
import type { ExecutionProgress } from './fetch-monitor';
import type { PlaygroundSession, ShownError } from './session';
import { parseTarget, TARGET_FLAGS, TARGET_USAGE, type Target } from './target';

export type OutputFormat = 'table' | 'csv' | 'json';

export interface QueryRequest {
  readonly object?: string;
  readonly fields?: readonly string[];
  readonly from?: string;
  readonly to?: string;
  readonly format: OutputFormat;
  readonly dateField?: string;
  readonly currency?: string;
  readonly limit?: number;
  /** Only list the object's fields. */
  readonly list: boolean;
}

export interface QueryOptions {
  readonly request: QueryRequest;
  readonly target: Target;
  readonly port: number;
  readonly admin: boolean;
}

export interface QueryIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Progress rewrites one line on a terminal, and prints a line per page otherwise. */
  readonly stderrIsTty: boolean;
}

export const QUERY_USAGE = `Usage: npm run query -- <object> [options]
  --fields a,b,c             field ids, in chart order (default: the object's date and default fields)
  --from YYYY-MM-DD          the report's date range (default: Looker Studio's, the last 28 days)
  --to YYYY-MM-DD
  --format table|csv|json    table (default): readable values; csv and json: values as the connector returns them
  --date-field ID            which date the range applies to (the config's "dateField"; allTime for all records)
  --currency CODE            the config's currency (default USD)
  --limit N                  print at most N rows
  --list                     list the object's fields (id, name, kind, type) instead of reading data
  --admin                    as an admin (ADMIN_EMAILS): errors include the debug text
  --port N                   real Jobber only: where the browser returns after consent (default 8700)
${TARGET_USAGE}

npm run query -- --help lists the objects once the connector has started.`;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function parseQueryArgs(argv: readonly string[], env: NodeJS.ProcessEnv): QueryOptions {
  const args = parseArgs(argv, {
    values: [
      'fields',
      'from',
      'to',
      'format',
      'date-field',
      'currency',
      'limit',
      'port',
      ...TARGET_FLAGS.values,
    ],
    booleans: ['list', 'admin', 'help', ...TARGET_FLAGS.booleans],
  });
  if (args.positionals.length > 1)
    throw new UsageError(`One object at a time (got ${args.positionals.join(', ')})`);
  const value = (name: string): string | undefined => args.values.get(name);
  const from = value('from');
  const to = value('to');
  for (const [name, day] of [
    ['from', from],
    ['to', to],
  ] as const)
    if (day !== undefined && (!DAY.test(day) || Number.isNaN(Date.parse(day))))
      throw new UsageError(`--${name} must be a date as YYYY-MM-DD (got "${day}")`);
  if ((from === undefined) !== (to === undefined))
    throw new UsageError('Give both --from and --to, or neither');
  if (from !== undefined && to !== undefined && from > to)
    throw new UsageError(`--from ${from} is after --to ${to}`);
  const fields = value('fields')
    ?.split(',')
    .map((field) => field.trim())
    .filter((field) => field !== '');
  if (fields !== undefined && fields.length === 0)
    throw new UsageError('--fields needs at least one field id');
  const limit = value('limit');
  const object = args.positionals[0];
  const request: QueryRequest = {
    ...(object === undefined || args.booleans.has('help') ? {} : { object }),
    ...(fields ? { fields } : {}),
    ...(from !== undefined && to !== undefined ? { from, to } : {}),
    format: oneOf(value('format') ?? 'table', ['table', 'csv', 'json'] as const, 'format'),
    ...optional('dateField', value('date-field')),
    ...optional('currency', value('currency')),
    ...(limit === undefined ? {} : { limit: wholeNumber(limit, 'limit') }),
    list: args.booleans.has('list'),
  };
  return {
    request,
    target: parseTarget(args, env),
    port: wholeNumber(value('port') ?? env.PLAYGROUND_PORT ?? '8700', 'port', 65535),
    admin: args.booleans.has('admin'),
  };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

/** Runs one query on an authorized session; returns the exit code (0 ok, 1 connector error, 2 bad arguments). */
export async function runQuery(
  session: PlaygroundSession,
  request: QueryRequest,
  io: QueryIo,
): Promise<number> {
  const objects = await objectChoices(session);
  if (!request.object) return usage(io, `Name the Jobber object to read.\n${listObjects(objects)}`);
  if (!objects.some((choice) => choice.value === request.object))
    return usage(io, `Unknown object "${request.object}".\n${listObjects(objects)}`);
  const params: ConfigParams = {
    object: request.object,
    ...optional('dateField', request.dateField),
    ...optional('currency', request.currency),
  };
  const connected = await session.connect(params);
  if (!connected.ok) return connectorError(io, connected.error);
  const { schema, dateRangeRequired } = connected.value;
  if (request.list) {
    io.stdout(renderTable(fieldListing(schema)));
    return 0;
  }
  const fields = request.fields ?? defaultFields(schema, request.dateField);
  const unknown = fields.filter((name) => !schema.some((field) => field.name === name));
  if (unknown.length > 0)
    return usage(
      io,
      `${request.object} has no field ${unknown.join(', ')}.\n${renderTable(fieldListing(schema))}`,
    );
  const range = request.from && request.to ? { startDate: request.from, endDate: request.to } : undefined;
  const dateRange = range ?? defaultDateRange(session.studio.today());
  io.stderr(readingLine(request.object, fields, dateRangeRequired ? dateRange : undefined, Boolean(range)));
  const result = await withProgress(session, request.object, io, () =>
    session.getData({ fields, ...(dateRangeRequired ? { dateRange } : {}) }),
  );
  if (!result.ok) return connectorError(io, result.error);
  io.stdout(render(request, result.value));
  io.stderr(
    summaryLine(
      result.value,
      result.reports.find((report) => report.functionName === 'getData'),
    ),
  );
  return 0;
}

async function objectChoices(
  session: PlaygroundSession,
): Promise<ReadonlyArray<{ label: string; value: string }>> {
  const first = await session.config();
  if (!first.ok) throw new Error(`getConfig failed: ${describe(first.error)}`);
  return first.value.configParams.find((entry) => entry.name === 'object')?.options ?? [];
}

function listObjects(objects: ReadonlyArray<{ label: string; value: string }>): string {
  return `Objects: ${objects.map((choice) => `${choice.value} (${choice.label})`).join(', ')}`;
}

function fieldListing(schema: readonly SchemaField[]): GetDataResponse {
  const column = (name: string, label: string): SchemaField => ({
    name,
    label,
    dataType: 'STRING',
    semantics: { conceptType: 'DIMENSION', semanticType: 'TEXT' },
  });
  return {
    schema: [
      column('field', 'Field id'),
      column('name', 'Name'),
      column('kind', 'Kind'),
      column('type', 'Type'),
      column('group', 'Group'),
    ],
    rows: schema.map((field) => ({
      values: [
        field.name,
        field.label,
        field.semantics.conceptType.toLowerCase(),
        field.semantics.semanticType,
        field.group ?? '',
      ],
    })),
  };
}

/** The date the range applies to, then the connector's default dimension and metric. */
export function defaultFields(schema: readonly SchemaField[], dateField: string | undefined): string[] {
  const date =
    schema.find((field) => field.name === dateField) ??
    schema.find((field) => /^YEAR_MONTH_DAY/.test(field.semantics.semanticType));
  const byConcept = (concept: string): SchemaField | undefined =>
    schema.find((field) => field.semantics.conceptType === concept && field.isDefault) ??
    schema.find((field) => field.semantics.conceptType === concept);
  const names = [date?.name, byConcept('DIMENSION')?.name, byConcept('METRIC')?.name];
  return [...new Set(names.filter((name): name is string => name !== undefined))];
}

function render(request: QueryRequest, response: GetDataResponse): string {
  const limited =
    request.limit === undefined ? response : { ...response, rows: response.rows.slice(0, request.limit) };
  if (request.format === 'csv') return renderCsv(limited);
  if (request.format === 'json') return renderJson(limited);
  return renderTable(limited);
}

async function withProgress<T>(
  session: PlaygroundSession,
  object: string,
  io: QueryIo,
  body: () => Promise<T>,
): Promise<T> {
  const started = Date.now();
  const line = (progress: Readonly<ExecutionProgress>): string =>
    `${object}: ${progress.pages} page${progress.pages === 1 ? '' : 's'}, ${progress.nodes.toLocaleString('en-US')} records, ` +
    `cost ${progress.actualQueryCost.toLocaleString('en-US')}${progress.throttled > 0 ? `, ${progress.throttled} throttled` : ''}, ` +
    `${((Date.now() - started) / 1000).toFixed(1)} s`;
  let drawn = false;
  const stop = session.backend.monitor.onProgress((progress) => {
    if (progress.functionName !== 'getData') return;
    io.stderr(io.stderrIsTty ? `\r\x1b[2K${line(progress)}` : `${line(progress)}\n`);
    drawn = true;
  });
  try {
    return await body();
  } finally {
    stop();
    if (drawn && io.stderrIsTty) io.stderr('\n');
  }
}

function readingLine(
  object: string,
  fields: readonly string[],
  range: DateRange | undefined,
  given: boolean,
): string {
  const when = range
    ? ` from ${range.startDate} to ${range.endDate}${given ? '' : ' (Looker Studio’s default range)'}`
    : ' (all records: no date range)';
  return `Reading ${object}${when}: ${fields.join(', ')}\n`;
}

function summaryLine(response: GetDataResponse, report: ExecutionReport | undefined): string {
  const usage = report?.usage;
  const parts = [`${response.rows.length.toLocaleString('en-US')} rows`];
  if (usage) {
    parts.push(
      `${usage.requests} Jobber requests`,
      `cost ${usage.actualQueryCost.toLocaleString('en-US')} (requested ${usage.requestedQueryCost.toLocaleString('en-US')})`,
    );
    parts.push(`throttle waits ${usage.waits} (${(usage.waitedMs / 1000).toFixed(1)} s)`);
  }
  if (report?.cache) parts.push(`cache ${report.cache}`);
  if (report) parts.push(`${(report.elapsedMs / 1000).toFixed(1)} s`);
  return `${parts.join(' · ')}\n`;
}

function usage(io: QueryIo, text: string): number {
  io.stderr(`${text}\n`);
  return 2;
}

function connectorError(io: QueryIo, error: ShownError): number {
  io.stderr(`${describe(error)}\n`);
  return 1;
}

export function describe(error: ShownError): string {
  if (error.kind === 'user')
    return (
      `Looker Studio would show (${error.functionName}): ${error.text}` +
      (error.debugText ? `\nDebug text (admins): ${error.debugText}` : '')
    );
  if (error.kind === 'contract')
    return `The connector broke Looker Studio's contract in ${error.functionName}:\n  - ${error.problems.join('\n  - ')}`;
  return error.message;
}
