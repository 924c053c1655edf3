import { selectionOf, upsert } from '../../src/replica/columns';
import { emptyState, parseState, REPLICA_FORMAT, type ReplicaState } from '../../src/replica/state';

function sampleState(): ReplicaState {
  const base = emptyState('A1', 'invoices', selectionOf(['id', 'invoiceNumber', 'amounts.total']));
  return {
    ...base,
    records: upsert(
      base.records,
      [
        { id: 'I1', invoiceNumber: '1', amounts: { total: 3 } },
        { id: 'I2', invoiceNumber: '2', amounts: null },
      ],
      { keys: ['invoiceNumber', 'amounts'], insert: true },
    ),
    coverage: { issuedDate: [{ start: 0, end: 100 }] },
    watermark: 90,
    clockSyncedAt: 91,
    reconciled: { at: 80, lastRefresh: 1700000000000 },
    verifiedAt: null,
    tasks: [
      {
        kind: 'coverage',
        dateField: 'issuedDate',
        slices: [
          { start: 100, end: 150 },
          { start: 150, end: 200 },
        ],
        columns: ['amounts', 'invoiceNumber'],
        total: 12,
        done: 4,
        startedAt: 95,
      },
    ],
  };
}

/** The stored JSON, loosely typed so a test can corrupt any part of it. */
interface Stored {
  [key: string]: Stored | Stored[] | unknown;
  records: { ids: unknown[]; columns: Record<string, unknown> };
  coverage: Record<string, unknown>;
  tasks: Array<Record<string, unknown>>;
}

const roundTrip = (state: unknown): ReplicaState | null => parseState(JSON.parse(JSON.stringify(state)));

describe('replica state as stored', () => {
  it('reads back exactly what was saved', () => {
    const state = sampleState();
    expect(roundTrip(state)).toEqual(state);
    expect(roundTrip(emptyState('A', 'visits', {}))).toEqual(emptyState('A', 'visits', {}));
  });

  it('is no replica when the format is another one', () => {
    expect(roundTrip({ ...sampleState(), format: REPLICA_FORMAT + 1 })).toBeNull();
  });

  it.each([
    ['a column shorter than the ids', (s: Stored) => (s.records.columns.amounts = [null])],
    ['a column the selection does not name', (s: Stored) => (s.records.columns.other = [1, 2])],
    ['an id that is not a string', (s: Stored) => (s.records.ids[0] = 7)],
    [
      'overlapping coverage',
      (s: Stored) =>
        (s.coverage.issuedDate = [
          { start: 0, end: 10 },
          { start: 5, end: 20 },
        ]),
    ],
    ['a task of an unknown kind', (s: Stored) => ((s.tasks[0] ?? {}).kind = 'rebuild')],
    ['a watermark that is not a number', (s: Stored) => (s.watermark = '90')],
    ['a reconciliation without its time', (s: Stored) => (s.reconciled = { lastRefresh: null })],
    ['no records at all', (s: Stored) => delete (s as Partial<Stored>).records],
  ])('is no replica with %s', (_name, corrupt) => {
    const stored = JSON.parse(JSON.stringify(sampleState())) as Stored;
    corrupt(stored);
    expect(parseState(stored)).toBeNull();
  });
});
