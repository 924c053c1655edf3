/**
 * Constructors for catalog fields. An object module lists its fields with these; each constructor
 * fixes the Looker type, the concept, the GraphQL path and how the value is read, so a plain field
 * is one line of data and only KPI fields spell out their own reading.
 */
import type { JsonObject } from '../json';
import { enumLabel, type EnumName } from './enums';
import { asBoolean, asNumber, asText, asTime, at } from './read';
import type {
  Aggregation,
  Concept,
  FieldDef,
  FieldType,
  Pushdown,
  RawValue,
  RowContext,
  Scope,
} from './types';

/** A field before it is put in a group. */
export type FieldDraft = Omit<FieldDef, 'group'>;

export interface FieldSpec {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  /** The GraphQL path, relative to the node; defaults to the id. */
  readonly path?: string;
  readonly pushdown?: Pushdown;
}

export interface MetricSpec extends FieldSpec {
  readonly aggregation?: Aggregation;
}

export interface ComputedSpec {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly type: FieldType;
  readonly concept: Concept;
  readonly aggregation?: Aggregation;
  readonly select: readonly string[];
  readonly read: (node: JsonObject, context: RowContext) => RawValue;
}

function plain(
  spec: FieldSpec,
  type: FieldType,
  concept: Concept,
  convert: (node: JsonObject, context: RowContext) => RawValue,
  aggregation?: Aggregation,
): FieldDraft {
  const path = spec.path ?? spec.id;
  return {
    id: spec.id,
    label: spec.label,
    description: spec.description,
    type,
    concept,
    ...(aggregation ? { aggregation } : {}),
    scope: 'node',
    select: [path],
    read: convert,
    ...(spec.pushdown ? { pushdown: spec.pushdown } : {}),
  };
}

function textOfType(type: FieldType) {
  return (spec: FieldSpec): FieldDraft => {
    const read = at(spec.path ?? spec.id);
    return plain(spec, type, 'DIMENSION', (node) => asText(read(node)));
  };
}

export const text = textOfType('TEXT');
export const url = textOfType('URL');
export const city = textOfType('CITY');
export const region = textOfType('REGION');
export const country = textOfType('COUNTRY');

/** A Jobber enum shown by its readable label (see enums.ts). */
export function enumeration(spec: FieldSpec & { readonly enumName: EnumName }): FieldDraft {
  const read = at(spec.path ?? spec.id);
  const field = plain(spec, 'TEXT', 'DIMENSION', (node) => {
    const value = read(node);
    return typeof value === 'string' ? enumLabel(spec.enumName, value) : null;
  });
  return { ...field, enumName: spec.enumName };
}

export function flag(spec: FieldSpec): FieldDraft {
  const read = at(spec.path ?? spec.id);
  return plain(spec, 'BOOLEAN', 'DIMENSION', (node) => asBoolean(read(node)));
}

/** A date-like value (issued, due, entry date): YYYYMMDD in the account's zone. */
export function date(spec: FieldSpec): FieldDraft {
  const read = at(spec.path ?? spec.id);
  return plain(spec, 'YEAR_MONTH_DAY', 'DIMENSION', (node, context) => asTime(read(node), context));
}

/** A moment (created, started, completed): YYYYMMDDHHmmss in the account's zone. */
export function timestamp(spec: FieldSpec): FieldDraft {
  const read = at(spec.path ?? spec.id);
  return plain(spec, 'YEAR_MONTH_DAY_SECOND', 'DIMENSION', (node, context) => asTime(read(node), context));
}

function numberOfType(type: FieldType, defaultAggregation: Aggregation) {
  return (spec: MetricSpec): FieldDraft => {
    const read = at(spec.path ?? spec.id);
    return plain(
      spec,
      type,
      'METRIC',
      (node) => asNumber(read(node)),
      spec.aggregation ?? defaultAggregation,
    );
  };
}

/** An amount in the report's currency. */
export const money = numberOfType('CURRENCY', 'SUM');
export const number = numberOfType('NUMBER', 'SUM');
/** A whole number used to group or label rows (a job number, a routing order). */
export function numberDimension(spec: FieldSpec): FieldDraft {
  const read = at(spec.path ?? spec.id);
  return plain(spec, 'NUMBER', 'DIMENSION', (node) => asNumber(read(node)));
}

export function computed(spec: ComputedSpec): FieldDraft {
  return {
    id: spec.id,
    label: spec.label,
    description: spec.description,
    type: spec.type,
    concept: spec.concept,
    ...(spec.aggregation ? { aggregation: spec.aggregation } : {}),
    scope: 'node',
    select: spec.select,
    read: spec.read,
  };
}

/** A metric that is 1 on every row: the number of records once Looker Studio sums it. */
export function recordCount(id: string, label: string, description: string): FieldDraft {
  return computed({
    id,
    label,
    description,
    type: 'NUMBER',
    concept: 'METRIC',
    aggregation: 'SUM',
    select: [],
    read: () => 1,
  });
}

/** Puts drafts in a group (the folder Looker Studio shows them in). */
export function group(name: string, drafts: readonly FieldDraft[]): FieldDef[] {
  return drafts.map((draft) => ({ ...draft, group: name }));
}

/** Marks fields as read from the parent record (for line items). */
export function fromParent(drafts: readonly FieldDraft[]): FieldDraft[] {
  return drafts.map((draft) => ({ ...draft, scope: 'parent' as Scope }));
}
