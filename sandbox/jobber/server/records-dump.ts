import { encodeId } from '../core/ids';
import { formatInstant } from '../core/time-zone';
import type { AccountData } from '../data/account-data';
import { COLLECTIONS, referencesOf, type CollectionName } from '../data/collections';

/**
 * Raw records as JSON, the ground truth tests compute expected numbers from: ids become Jobber
 * EncodedIds (the same strings GraphQL returns), instants ISO 8601 UTC, everything else as stored,
 * plus the statuses Jobber derives from the clock as they read at `now` (data/statuses.ts). The
 * registry (data/collections.ts) says which kind every id and every reference has.
 */
export function dumpCollection(data: AccountData, collection: CollectionName, now: number): unknown[] {
  return (data.records[collection] as readonly object[]).map(recordDumper(data, collection, now));
}

/** One record as the dump shows it. */
export function dumpRecord(
  data: AccountData,
  collection: CollectionName,
  record: object,
  now: number,
): Record<string, unknown> {
  return recordDumper(data, collection, now)(record);
}

function recordDumper(
  data: AccountData,
  collection: CollectionName,
  now: number,
): (record: object) => Record<string, unknown> {
  const spec = COLLECTIONS[collection];
  const referenceKinds = new Map(
    referencesOf(collection).map((reference) => [reference.key, COLLECTIONS[reference.to].kind]),
  );
  const referenceKind = (key: string): string | undefined => referenceKinds.get(key);
  return (record) => ({
    ...convert(record, spec.kind, referenceKind, spec.nested ?? {}),
    ...data.clockStatuses(collection, record, now),
  });
}

function convert(
  record: object,
  kind: string,
  referenceKind: (key: string) => string | undefined,
  nested: Readonly<Record<string, string>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    out[key] = convertField(key, value, kind, referenceKind(key), nested[key]);
  }
  return out;
}

function convertField(
  key: string,
  value: unknown,
  kind: string,
  referenceKind: string | undefined,
  nestedKind: string | undefined,
): unknown {
  if (key === 'id' && typeof value === 'number') return encodeId(kind, value);
  if (referenceKind) {
    if (Array.isArray(value)) return value.map((id: number) => encodeId(referenceKind, id));
    return typeof value === 'number' ? encodeId(referenceKind, value) : value;
  }
  if (typeof value === 'number' && isInstantKey(key)) return formatInstant(value);
  if (nestedKind && Array.isArray(value))
    return value.map((item: object) => convert(item, nestedKind, noReferences, {}));
  return value;
}

/** Nested objects (a client's emails) hold no references, only ids of their own kind. */
const noReferences = (): undefined => undefined;

/** Stored instants end in `At` or `Date`, or are called `date` (conventions in data/records.ts). */
export function isInstantKey(key: string): boolean {
  return key.endsWith('At') || key.endsWith('Date') || key === 'date';
}
