/**
 * What the private copy's figures are compared with, from the catalog and Jobber's cost rules: the
 * points per record of a chart's fields, and the columns any copy must keep besides them (the
 * record's id, to merge later changes; the date it is sliced by, for an all-time chart).
 */
import type { DateRange } from '../sandbox/studio';
import { findField, findObject } from '../src/catalog/catalog';
import { buildObjectQuery, pathsCost, selectionPaths } from '../src/catalog/query';
import type { CatalogObject, FieldDef } from '../src/catalog/types';
import { pathsOf } from '../src/replica/columns';
import { replicatedObject } from '../src/replica/plan';

/** A chart as the copy scenarios read it: its data source's object and date option, its fields. */
export interface ChartPlan {
  readonly object: string;
  /** A date option's field id, or `allTime`. */
  readonly dateField: string;
  readonly fields: readonly string[];
  /** The chart's date range; null: all time. */
  readonly range: DateRange | null;
}

/** Points per record of the chart's fields, as the live query selects them (requested cost). */
export function chartCostPerRecord(plan: ChartPlan): number {
  const object = catalogObject(plan.object);
  return buildObjectQuery(object, fieldsOf(object, plan.fields), undefined).root.costPerNode;
}

/**
 * Points per record the copy's columns cost beyond the chart's fields: the record id and the
 * slicing date when the chart does not show them (Jobber's cost rules: 1 point per field).
 */
export function copyExtraPerRecord(plan: ChartPlan): number {
  const object = catalogObject(plan.object);
  if (!object.replication) throw new Error(`${plan.object} has no private copy`);
  const fields = fieldsOf(object, plan.fields);
  const replicated = replicatedObject(object, object.replication);
  const option = object.dateOptions.find((candidate) => candidate.fieldId === plan.dateField);
  const key = replicated.coverageFor(option, option ? { start: 0, end: 1 } : undefined).key;
  const copyPaths = pathsOf(replicated.selectionFor(fields, key));
  const chartPaths = selectionPaths(object, fields).filter((path) => !path.endsWith('__typename'));
  return pathsCost(copyPaths) - pathsCost(chartPaths);
}

/** How an object names its requests, and the root filter arguments its reads of changes use. */
export interface ObjectReads {
  /** The GraphQL operation names of the object's own reads start with this (InvoicesReport…). */
  readonly operationPrefix: string;
  /** The root filter arguments its reads of changes use (`updatedAt`: after the watermark, no end). */
  readonly changeArguments: readonly string[];
}

/** How the copy's requests for this object are told apart in the request log. */
export function objectReads(objectId: string): ObjectReads {
  const replication = catalogObject(objectId).replication;
  if (!replication) throw new Error(`${objectId} has no private copy`);
  return {
    operationPrefix: `${objectId.charAt(0).toUpperCase()}${objectId.slice(1)}Report`,
    changeArguments: replication.changes.kind === 'since' ? replication.changes.arguments : [],
  };
}

function catalogObject(objectId: string): CatalogObject {
  const object = findObject(objectId);
  if (!object) throw new Error(`no catalog object ${objectId}`);
  return object;
}

function fieldsOf(object: CatalogObject, ids: readonly string[]): FieldDef[] {
  return ids.map((id) => {
    const field = findField(object, id);
    if (!field) throw new Error(`${object.id} has no field ${id}`);
    return field;
  });
}
