/** Report-shaped test data: a scope, records, and a fetch that counts what it was asked. */
import type { CacheScope } from '../../src/cache';
import type { CellValue, Table } from '../../src/catalog';

/** The scope getData builds: what decides the rows besides the fields. */
export interface ReportScope extends CacheScope {
  readonly options: Readonly<Record<string, string>>;
  readonly dateRange: { readonly startDate: string; readonly endDate: string } | null;
  readonly filters: unknown;
}

export const INVOICES_Q1: ReportScope = {
  accountId: 'account-1',
  object: 'invoices',
  options: { dateField: 'issuedDate', currency: 'USD' },
  dateRange: { startDate: '2025-01-01', endDate: '2025-03-31' },
  filters: null,
};

export type RecordRow = Readonly<Record<string, CellValue>>;

export function invoices(count: number): RecordRow[] {
  return Array.from({ length: count }, (_, index) => ({
    invoiceNumber: `INV-${1000 + index}`,
    total: Math.round(index * 137.5) / 10,
    paid: index % 3 === 0,
    clientName: ['Zoë Brontë', '山田太郎', 'Ørsted Lawn & Garden', 'مرحبا', 'Émile 🌿'][index % 5] ?? null,
    dueDate: index % 4 === 0 ? null : `2025${String((index % 12) + 1).padStart(2, '0')}15`,
  }));
}

export const ALL_FIELDS = ['invoiceNumber', 'total', 'paid', 'clientName', 'dueDate'];

/** A fetch over fixed records: one row per record, the asked columns, every call recorded. */
export function recordingFetch(records: readonly RecordRow[]) {
  const calls: string[][] = [];
  const fetch = (fieldIds: readonly string[]): Table => {
    calls.push([...fieldIds]);
    return expectedTable(records, fieldIds);
  };
  return { fetch, calls };
}

export function expectedTable(records: readonly RecordRow[], fieldIds: readonly string[]): Table {
  const columns: Record<string, CellValue[]> = {};
  for (const id of fieldIds) columns[id] = records.map((record) => record[id] ?? null);
  return { rowCount: records.length, columns };
}
