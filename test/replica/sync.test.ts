import { invoices } from '../../src/catalog/objects/invoices';
import type { JsonObject } from '../../src/jobber/api';
import { DEFAULT_SYNC_SETTINGS, type SyncContext } from '../../src/replica/changes';
import { nodeAt } from '../../src/replica/columns';
import { EVERYTHING, type Interval } from '../../src/replica/coverage';
import { replicatedObject, type Need } from '../../src/replica/plan';
import { emptyState, type ReplicaState } from '../../src/replica/state';
import { preparedFor, syncReplica, waitingFor, type Progress } from '../../src/replica/sync';
import { contextOn, fieldsOf } from '../catalog/objects/helpers';
import { MemoryJobber } from './memory-jobber';

const object = replicatedObject(invoices, {
  changes: { kind: 'since', arguments: ['updatedAt'] },
  sliceBy: 'createdAt',
  clockFilters: ['dueDate'],
  related: [{ field: 'client', object: 'clients', argument: 'updatedAt' }],
});
const context = contextOn('2026-06-30');
const DAY = 86_400_000;
const T0 = Date.parse('2026-06-30T12:00:00Z');
const iso = (ms: number): string => new Date(ms).toISOString();

function invoice(n: number, overrides: Partial<Record<string, string | number>> = {}): JsonObject {
  const created = Date.parse('2024-01-01T00:00:00Z') + n * DAY;
  return {
    id: `I${n}`,
    invoiceNumber: String(n),
    issuedDate: iso(created),
    dueDate: iso(created + 30 * DAY),
    createdAt: iso(created),
    updatedAt: iso(created + DAY),
    amounts: { total: n },
    ...overrides,
  };
}

class World {
  now = T0;
  readonly jobber: MemoryJobber;
  state: ReplicaState = emptyState('A1', 'invoices', {});
  saves = 0;

  constructor(options: ConstructorParameters<typeof MemoryJobber>[0] = {}) {
    this.jobber = new MemoryJobber(options);
  }

  sync(need: Need, lastRefresh: number | null = null): { waiting: Progress | null } {
    this.jobber.newExecution();
    const sync: SyncContext = {
      object,
      port: this.jobber,
      now: () => this.now,
      rowContext: context,
      settings: DEFAULT_SYNC_SETTINGS,
    };
    this.state = syncReplica(this.state, { needs: [need], lastRefresh }, sync, () => this.saves++);
    return { waiting: waitingFor(this.state, need) };
  }

  held(): Record<string, JsonObject> {
    const byId: Record<string, JsonObject> = {};
    this.state.records.ids.forEach((id, index) => (byId[id] = nodeAt(this.state.records, index)));
    return byId;
  }
}

function need(fieldIds: string[], coverage: { key: string; interval: Interval }): Need {
  return { selection: object.selectionFor(fieldsOf(invoices, fieldIds), coverage.key), coverage };
}

const allTime = need(['invoiceNumber', 'total'], { key: 'createdAt', interval: EVERYTHING });

describe('a replica sync', () => {
  it('reads everything the first time, then only what changed', () => {
    const world = new World();
    for (let n = 0; n < 50; n++) world.jobber.put(invoice(n));
    expect(world.sync(allTime).waiting).toBeNull();
    expect(Object.keys(world.held())).toHaveLength(50);
    expect(world.held()['I7']).toMatchObject({ invoiceNumber: '7', amounts: { total: 7 } });

    world.now += 60_000;
    world.jobber.put({ ...invoice(7), amounts: { total: 70 }, updatedAt: iso(world.now - 1000) });
    world.jobber.put(invoice(50, { createdAt: iso(world.now - 500), updatedAt: iso(world.now - 500) }));
    expect(world.sync(allTime).waiting).toBeNull();
    expect(world.held()['I7']).toMatchObject({ amounts: { total: 70 } });
    expect(world.held()['I50']).toBeDefined();
    const filters = world.jobber.reads.map((read) => Object.keys(read.filter ?? {}));
    expect(filters).toEqual([['updatedAt'], ['dueDate']]);
  });

  it('finds deletions when the reconciliation is due, and at once on "Refresh data"', () => {
    const world = new World();
    for (let n = 0; n < 20; n++) world.jobber.put(invoice(n));
    world.sync(allTime);
    world.jobber.remove('I3');
    world.now += 60_000;
    world.sync(allTime);
    expect(world.held()['I3']).toBeDefined();
    world.now += 60_000;
    world.sync(allTime, T0 + 100_000);
    expect(world.held()['I3']).toBeUndefined();

    world.jobber.remove('I4');
    world.now += DEFAULT_SYNC_SETTINGS.reconcileMs;
    world.sync(allTime, T0 + 100_000);
    expect(world.held()['I4']).toBeUndefined();
  });

  it('grows to a new window, keeping only records inside what it covers', () => {
    const world = new World();
    for (let n = 0; n < 100; n++) world.jobber.put(invoice(n));
    const window = { start: Date.parse('2024-02-01T00:00:00Z'), end: Date.parse('2024-03-01T00:00:00Z') };
    const february = need(['invoiceNumber'], object.coverageFor(invoices.dateOptions[0], window));
    expect(world.sync(february).waiting).toBeNull();
    const held = Object.keys(world.held());
    expect(held).toContain('I31');
    expect(held).toContain('I59');
    expect(held).not.toContain('I80');
    const march = { start: window.end, end: Date.parse('2024-04-01T00:00:00Z') };
    world.sync(need(['invoiceNumber'], object.coverageFor(invoices.dateOptions[0], march)));
    expect(Object.keys(world.held())).toContain('I80');
  });

  it('fills a column a chart asks for the first time for every record it holds', () => {
    const world = new World();
    for (let n = 0; n < 10; n++) world.jobber.put(invoice(n));
    world.sync(allTime);
    expect(world.held()['I2']).not.toHaveProperty('issuedDate');
    world.now += 1000;
    expect(world.sync(need(['invoiceNumber', 'issuedDate'], allTime.coverage)).waiting).toBeNull();
    expect(world.held()['I2']).toMatchObject({ issuedDate: invoice(2)['issuedDate'] });
  });

  it('never calls a state ready for a column or window no sync took on', () => {
    const world = new World();
    for (let n = 0; n < 10; n++) world.jobber.put(invoice(n));
    world.sync(allTime);
    const newColumn = need(['invoiceNumber', 'issuedDate'], allTime.coverage);
    expect(preparedFor(world.state, newColumn, world.now)).toBe(false);
    expect(waitingFor(world.state, newColumn)).toEqual({ done: 0, total: null });
    const window = { start: Date.parse('2024-02-01T00:00:00Z'), end: Date.parse('2024-03-01T00:00:00Z') };
    const byIssued = need(['invoiceNumber'], object.coverageFor(invoices.dateOptions[0], window));
    expect(preparedFor(world.state, byIssued, world.now)).toBe(false);
    expect(waitingFor(world.state, byIssued)).not.toBeNull();
    expect(preparedFor(world.state, allTime, world.now)).toBe(true);
    expect(waitingFor(world.state, allTime)).toBeNull();
  });

  it('has taken on a need whose backfill did not fit yet: its progress is the answer', () => {
    const world = new World({ pointsPerExecution: 1200 });
    for (let n = 0; n < 300; n++) world.jobber.put(invoice(n));
    expect(world.sync(allTime).waiting).not.toBeNull();
    expect(preparedFor(world.state, allTime, world.now)).toBe(true);
  });

  it('continues a backfill too large for one execution from its checkpoint, never answering early', () => {
    const world = new World({ pointsPerExecution: 1200 });
    for (let n = 0; n < 300; n++) world.jobber.put(invoice(n));
    const first = world.sync(allTime);
    expect(first.waiting).not.toBeNull();
    expect(first.waiting?.total).toBe(300);
    expect(first.waiting?.done).toBeGreaterThan(0);
    let result = first;
    for (let execution = 0; execution < 10 && result.waiting; execution++) {
      world.now += 60_000;
      result = world.sync(allTime);
    }
    expect(result.waiting).toBeNull();
    expect(Object.keys(world.held()).sort()).toEqual([...world.jobber.records.keys()].sort());
  });

  it('reads a day that costs more than one slice whole, never cutting it finer than Jobber’s date filter sees', () => {
    // Jobber filters issued dates by day (the filter is widened by a day on each side): a slice
    // narrower than that reads the same records again, so cutting a dense day into seconds would
    // read it once per second and never finish.
    const world = new World({ pointsPerPath: 50, pointsPerExecution: 200_000 });
    for (let n = 0; n < 100; n++)
      world.jobber.put(invoice(1000 + n, { id: `D${n}`, issuedDate: '2024-02-10T07:00:00Z' }));
    for (let n = 0; n < 100; n++) world.jobber.put(invoice(n));
    const window = { start: Date.parse('2024-02-01T00:00:00Z'), end: Date.parse('2024-03-01T00:00:00Z') };
    const february = need(['invoiceNumber'], object.coverageFor(invoices.dateOptions[0], window));
    let result = world.sync(february);
    const day = Date.parse('2024-02-10T07:00:00Z');
    const readsOfTheDay = (): number =>
      world.jobber.reads.filter((read) => {
        const range = read.filter?.['issuedDate'] as { after?: string; before?: string } | undefined;
        return (
          range !== undefined && Date.parse(range.after ?? '') < day && Date.parse(range.before ?? '') > day
        );
      }).length;
    let reads = readsOfTheDay();
    for (let execution = 0; execution < 3 && result.waiting; execution++) {
      world.now += 60_000;
      result = world.sync(february);
      reads += readsOfTheDay();
    }
    expect(result.waiting).toBeNull();
    expect(Object.keys(world.held()).filter((id) => id.startsWith('D'))).toHaveLength(100);
    expect(reads).toBeLessThanOrEqual(4);
  });

  it('counts each record once in its progress, though the reads of neighbouring slices overlap', () => {
    // Each slice's filter is widened by a day on each side, so a record near a cut is read twice.
    const world = new World({ pointsPerPath: 20, pointsPerExecution: 1_500 });
    for (let n = 0; n < 300; n++)
      world.jobber.put(invoice(Math.floor(n / 5), { id: `I${n}`, invoiceNumber: String(n) }));
    const window = { start: Date.parse('2024-01-01T00:00:00Z'), end: Date.parse('2024-03-01T00:00:00Z') };
    const byIssued = need(['invoiceNumber'], object.coverageFor(invoices.dateOptions[0], window));
    const seen: Progress[] = [];
    let result = world.sync(byIssued);
    for (let execution = 0; execution < 60 && result.waiting; execution++) {
      seen.push(result.waiting);
      expect(result.waiting.done).toBeLessThanOrEqual(Object.keys(world.held()).length);
      expect(result.waiting.done).toBeLessThanOrEqual(result.waiting.total ?? 0);
      world.now += 60_000;
      result = world.sync(byIssued);
    }
    expect(result.waiting).toBeNull();
    expect(seen.length).toBeGreaterThan(3);
    expect(Object.keys(world.held())).toHaveLength(300);

    // A new column is filled slice by slice too; its reads carry no dates, the records held do.
    const withTotal = need(['invoiceNumber', 'total'], byIssued.coverage);
    world.now += 60_000;
    const filling = world.sync(withTotal).waiting;
    expect(filling?.done).toBeGreaterThan(0);
    expect(filling?.done).toBeLessThanOrEqual(filling?.total ?? 0);
  });

  it('re-reads records whose due date passed, so a clock-derived status cannot go stale', () => {
    const world = new World();
    world.jobber.put(invoice(1, { dueDate: iso(T0 + 2 * 3_600_000) }));
    world.sync(allTime);
    world.now += 5 * 3_600_000;
    world.sync(allTime);
    const dueRead = world.jobber.reads.find((read) => read.filter && 'dueDate' in read.filter);
    expect(dueRead).toBeDefined();
  });

  it('follows a renamed client into every record that shows it, though their own updatedAt did not move', () => {
    const world = new World();
    const client = { id: 'C1', name: 'Acme', updatedAt: iso(T0 - DAY) };
    world.jobber.related.set('clients', new Map([['C1', client]]));
    for (let n = 0; n < 3; n++) world.jobber.put({ ...invoice(n), client: { id: 'C1', name: 'Acme' } });
    const withClient = need(['invoiceNumber', 'clientName'], allTime.coverage);
    world.sync(withClient);
    expect(world.held()['I1']).toMatchObject({ client: { id: 'C1', name: 'Acme' } });
    world.now += 60_000;
    world.jobber.related.set(
      'clients',
      new Map([['C1', { ...client, name: 'Acme Ltd', updatedAt: iso(world.now - 1) }]]),
    );
    world.sync(withClient);
    expect(Object.values(world.held()).map((record) => record['client'])).toEqual([
      { id: 'C1', name: 'Acme Ltd' },
      { id: 'C1', name: 'Acme Ltd' },
      { id: 'C1', name: 'Acme Ltd' },
    ]);
  });
});
