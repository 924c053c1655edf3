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
import { renderCsv, renderJson, renderTable } from './output';
import type { ExecutionReport } from './execution-report';
import type { ExecutionProgress } from './fetch-monitor';
import type { PlaygroundSession, ShownError } from './session';
import { formatDuration, progressLine } from './progress-line';
import { optional, type QueryRequest } from './query-args';

export interface QueryIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Progress rewrites one line on a terminal, and prints a line per page otherwise. */
  readonly stderrIsTty: boolean;
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
    ...optional('privateCopy', request.privateCopy),
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
  if (request.limit !== undefined && request.limit < result.value.rows.length)
    io.stderr(`(first ${request.limit} of ${result.value.rows.length} rows printed: --limit)\n`);
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

/**
 * The progress line while getData runs: on a terminal one line redrawn at each answer and every
 * second (elapsed time and a wait's countdown keep moving); otherwise a line per answer and per wait.
 */
async function withProgress<T>(
  session: PlaygroundSession,
  object: string,
  io: QueryIo,
  body: () => Promise<T>,
): Promise<T> {
  const started = Date.now();
  let current: ExecutionProgress | undefined;
  let drawn = false;
  const line = (): string => progressLine(object, current, Date.now() - started, Date.now());
  const redraw = (): void => {
    io.stderr(`\r\x1b[2K${line()}`);
    drawn = true;
  };
  const stop = session.backend.monitor.onProgress((progress) => {
    if (progress.functionName !== 'getData') return;
    current = { ...progress };
    if (io.stderrIsTty) redraw();
    else io.stderr(`${line()}\n`);
  });
  const ticker = io.stderrIsTty ? setInterval(redraw, 1000) : undefined;
  try {
    return await body();
  } finally {
    stop();
    clearInterval(ticker);
    if (drawn) io.stderr('\n');
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
      `${usage.requests} Jobber request${usage.requests === 1 ? '' : 's'}`,
      `cost ${usage.actualQueryCost.toLocaleString('en-US')} (requested ${usage.requestedQueryCost.toLocaleString('en-US')})`,
    );
    parts.push(`throttle waits ${usage.waits} (${formatDuration(usage.waitedMs)})`);
  }
  if (report?.answeredFrom === 'copy') parts.push('from the private copy');
  if (report?.cache) parts.push(`cache ${report.cache}`);
  if (report) parts.push(formatDuration(report.elapsedMs));
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
