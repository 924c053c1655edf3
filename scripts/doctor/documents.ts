/**
 * Every GraphQL document the connector's catalog can send Jobber, one check per thing a report can
 * use: each object with every field, each field alone, the first-page count, each pushed-down filter
 * with every value it may send, each date option (a range filter, or the newest-first sort), and the
 * queries that re-read a record's long nested lists. `npm run doctor` validates them against Jobber's
 * introspected schema; test/catalog/graphql-validation.test.ts against the sandbox's.
 */
import { CATALOG } from '../../src/catalog/catalog';
import { filterableValues } from '../../src/catalog/enums';
import { buildObjectQuery, buildPathQuery } from '../../src/catalog/query';
import { pathsOf } from '../../src/replica/columns';
import { replicatedObject, WHOLE } from '../../src/replica/plan';
import type { CatalogObject, DateOption, FieldDef, Pushdown } from '../../src/catalog/types';
import type { ConnectionQuery } from '../../src/jobber';
import type { JsonObject, JsonValue } from '../../src/json';

export type CheckKind = 'object' | 'count' | 'field' | 'filter' | 'date' | 'nested' | 'copy';

export interface DocumentCheck {
  readonly object: CatalogObject;
  readonly kind: CheckKind;
  /** What the check is about: a field id, a filter argument, a date field id, a nested list. */
  readonly name: string;
  /** What a report builder calls it: the field or date option label. */
  readonly label: string;
  /** The documents and the variables they are sent with (the first page's). */
  readonly requests: readonly CheckedRequest[];
}

export interface CheckedRequest {
  readonly document: string;
  readonly variables: JsonObject;
}

/** Stand-ins for values a report supplies: an id and a date range. */
const SAMPLE_ID = 'MTIzNDU=';
const SAMPLE_AFTER = '2024-01-01T00:00:00Z';
const SAMPLE_BEFORE = '2024-02-01T00:00:00Z';
const SAMPLE_RANGE: JsonObject = { after: SAMPLE_AFTER, before: SAMPLE_BEFORE };

export function catalogChecks(objects: readonly CatalogObject[] = CATALOG): DocumentCheck[] {
  return objects.flatMap((object) => [
    objectCheck(object),
    countCheck(object),
    ...object.fields.map((field) => fieldCheck(object, field)),
    ...object.fields.flatMap((field) => (field.pushdown ? [filterCheck(object, field, field.pushdown)] : [])),
    ...object.dateOptions.map((option) => dateCheck(object, option)),
    ...buildObjectQuery(object, object.fields, undefined).nested.map((nested) =>
      nestedCheck(object, nested.field),
    ),
    ...copyChecks(object),
  ]);
}

/**
 * The private copy's reads (docs/replica.md): what changed (its change signal), the records whose
 * clock-derived values moved, a slice's count, and the ids-only deletions pass.
 */
function copyChecks(object: CatalogObject): DocumentCheck[] {
  const replication = object.replication;
  if (!replication) return [];
  const replicated = replicatedObject(object, replication);
  const key = replication.sliceBy ?? WHOLE;
  const paths = pathsOf(replicated.selectionFor(object.fields, key));
  const read = (filter: JsonObject | undefined, extra: JsonObject = {}): CheckedRequest =>
    request(buildPathQuery(object, paths, filter, { sorted: 'sort' in extra }).root, extra);
  const { changes } = replication;
  const since = changes.kind === 'since' ? changes.arguments : [];
  const sorted =
    changes.kind === 'newestFirst' || changes.kind === 'newestFirstUntilKnown' ? [changes.sort] : [];
  const slice =
    key === WHOLE
      ? undefined
      : replicated.filterFor(key, { start: Date.parse(SAMPLE_AFTER), end: Date.parse(SAMPLE_BEFORE) });
  const countRoot = buildPathQuery(object, ['__typename'], slice).root;
  return [
    ...since.map((argument) =>
      check(object, 'copy', `changes:${argument}`, `changed since (${argument})`, [
        read({ [argument]: { after: SAMPLE_AFTER } }),
      ]),
    ),
    ...sorted.map((sort) =>
      check(object, 'copy', 'changes:newestFirst', 'changed, newest first', [read(undefined, { sort })]),
    ),
    ...(replication.clockFilters ?? []).map((argument) =>
      check(object, 'copy', `clock:${argument}`, `clock window on ${argument}`, [
        read({ [argument]: SAMPLE_RANGE }),
      ]),
    ),
    check(object, 'copy', 'slice', `a slice of ${key} and its count`, [
      read(slice),
      request({ ...countRoot, document: countRoot.countDocument ?? countRoot.document }),
    ]),
    check(object, 'copy', 'ids', 'the deletions pass (ids only)', [
      request(buildPathQuery(object, ['id'], slice).root),
    ]),
  ];
}

/** A date option alone: its range filter or newest-first sort, reading only the date itself. */
function dateCheck(object: CatalogObject, option: DateOption): DocumentCheck {
  const date = object.fields.filter((field) => field.id === option.fieldId);
  const filter = option.filterArgument === undefined ? undefined : { [option.filterArgument]: SAMPLE_RANGE };
  const query = buildObjectQuery(object, date, filter, { sorted: option.newestFirst !== undefined }).root;
  const sort: JsonObject = option.newestFirst === undefined ? {} : { sort: option.newestFirst };
  return check(object, 'date', option.fieldId, option.label, [request(query, sort)]);
}

/** The re-read of one record's nested list, with every field that reads from that list. */
function nestedCheck(object: CatalogObject, connection: string): DocumentCheck {
  const fields = object.rowsFrom
    ? object.fields.filter((field) => field.scope === 'node')
    : object.fields.filter((field) => field.select.some((path) => path.startsWith(`${connection}.`)));
  const nested = buildObjectQuery(object, fields, undefined).nested.find(
    (query) => query.field === connection,
  );
  const reread = nested?.forRecord(SAMPLE_ID);
  const requests = reread
    ? [request(reread), request({ ...reread, document: reread.countDocument ?? reread.document })]
    : [];
  return check(object, 'nested', connection, `${connection} of one record`, requests);
}

function objectCheck(object: CatalogObject): DocumentCheck {
  const query = buildObjectQuery(object, object.fields, undefined);
  return check(object, 'object', object.id, `${object.label}, every field`, [request(query.root)]);
}

/** The first page's record count, selecting nothing else. */
function countCheck(object: CatalogObject): DocumentCheck {
  const root = buildObjectQuery(object, [], undefined).root;
  return check(object, 'count', 'totalCount', 'record count on the first page', [
    request({ ...root, document: root.countDocument ?? root.document }),
  ]);
}

function fieldCheck(object: CatalogObject, field: FieldDef): DocumentCheck {
  const query = buildObjectQuery(object, [field], undefined);
  const requests = [query.root, ...query.nested.map((nested) => nested.forRecord(SAMPLE_ID))].map((query) =>
    request(query),
  );
  return check(object, 'field', field.id, field.label, requests);
}

function filterCheck(object: CatalogObject, field: FieldDef, pushdown: Pushdown): DocumentCheck {
  const requests = sampleValues(pushdown).map((value) =>
    request(buildObjectQuery(object, [field], { [pushdown.argument]: value }).root),
  );
  return check(object, 'filter', pushdown.argument, field.label, requests);
}

function sampleValues(pushdown: Pushdown): JsonValue[] {
  if (pushdown.kind === 'enum') return filterableValues(pushdown.enumName);
  if (pushdown.kind === 'boolean') return [true, false];
  return [SAMPLE_ID];
}

function request(query: ConnectionQuery, extra: JsonObject = {}): CheckedRequest {
  return { document: query.document, variables: { first: 10, after: null, ...query.variables, ...extra } };
}

function check(
  object: CatalogObject,
  kind: CheckKind,
  name: string,
  label: string,
  requests: readonly CheckedRequest[],
): DocumentCheck {
  return { object, kind, name, label, requests };
}
