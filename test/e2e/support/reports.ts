/** Helpers for the report end-to-end tests: raw records, local dates, sums over rows. */
import type { RecordCollection, RequestLogEntry } from '../../../sandbox/jobber/control-types';
import type { SandboxHandle } from '../../../sandbox/jobber/harness';
import { dateIn, type GetDataResponse, type LookerStudio } from '../../../sandbox/studio';

export type Raw = Readonly<Record<string, unknown>>;

/**
 * The config answer for a data source that reads Jobber live on every request, without the private
 * copy (on by default): for suites about the live path itself (its requests and costs, pushdown, the
 * report cache, the live reader's faults and refusals), which the copy would bypass.
 */
export const LIVE_ONLY = { privateCopy: 'false' } as const;

/** Both ways a data source reads Jobber, for the suites whose answers must not depend on it. */
export const READ_MODES = [
  { mode: 'live', config: LIVE_ONLY },
  { mode: 'private copy', config: {} },
] as const;

/** Where the last getData of a Looker Studio user was answered from (its get_data log line). */
export function answeredFrom(studio: LookerStudio): string | undefined {
  const logs = studio.executions.at(-1)?.result.logs ?? [];
  return logs.map((line) => /"event":"get_data".*"source":"(\w+)"/.exec(line.message)?.[1]).find(Boolean);
}

export async function rawRecords(
  sandbox: SandboxHandle,
  accountId: string,
  collection: RecordCollection,
): Promise<Raw[]> {
  return sandbox.control.records<Raw>(accountId, collection);
}

/** The account's calendar date (YYYY-MM-DD) of an ISO instant, by Node's time zone data. */
export function localDate(iso: unknown, timeZone: string): string | null {
  return typeof iso === 'string' ? dateIn(Date.parse(iso), timeZone) : null;
}

export function inRange(date: string | null, range: { startDate: string; endDate: string }): boolean {
  return date !== null && date >= range.startDate && date <= range.endDate;
}

export function num(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}

/** The sum of a column of a getData answer. */
export function columnSum(response: GetDataResponse, fieldName: string): number {
  const index = response.schema.findIndex((field) => field.name === fieldName);
  if (index < 0) throw new Error(`no column ${fieldName}`);
  return response.rows.reduce((sum, row) => sum + num(row.values[index]), 0);
}

export function column(response: GetDataResponse, fieldName: string): unknown[] {
  const index = response.schema.findIndex((field) => field.name === fieldName);
  if (index < 0) throw new Error(`no column ${fieldName}`);
  return response.rows.map((row) => row.values[index]);
}

/** Rows as sorted JSON lines, to compare two answers as multisets. */
export function rowSet(response: GetDataResponse): string[] {
  return response.rows.map((row) => JSON.stringify(row.values)).sort();
}

export function byId(records: readonly Raw[]): Map<unknown, Raw> {
  return new Map(records.map((record) => [record['id'], record]));
}

/** The row of a getData answer whose `invoiceId` column holds this id, by field name. */
export function invoiceRow(
  response: GetDataResponse,
  invoiceId: unknown,
): Record<string, unknown> | undefined {
  const index = column(response, 'invoiceId').indexOf(invoiceId);
  if (index < 0) return undefined;
  const values = response.rows[index]?.values ?? [];
  return Object.fromEntries(response.schema.map((field, position) => [field.name, values[position]]));
}

/** The sequence number of the sandbox's last logged request: what came after it is new. */
export async function logMark(sandbox: SandboxHandle): Promise<number> {
  return (await sandbox.control.requests.list()).at(-1)?.seq ?? 0;
}

/** The GraphQL requests the sandbox logged after `mark`. */
export async function graphqlSince(sandbox: SandboxHandle, mark: number): Promise<RequestLogEntry[]> {
  return (await sandbox.control.requests.list(mark)).filter((entry) => entry.endpoint === 'graphql');
}
