import { TimeZone } from '../core/time-zone';
import { ID_BLOCK, type AccountSpec } from './accounts';
import type { CollectionName, Collections, RecordOf } from './collections';
import type { InvoiceRecord, JobRecord, VisitRecord } from './records';
import {
  CLOCK_STATUS_FIELDS,
  invoiceStatusAt,
  jobStatusAt,
  periodAt,
  statusChanges,
  visitStatusAt,
  type VisitStatus,
} from './statuses';

/**
 * One Jobber account's records, with lookups by id and by foreign key built on first use, and
 * the statuses Jobber derives from the clock when they are read. Whoever changes records says so
 * (`changed`), which drops what was derived from them.
 */
export class AccountData {
  private readonly byIdIndexes = new Map<CollectionName, Map<number, unknown>>();
  private readonly childIndexes = new Map<string, Map<number, unknown[]>>();
  private readonly lastIds = new Map<string, number>();
  private statusChangeInstants: number[] | undefined;
  private changes = 0;
  readonly zone: TimeZone;

  constructor(
    readonly spec: AccountSpec,
    readonly records: Collections,
    /** The instant the history ends at (the sandbox clock when the data was generated). */
    readonly generatedAt: number,
  ) {
    this.zone = new TimeZone(spec.timeZone);
  }

  get id(): number {
    return this.spec.index;
  }

  /** How many times records were changed since generation: lists built before are stale. */
  get revision(): number {
    return this.changes;
  }

  /**
   * Records of a collection were changed. `membership`: some were added or removed, so its id
   * index goes; `references`: some point elsewhere now, so the indexes by foreign key go.
   */
  changed(collection: CollectionName, what: { membership: boolean; references: boolean }): void {
    this.changes++;
    this.statusChangeInstants = undefined;
    if (what.membership) this.byIdIndexes.delete(collection);
    if (what.membership || what.references) {
      for (const key of [...this.childIndexes.keys()])
        if (key.startsWith(`${collection}.`)) this.childIndexes.delete(key);
    }
  }

  /** A new id for a record of the collection: one above any it ever had, so ids are never reused. */
  newId(collection: CollectionName): number {
    return this.nextOf(collection, () =>
      (this.records[collection] as readonly { id: number }[]).map(({ id }) => id),
    );
  }

  /** A new id for an object nested in records of the collection (a client's email). */
  newNestedId(collection: CollectionName, key: string): number {
    return this.nextOf(`${collection}.${key}`, () =>
      (this.records[collection] as readonly object[]).flatMap((record) => {
        const list: unknown = (record as Record<string, unknown>)[key];
        return Array.isArray(list) ? list.map((item: { id?: unknown }) => Number(item.id ?? 0)) : [];
      }),
    );
  }

  private nextOf(series: string, existing: () => readonly number[]): number {
    const last =
      this.lastIds.get(series) ??
      existing().reduce((highest, id) => Math.max(highest, id), this.spec.index * ID_BLOCK);
    this.lastIds.set(series, last + 1);
    return last + 1;
  }

  visitStatus(visit: VisitRecord, now: number): VisitStatus {
    return visitStatusAt(visit, now, this.zone);
  }

  invoiceStatus(invoice: InvoiceRecord, now: number): string {
    return invoiceStatusAt(invoice, now, this.zone);
  }

  jobStatus(job: JobRecord, now: number): string {
    return jobStatusAt(job, this.childrenOf('visits', 'jobId', job.id), now, this.zone);
  }

  /** The clock-derived fields of a record at `now` (statuses.ts), or none for its collection. */
  clockStatuses(collection: CollectionName, record: object, now: number): Record<string, string> {
    if (collection === 'visits')
      return { [CLOCK_STATUS_FIELDS.visits]: this.visitStatus(record as VisitRecord, now) };
    if (collection === 'jobs')
      return { [CLOCK_STATUS_FIELDS.jobs]: this.jobStatus(record as JobRecord, now) };
    if (collection === 'invoices')
      return { [CLOCK_STATUS_FIELDS.invoices]: this.invoiceStatus(record as InvoiceRecord, now) };
    return {};
  }

  /**
   * Which period between two status changes `now` falls in (statuses.ts): lists filtered or sorted
   * by a status are valid for one period of one revision.
   */
  statusPeriod(now: number): number {
    this.statusChangeInstants ??= statusChanges(this.records.visits, this.records.invoices, this.zone);
    return periodAt(this.statusChangeInstants, now);
  }

  /** Timesheets and job costing are generated on first access (see generate.ts): this triggers it. */
  ensureTimeSheets(): number {
    return this.records.timeSheetEntries.length;
  }

  find<C extends CollectionName>(collection: C, id: number | null | undefined): RecordOf<C> | undefined {
    if (id === null || id === undefined) return undefined;
    let index = this.byIdIndexes.get(collection);
    if (!index) {
      index = new Map();
      for (const record of this.records[collection]) index.set(record.id, record);
      this.byIdIndexes.set(collection, index);
    }
    return index.get(id) as RecordOf<C> | undefined;
  }

  /** Records of a collection whose `key` (a foreign key or a list of them) contains parentId. */
  childrenOf<C extends CollectionName>(collection: C, key: string, parentId: number): RecordOf<C>[] {
    const indexKey = `${collection}.${key}`;
    let index = this.childIndexes.get(indexKey);
    if (!index) {
      index = buildChildIndex(this.records[collection], key);
      this.childIndexes.set(indexKey, index);
    }
    return (index.get(parentId) ?? []) as RecordOf<C>[];
  }
}

function buildChildIndex(records: readonly object[], key: string): Map<number, unknown[]> {
  const index = new Map<number, unknown[]>();
  const add = (parentId: unknown, record: object): void => {
    if (typeof parentId !== 'number') return;
    const list = index.get(parentId);
    if (list) list.push(record);
    else index.set(parentId, [record]);
  };
  for (const record of records) {
    const value: unknown = (record as Record<string, unknown>)[key];
    if (Array.isArray(value)) for (const parentId of value) add(parentId, record);
    else add(value, record);
  }
  return index;
}
