/**
 * What the control API accepts as a record's fields (stored form: numbers for ids and instants):
 * only fields the record has, of the type it holds, null only where the field may be empty, ids of
 * records that exist; never an id, a clock (createdAt, updatedAt), a field derived from other
 * records (recompute.ts) or from the clock (statuses.ts). Each refusal says what to do instead.
 */
import type { AccountData } from './account-data';
import { BLANKS, NESTED_BLANKS, OBJECT_SHAPES } from './blank-records';
import { COLLECTIONS, referencesOf, type CollectionName, type RecordReference } from './collections';
import { RECOMPUTED } from './recompute';
import { CLOCK_STATUS_FIELDS } from './statuses';

/** A refused edit: 400 for a bad request, 404 for a record that does not exist, 409 for a conflict. */
export class EditError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

/** What is written instead of a clock-derived status. */
const STATUS_INSTEAD: Readonly<Record<string, string>> = {
  visits: 'set completedAt (or the schedule: startAt, endAt)',
  jobs: 'set onHold, or change its visits',
  invoices: 'set issuedDate, dueDate or isBadDebt, or record a payment',
};

export type Fields = Readonly<Record<string, unknown>>;

/**
 * Checks fields for a record of the collection. `current` is the record being changed, or the
 * blank a new record starts from.
 */
export function checkFields(
  data: AccountData,
  collection: CollectionName,
  fields: Fields,
  current: object,
  creating: boolean,
): void {
  const references = new Map(referencesOf(collection).map((reference) => [reference.key, reference]));
  const blank = blankOf(data, collection);
  for (const [key, value] of Object.entries(fields)) {
    refuseUnwritable(collection, key, current);
    const reference = references.get(key);
    const was = (current as Record<string, unknown>)[key];
    if (reference?.fixed && !creating && JSON.stringify(value) !== JSON.stringify(was))
      fail(
        `${collection}.${key} is fixed when the record is made: Jobber moves no record to another ${COLLECTIONS[reference.to].kind}`,
      );
    const nullable = blank[key] === null || reference?.onDelete === 'nullify';
    checkValue(
      `${collection}.${key}`,
      value,
      was ?? blank[key] ?? OBJECT_SHAPES[key],
      nullable,
      key in NESTED_BLANKS,
    );
    if (reference) checkReferenced(data, collection, reference, value);
  }
}

function refuseUnwritable(collection: CollectionName, key: string, current: object): void {
  if (key === 'id') fail(`${collection}.id is the sandbox's to give`);
  if (key === 'createdAt' || key === 'updatedAt')
    fail(`${collection}.${key} is the sandbox clock's: a record is made and changed at its now`);
  const statusField: string | undefined = (CLOCK_STATUS_FIELDS as Record<string, string>)[collection];
  if (key === statusField)
    fail(
      `${collection}.${key} follows the clock when read: ${STATUS_INSTEAD[collection] ?? 'change the facts'}`,
    );
  if (!(key in current))
    fail(`${collection} has no field ${key} (its fields: ${Object.keys(current).join(', ')})`);
  if (RECOMPUTED[collection]?.fields.includes(key))
    fail(
      `${collection}.${key} is derived from other records: change those (docs/sandbox.md, "What moves updatedAt")`,
    );
}

/** A blank record of the collection (id 0): which fields may be empty, the shape of each. */
export function blankOf(data: AccountData, collection: CollectionName): Record<string, unknown> {
  let blanks = blankShapes.get(data);
  if (!blanks) {
    blanks = new Map();
    blankShapes.set(data, blanks);
  }
  let blank = blanks.get(collection);
  if (!blank) {
    blank = BLANKS[collection]({ data, id: 0, now: 0, given: {} }) as unknown as Record<string, unknown>;
    blanks.set(collection, blank);
  }
  return blank;
}

/** Blanks only serve as shapes here: one per account and collection (making one may scan the records). */
const blankShapes = new WeakMap<AccountData, Map<CollectionName, Record<string, unknown>>>();

function checkValue(
  name: string,
  value: unknown,
  witness: unknown,
  nullable: boolean,
  nested: boolean,
): void {
  if (value === null) {
    if (!nullable) fail(`${name} may not be empty`);
    return;
  }
  if (witness === null || witness === undefined) {
    if (typeof value === 'object') fail(`${name} must be a number, a string or a boolean`);
    return;
  }
  if (Array.isArray(witness)) return checkList(name, value, witness, nested);
  if (typeof witness === 'object') return checkObject(name, value, witness);
  if (typeof value !== typeof witness || (typeof value === 'number' && !Number.isFinite(value)))
    fail(`${name} must be a ${typeof witness}, not ${JSON.stringify(value)}`);
}

function checkList(name: string, value: unknown, witness: readonly unknown[], nested: boolean): void {
  if (!Array.isArray(value)) fail(`${name} must be a list`);
  const key = name.split('.').pop() ?? '';
  const element = nested ? NESTED_BLANKS[key] : witness[0];
  for (const item of value as unknown[]) {
    if (nested && typeof item === 'object' && item !== null && !('id' in item))
      checkObject(name, { ...item, id: 0 }, element ?? {});
    else checkValue(`${name}[]`, item, element ?? (typeof item === 'number' ? 0 : ''), false, false);
  }
}

function checkObject(name: string, value: unknown, witness: object): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`${name} must be an object`);
  const wanted = Object.keys(witness).sort();
  const got = Object.keys(value as object).sort();
  if (JSON.stringify(wanted) !== JSON.stringify(got)) fail(`${name} must have exactly ${wanted.join(', ')}`);
  for (const key of wanted)
    checkValue(
      `${name}.${key}`,
      (value as Record<string, unknown>)[key],
      (witness as Record<string, unknown>)[key],
      true,
      false,
    );
}

function checkReferenced(
  data: AccountData,
  collection: CollectionName,
  reference: RecordReference,
  value: unknown,
): void {
  const ids = Array.isArray(value) ? (value as unknown[]) : value === null ? [] : [value];
  for (const id of ids) {
    if (typeof id !== 'number' || data.find(reference.to, id) === undefined)
      fail(
        `${collection}.${reference.key}: the account has no ${COLLECTIONS[reference.to].kind} with that id`,
      );
  }
}

/** Required references a blank leaves at 0 must have been given. */
export function checkRequired(collection: CollectionName, record: object): void {
  for (const reference of referencesOf(collection)) {
    if ((record as Record<string, unknown>)[reference.key] === 0)
      fail(`${collection}.${reference.key} is required: the ${COLLECTIONS[reference.to].kind} it belongs to`);
  }
}

export function fail(message: string, status: 400 | 404 | 409 = 400): never {
  throw new EditError(status, message);
}
