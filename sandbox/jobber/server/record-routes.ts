/**
 * The control API's record changes: create, update, delete and touch records of any collection,
 * with fields written as the dump shows them (EncodedIds, ISO 8601 instants). The rules of what a
 * change moves are data/edits.ts's; this file turns the wire form into the stored one and back.
 */
import { getNamedType, GraphQLEnumType, type GraphQLSchema } from 'graphql';
import { encodeId, idOfKind } from '../core/ids';
import { ID_BLOCK } from '../data/accounts';
import { COLLECTIONS, isCollectionName, referencesOf, type CollectionName } from '../data/collections';
import {
  createRecord,
  deleteRecord,
  EditError,
  touchRecords,
  updateRecord,
  type Fields,
} from '../data/edits';
import { parseDateTime } from '../graphql/scalars';
import { HttpError } from './http';
import { dumpRecord, isInstantKey } from './records-dump';
import type { SandboxState } from './state';

export function createRoute(state: SandboxState, accountIndex: number, name: string, body: Fields): unknown {
  const collection = collectionNamed(name);
  const data = state.account(accountIndex);
  const now = state.clock.now();
  const record = edit(() =>
    createRecord(data, collection, storedFields(state.schema, collection, body), now),
  );
  return { record: dumpRecord(data, collection, record, now) };
}

export function updateRoute(state: SandboxState, name: string, encodedId: string, body: Fields): unknown {
  const collection = collectionNamed(name);
  const { data, id } = located(state, collection, encodedId);
  const now = state.clock.now();
  const record = edit(() =>
    updateRecord(data, collection, id, storedFields(state.schema, collection, body), now),
  );
  return { record: dumpRecord(data, collection, record, now) };
}

export function deleteRoute(state: SandboxState, name: string, encodedId: string): unknown {
  const collection = collectionNamed(name);
  const { data, id } = located(state, collection, encodedId);
  const deleted = edit(() => deleteRecord(data, collection, id, state.clock.now()));
  return {
    deleted: Object.fromEntries(
      [...deleted].map(([kind, ids]) => [kind, ids.map((each) => encodedIdOf(kind, each))]),
    ),
  };
}

export function touchRoute(state: SandboxState, accountIndex: number, name: string, body: Fields): unknown {
  const collection = collectionNamed(name);
  const { count, changes = {} } = body;
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes))
    throw new HttpError(400, { error: '"changes" must be an object of fields' });
  const fields = storedFields(state.schema, collection, changes as Fields);
  const data = state.account(accountIndex);
  const ids = edit(() => touchRecords(data, collection, Number(count), fields, state.clock.now()));
  return { ids: ids.map((id) => encodedIdOf(collection, id)) };
}

function collectionNamed(name: string): CollectionName {
  if (!isCollectionName(name)) throw new HttpError(404, { error: `Unknown collection ${name}` });
  return name;
}

/** The account a record's id belongs to (every account owns a block of ids) and its number. */
function located(state: SandboxState, collection: CollectionName, encodedId: string) {
  const id = idOfKind(decodeURIComponent(encodedId), COLLECTIONS[collection].kind);
  const index = id === undefined ? undefined : Math.floor(id / ID_BLOCK);
  if (id === undefined || index === undefined || !state.specs.some((spec) => spec.index === index))
    throw new HttpError(404, { error: `Not a ${COLLECTIONS[collection].kind} id of this sandbox` });
  return { data: state.account(index), id };
}

function encodedIdOf(collection: CollectionName, id: number): string {
  return encodeId(COLLECTIONS[collection].kind, id);
}

function edit<T>(change: () => T): T {
  try {
    return change();
  } catch (error) {
    if (error instanceof EditError) throw new HttpError(error.status, { error: error.message });
    throw error;
  }
}

/** Fields as the dump writes them → as the sandbox stores them; enum values checked against the schema. */
export function storedFields(schema: GraphQLSchema, collection: CollectionName, body: Fields): Fields {
  const references = new Map(referencesOf(collection).map((reference) => [reference.key, reference.to]));
  const nested = COLLECTIONS[collection].nested ?? {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const name = `${collection}.${key}`;
    const target = references.get(key);
    if (target) out[key] = decodeIds(name, value, COLLECTIONS[target].kind);
    else if (nested[key]) out[key] = nestedObjects(name, value, nested[key] ?? '');
    else if (isInstantKey(key)) out[key] = instant(name, value);
    else out[key] = checkedEnum(schema, collection, key, value);
  }
  return out;
}

function decodeIds(name: string, value: unknown, kind: string): unknown {
  if (value === null) return null;
  if (Array.isArray(value)) return value.map((item) => decodeIds(name, item, kind));
  const id = typeof value === 'string' ? idOfKind(value, kind) : undefined;
  if (id === undefined) throw new HttpError(400, { error: `${name} must be a ${kind} id (an EncodedId)` });
  return id;
}

function nestedObjects(name: string, value: unknown, kind: string): unknown {
  if (!Array.isArray(value)) throw new HttpError(400, { error: `${name} must be a list of objects` });
  return value.map((item: unknown) => {
    if (typeof item !== 'object' || item === null)
      throw new HttpError(400, { error: `${name}[] must be objects` });
    const fields = item as Record<string, unknown>;
    return 'id' in fields ? { ...fields, id: decodeIds(`${name}[].id`, fields.id, kind) } : fields;
  });
}

function instant(name: string, value: unknown): number | null {
  if (value === null) return null;
  try {
    return parseDateTime(value);
  } catch {
    throw new HttpError(400, { error: `${name} must be an ISO 8601 date and time with a zone, or null` });
  }
}

/** A field the GraphQL type serves as an enum takes one of its values. */
function checkedEnum(
  schema: GraphQLSchema,
  collection: CollectionName,
  key: string,
  value: unknown,
): unknown {
  const { kind } = COLLECTIONS[collection];
  const field = [kind, `${kind}Interface`]
    .map((name) => schema.getType(name))
    .map((type) => (type && 'getFields' in type ? type.getFields()[key] : undefined))
    .find((found) => found !== undefined);
  const named = field ? getNamedType(field.type) : undefined;
  if (!(named instanceof GraphQLEnumType) || value === null) return value;
  const values = named.getValues().map((entry) => entry.name);
  if (typeof value !== 'string' || !values.includes(value))
    throw new HttpError(400, { error: `${collection}.${key} must be one of ${values.join(', ')}` });
  return value;
}
