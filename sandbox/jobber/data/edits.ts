/**
 * Changing an account's records as Jobber's users do, between two reads: create, update, delete
 * and touch, with what each moves elsewhere (docs/sandbox.md, "What moves updatedAt"):
 * - the record itself gets `updatedAt` = now (when its kind has one); a new one also `createdAt`;
 * - what it is part of is recomputed and touched (a line item's parent, a payment's invoice);
 * - what only sums it is recomputed, its `updatedAt` stays (a client's balance, a job's costing);
 * - nothing else moves: renaming a client leaves its invoices as they were.
 * Deleting follows the registry's onDelete rules (data/collections.ts).
 */
import type { AccountData } from './account-data';
import { BLANKS } from './blank-records';
import { COLLECTIONS, referencesOf, referencesTo, type CollectionName, type RecordOf } from './collections';
import { checkFields, checkRequired, fail, type Fields } from './edit-checks';
import { recompute } from './recompute';

export { EditError, type Fields } from './edit-checks';

type Stored = Record<string, unknown>;

/** A record as its fields by name (the registry names them by string). */
const fieldsOf = (record: object): Stored => record as Stored;

/** A new record: the collection's blank, the fields laid over it, then what it derives. */
export function createRecord<C extends CollectionName>(
  data: AccountData,
  collection: C,
  fields: Fields,
  now: number,
): RecordOf<C> {
  prepare(data);
  const id = data.newId(collection);
  const record = BLANKS[collection]({ data, id, now, given: fields });
  checkFields(data, collection, fields, record, true);
  Object.assign(record, withNestedIds(data, collection, fields));
  recompute(data, collection, record);
  checkRequired(collection, record);
  (data.records[collection] as RecordOf<C>[]).push(record);
  data.changed(collection, { membership: true, references: true });
  propagate(data, collection, undefined, record, now);
  return record;
}

/** Changes fields of a record (none: only its updatedAt moves, a "touch"). */
export function updateRecord<C extends CollectionName>(
  data: AccountData,
  collection: C,
  id: number,
  fields: Fields,
  now: number,
): RecordOf<C> {
  prepare(data);
  const record = data.find(collection, id);
  if (!record) fail(`The account has no ${COLLECTIONS[collection].kind} with that id`, 404);
  checkFields(data, collection, fields, record, false);
  const before = { ...record };
  Object.assign(record, withNestedIds(data, collection, fields));
  recompute(data, collection, record);
  if ('updatedAt' in record) fieldsOf(record).updatedAt = now;
  const moved = referencesOf(collection).some(({ key }) => key in fields);
  data.changed(collection, { membership: false, references: moved });
  propagate(data, collection, before, record, now);
  return record;
}

/** Updates `count` records spread over the collection, a different set each time; their ids. */
export function touchRecords(
  data: AccountData,
  collection: CollectionName,
  count: number,
  fields: Fields,
  now: number,
): number[] {
  const records = data.records[collection] as readonly { id: number }[];
  if (!Number.isInteger(count) || count < 1 || count > records.length)
    fail(`count must be a whole number from 1 to the ${records.length} ${collection} the account has`);
  const sample = records[0] ?? {};
  if (Object.keys(fields).length === 0 && !('updatedAt' in sample))
    fail(`${collection} have no updatedAt: give the fields to change`);
  const rounds = touchRounds.get(data) ?? new Map<CollectionName, number>();
  touchRounds.set(data, rounds);
  const round = rounds.get(collection) ?? 0;
  rounds.set(collection, round + 1);
  // Evenly spread over the stored order (oldest first), shifted each round by a large prime.
  const step = records.length / count;
  const offset = (round * 7_919) % records.length;
  const chosen = Array.from({ length: count }, (_, position) => {
    const record = records[(Math.floor(position * step) + offset) % records.length];
    return record?.id ?? 0;
  });
  return chosen.map((id) => updateRecord(data, collection, id, fields, now).id);
}

/** How many times each collection of an account was touched: the next touch picks other records. */
const touchRounds = new WeakMap<AccountData, Map<CollectionName, number>>();

/** Deletes a record and, by the registry's rules, what cannot outlive it; the ids of all deleted. */
export function deleteRecord(
  data: AccountData,
  collection: CollectionName,
  id: number,
  now: number,
): Map<CollectionName, number[]> {
  prepare(data);
  const record = data.find(collection, id);
  if (!record) fail(`The account has no ${COLLECTIONS[collection].kind} with that id`, 404);
  if (collection === 'users' && (record as RecordOf<'users'>).isAccountOwner)
    fail('The account owner cannot be deleted', 409);
  const doomed = cascade(data, collection, id);
  refuseRestricted(data, collection, doomed);
  const removed: [CollectionName, object][] = [];
  const detached = new Set<CollectionName>();
  for (const [name, ids] of doomed) {
    for (const holders of detachSurvivors(data, name, ids, doomed)) detached.add(holders);
    const kept = (data.records[name] as readonly { id: number }[]).filter((item) => {
      if (!ids.has(item.id)) return true;
      removed.push([name, item]);
      return false;
    });
    (data.records as Record<CollectionName, object[]>)[name] = kept;
  }
  // The indexes go once everything is removed and let go of, not after every step.
  for (const name of doomed.keys()) data.changed(name, { membership: true, references: true });
  for (const name of detached) data.changed(name, { membership: false, references: true });
  for (const [name, item] of removed) propagate(data, name, item, undefined, now);
  return new Map([...doomed].map(([name, ids]) => [name, [...ids]]));
}

/** The record and, transitively, every record whose reference to a doomed one cascades. */
function cascade(
  data: AccountData,
  collection: CollectionName,
  id: number,
): Map<CollectionName, Set<number>> {
  const doomed = new Map<CollectionName, Set<number>>([[collection, new Set([id])]]);
  const queue: [CollectionName, number][] = [[collection, id]];
  for (let next = queue.shift(); next; next = queue.shift()) {
    const [name, parentId] = next;
    for (const reference of referencesTo(name)) {
      if (reference.onDelete !== 'cascade') continue;
      for (const child of data.childrenOf(reference.from, reference.key, parentId) as { id: number }[]) {
        const set = doomed.get(reference.from) ?? new Set<number>();
        doomed.set(reference.from, set);
        if (set.has(child.id)) continue;
        set.add(child.id);
        queue.push([reference.from, child.id]);
      }
    }
  }
  return doomed;
}

function refuseRestricted(
  data: AccountData,
  collection: CollectionName,
  doomed: ReadonlyMap<CollectionName, ReadonlySet<number>>,
): void {
  for (const [name, ids] of doomed) {
    for (const reference of referencesTo(name)) {
      if (reference.onDelete !== 'restrict') continue;
      const holders = [...ids].flatMap((id) =>
        (data.childrenOf(reference.from, reference.key, id) as { id: number }[]).filter(
          (holder) => !doomed.get(reference.from)?.has(holder.id),
        ),
      );
      if (holders.length > 0)
        fail(
          `Cannot delete this ${COLLECTIONS[collection].kind}: ${holders.length} ${reference.from} still point at ${name === collection ? 'it' : `its ${name}`} through ${reference.key} (delete or change them first)`,
          409,
        );
    }
  }
}

/**
 * Empties or shortens the references surviving records hold to doomed ones (their updatedAt
 * stays); returns the collections whose records it changed.
 */
function detachSurvivors(
  data: AccountData,
  name: CollectionName,
  ids: ReadonlySet<number>,
  doomed: ReadonlyMap<CollectionName, ReadonlySet<number>>,
): CollectionName[] {
  const changed = new Set<CollectionName>();
  for (const reference of referencesTo(name)) {
    if (reference.onDelete !== 'nullify' && reference.onDelete !== 'remove') continue;
    for (const id of ids) {
      for (const holder of data.childrenOf(reference.from, reference.key, id) as { id: number }[]) {
        if (doomed.get(reference.from)?.has(holder.id)) continue;
        const fields = fieldsOf(holder);
        const value = fields[reference.key];
        fields[reference.key] = Array.isArray(value) ? value.filter((other) => other !== id) : null;
        changed.add(reference.from);
      }
    }
  }
  return [...changed];
}

/**
 * What a change to a record moves in the records it points at, before and after the change:
 * `touch` recomputes them and moves their updatedAt, `recompute` only recomputes; then on up.
 */
function propagate(
  data: AccountData,
  collection: CollectionName,
  before: object | undefined,
  after: object | undefined,
  now: number,
): void {
  for (const reference of referencesOf(collection)) {
    if (!reference.effect) continue;
    const ids = new Set([...idsIn(before, reference.key), ...idsIn(after, reference.key)]);
    for (const id of ids) {
      const target = data.find(reference.to, id);
      if (!target) continue;
      const previous = { ...target };
      recompute(data, reference.to, target);
      if (reference.effect === 'touch' && 'updatedAt' in target) fieldsOf(target).updatedAt = now;
      data.changed(reference.to, { membership: false, references: false });
      propagate(data, reference.to, previous, target, now);
    }
  }
}

function idsIn(record: object | undefined, key: string): number[] {
  const value = record ? fieldsOf(record)[key] : undefined;
  if (Array.isArray(value)) return value.filter((id): id is number => typeof id === 'number');
  return typeof value === 'number' ? [value] : [];
}

/** Nested objects given without an id (a client's new email) get one. */
function withNestedIds(data: AccountData, collection: CollectionName, fields: Fields): Fields {
  const nested = COLLECTIONS[collection].nested ?? {};
  const out: Stored = { ...fields };
  for (const key of Object.keys(nested)) {
    const list = fields[key];
    if (!Array.isArray(list)) continue;
    out[key] = list.map((item: Stored) =>
      'id' in item ? item : { id: data.newNestedId(collection, key), ...item },
    );
  }
  return out;
}

/** Timesheets and job costing are generated on first use: before any change, so they see the history. */
function prepare(data: AccountData): void {
  data.ensureTimeSheets();
}
