/**
 * What a chart of the private copy's scenarios must answer, from the sandbox's raw records (the
 * ground truth, read without GraphQL): the count of records in the chart's range, by their local
 * date in the account's zone, and the sums of its money or duration fields. Rows are also compared
 * one by one with the live path's answer to the same chart.
 */
import type { RecordCollection } from '../sandbox/jobber/control-types';
import type { SandboxHandle } from '../sandbox/jobber/harness';
import { dateIn, type DateRange, type GetDataResponse } from '../sandbox/studio';
import { demoAccount } from './sandbox';

type Raw = Readonly<Record<string, unknown>>;

interface TruthSpec {
  readonly collection: RecordCollection;
  /** For line items: the invoice they belong to, whose date the chart's range applies to. */
  readonly parent?: { readonly collection: RecordCollection; readonly key: string };
  /** The raw date the object's default date option reads. */
  readonly date: string;
  /** The object's count field (a chart without it counts its rows). */
  readonly count: string;
  /** Per summed field: what each raw record adds. */
  readonly sums: Readonly<Record<string, (record: Raw) => number>>;
}

const num = (value: unknown): number => (typeof value === 'number' ? value : 0);
const field = (name: string) => (record: Raw) => num(record[name]);

const TRUTH: Readonly<Record<string, TruthSpec>> = {
  invoiceLineItems: {
    collection: 'invoiceLineItems',
    parent: { collection: 'invoices', key: 'invoiceId' },
    date: 'issuedDate',
    count: 'lineItemCount',
    sums: { totalPrice: field('totalPrice'), quantity: field('quantity') },
  },
  visits: {
    collection: 'visits',
    date: 'startAt',
    count: 'visitCount',
    sums: {
      visitDuration: (record) =>
        typeof record['startAt'] === 'string' && typeof record['endAt'] === 'string'
          ? (Date.parse(record['endAt']) - Date.parse(record['startAt'])) / 1000
          : 0,
    },
  },
  timesheets: {
    collection: 'timeSheetEntries',
    date: 'startAt',
    count: 'entryCount',
    sums: { duration: field('finalDuration'), labourHours: (record) => num(record['finalDuration']) / 3600 },
  },
  invoices: {
    collection: 'invoices',
    date: 'issuedDate',
    count: 'invoiceCount',
    sums: { total: field('total') },
  },
};

export interface Figure {
  readonly field: string;
  readonly expected: number;
  readonly actual: number;
}

export interface TruthCheck {
  /** Records in range (the count field's sum, or the rows when the chart has no count field). */
  readonly count: Figure;
  /** The chart's summed fields. */
  readonly sums: readonly Figure[];
  readonly equal: boolean;
}

/** The records a chart of `objectId` over `range` (undefined: all time) holds, and their sums. */
export async function expectedFigures(
  sandbox: SandboxHandle,
  objectId: string,
  range: DateRange | undefined,
): Promise<{ readonly count: number; readonly sums: Readonly<Record<string, number>> }> {
  const spec = TRUTH[objectId];
  if (!spec) throw new Error(`No ground truth for ${objectId}: add it to bench/copy-truth.ts`);
  const account = demoAccount(sandbox);
  const records = await sandbox.control.records<Raw>(account.id, spec.collection);
  const parents = spec.parent
    ? new Map(
        (await sandbox.control.records<Raw>(account.id, spec.parent.collection)).map((record) => [
          record['id'],
          record,
        ]),
      )
    : null;
  const dated = (record: Raw): Raw | undefined =>
    spec.parent && parents ? parents.get(record[spec.parent.key]) : record;
  const inRange = (record: Raw): boolean => {
    if (!range) return true;
    const value = dated(record)?.[spec.date];
    if (typeof value !== 'string') return false;
    const day = dateIn(Date.parse(value), account.timeZone);
    return day >= range.startDate && day <= range.endDate;
  };
  const kept = records.filter(inRange);
  const sums = Object.fromEntries(
    Object.entries(spec.sums).map(([id, of]) => [id, kept.reduce((sum, record) => sum + of(record), 0)]),
  );
  return { count: kept.length, sums };
}

/** A chart's answer against the raw records: its count and every summed field it shows. */
export async function checkTruth(
  sandbox: SandboxHandle,
  objectId: string,
  range: DateRange | undefined,
  response: GetDataResponse,
): Promise<TruthCheck> {
  const want = await expectedFigures(sandbox, objectId, range);
  const countField = TRUTH[objectId]?.count ?? '';
  const shown = (id: string): boolean => response.schema.some((column) => column.name === id);
  const count: Figure = {
    field: shown(countField) ? countField : 'rows',
    expected: want.count,
    actual: shown(countField) ? columnSum(response, countField) : response.rows.length,
  };
  const sums = Object.entries(want.sums)
    .filter(([id]) => shown(id))
    .map(([id, expected]) => ({ field: id, expected, actual: columnSum(response, id) }));
  const equal = count.actual === count.expected && sums.every((sum) => close(sum.actual, sum.expected));
  return { count, sums, equal };
}

/** Rows of one answer without a partner in the other (as multisets of rows): 0 when equal. */
export function unmatchedRows(first: GetDataResponse, second: GetDataResponse): number {
  const counts = new Map<string, number>();
  for (const row of first.rows) {
    const key = JSON.stringify(row.values);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let unmatched = 0;
  for (const row of second.rows) {
    const key = JSON.stringify(row.values);
    const left = counts.get(key) ?? 0;
    if (left > 0) counts.set(key, left - 1);
    else unmatched++;
  }
  for (const left of counts.values()) unmatched += left;
  return unmatched;
}

function columnSum(response: GetDataResponse, fieldName: string): number {
  const index = response.schema.findIndex((column) => column.name === fieldName);
  return response.rows.reduce((sum, row) => sum + num(toNumber(row.values[index])), 0);
}

/** Looker Studio numbers may travel as decimal strings. */
function toNumber(value: unknown): unknown {
  return typeof value === 'string' && value !== '' && !Number.isNaN(Number(value)) ? Number(value) : value;
}

/** Money and durations summed over thousands of rows: equal to the cent. */
function close(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) < 0.005 + 1e-9 * Math.abs(expected);
}
