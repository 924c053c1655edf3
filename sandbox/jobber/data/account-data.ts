import type { AccountSpec } from './accounts';
import type { CollectionName, Collections, RecordOf } from './collections';

/** One Jobber account's records, with lookups by id and by foreign key built on first use. */
export class AccountData {
  private readonly byIdIndexes = new Map<CollectionName, Map<number, unknown>>();
  private readonly childIndexes = new Map<string, Map<number, unknown[]>>();

  constructor(
    readonly spec: AccountSpec,
    readonly records: Collections,
    /** The instant the history ends at (the sandbox clock when the data was generated). */
    readonly generatedAt: number,
  ) {}

  get id(): number {
    return this.spec.index;
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
