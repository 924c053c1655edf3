/**
 * When Jobber's schema refuses part of a report's query (a field it no longer has, a filter or sort
 * it does not accept), the user is told which of the report's fields, filters or date range use
 * it, so they can remove exactly that (docs/troubleshooting.md, "Jobber's API changed").
 */
import { selectionPaths, type CatalogObject, type FieldDef } from '../catalog';
import { isConnectorError, renameSchemaChanged, type SchemaMismatch } from '../errors';
import type { FetchPlan } from './fetch-table';

/** Runs a fetch; a schema refusal leaves it naming what of the report uses the refused part. */
export function namingSchemaMismatches<T>(plan: FetchPlan, fields: readonly FieldDef[], fetch: () => T): T {
  try {
    return fetch();
  } catch (error) {
    if (!isConnectorError(error) || error.schemaMismatches.length === 0) throw error;
    const uses = new Set(error.schemaMismatches.flatMap((mismatch) => usesOf(plan, fields, mismatch)));
    throw renameSchemaChanged(error, [...uses]);
  }
}

/** What in the report uses the refused part: quoted field labels, or its date range or a filter. */
export function usesOf(plan: FetchPlan, fields: readonly FieldDef[], mismatch: SchemaMismatch): string[] {
  const { object } = plan;
  if (mismatch.code === 'undefinedField')
    return fieldsSelecting(object, withDateField(plan, fields), mismatch);
  if (mismatch.code === 'invalidVariable') {
    if (mismatch.variable === 'sort') return dateRangeUse(plan, 'sort');
    if (mismatch.variable !== 'filter') return [];
    const arguments_ = (mismatch.valuePaths ?? []).map((path) => path[0]).filter(isText);
    return (arguments_.length > 0 ? arguments_ : Object.keys(plan.filter)).flatMap((a) =>
      filterUses(plan, a),
    );
  }
  if (mismatch.typeName === 'InputObject') return filterUses(plan, mismatch.argumentName ?? '');
  if (mismatch.fieldName === object.root.connection) {
    if (mismatch.argumentName === 'sort') return dateRangeUse(plan, 'sort');
    if (mismatch.argumentName === 'filter')
      return Object.keys(plan.filter).flatMap((argument) => filterUses(plan, argument));
  }
  return fieldsSelecting(object, withDateField(plan, fields), { ...mismatch, typeName: undefined });
}

function withDateField(plan: FetchPlan, fields: readonly FieldDef[]): readonly FieldDef[] {
  return plan.window && !fields.includes(plan.window.field) ? [...fields, plan.window.field] : fields;
}

/**
 * The fields whose GraphQL selection goes through the refused field. Jobber's path says where it
 * sits in the document (operation, root field, then the selection); without a path, any field
 * selecting a field of that name matches.
 */
function fieldsSelecting(
  object: CatalogObject,
  fields: readonly FieldDef[],
  mismatch: SchemaMismatch,
): string[] {
  const refused = relativePath(object, mismatch.documentPath);
  const name = mismatch.fieldName ?? '';
  const matching = fields.filter((field) =>
    selectionPaths(object, [field]).some((path) =>
      refused ? `${path}.`.startsWith(`${refused}.`) : path.split('.').includes(name),
    ),
  );
  return unique(matching.map((field) => quoted(field.label)));
}

/** A document path made relative to a root node, as the catalog writes selection paths. */
function relativePath(
  object: CatalogObject,
  documentPath: readonly string[] | undefined,
): string | undefined {
  if (!documentPath || documentPath.length < 3) return undefined;
  const [, root, ...rest] = documentPath;
  if (root === object.root.connection) return (rest[0] === 'nodes' ? rest.slice(1) : rest).join('.');
  if (root === object.root.singular) return rest.join('.');
  return undefined;
}

function filterUses(plan: FetchPlan, argument: string): string[] {
  const uses = plan.object.dateOptions.some(
    (option) => option.filterArgument === argument && option.fieldId === plan.window?.field.id,
  )
    ? dateRangeUse(plan, 'filter')
    : [];
  if (plan.filter[argument] === undefined) return uses;
  const filtered = plan.object.fields.filter((field) => field.pushdown?.argument === argument);
  return unique([...uses, ...filtered.map((field) => `the filter on ${quoted(field.label)}`)]);
}

function dateRangeUse(plan: FetchPlan, through: 'filter' | 'sort'): string[] {
  const option = plan.object.dateOptions.find((candidate) => candidate.fieldId === plan.window?.field.id);
  if (!option) return [];
  const used = through === 'sort' ? option.newestFirst !== undefined : option.filterArgument !== undefined;
  return used ? [`the date range on ${quoted(option.label)}`] : [];
}

function quoted(label: string): string {
  return `"${label}"`;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function isText(value: string | undefined): value is string {
  return typeof value === 'string' && value !== '';
}
