/**
 * A report table from a replica: the records whose date lies in the report's window, rebuilt as the
 * nodes Jobber answered and turned into rows by the catalog's row builder, exactly as the live path
 * does with the nodes it reads.
 */
import {
  buildTable,
  rowSources,
  type CatalogObject,
  type FieldDef,
  type RowContext,
  type Table,
} from '../catalog';
import type { JsonObject } from '../json';
import { nodeAt, type Records } from './columns';
import type { Interval } from './coverage';

export interface AnswerWindow {
  /** The date field the report's range applies to. */
  readonly field: FieldDef;
  /** The exact instants of the range (start included, end excluded). */
  readonly range: Interval;
}

export function answerTable(
  object: CatalogObject,
  records: Records,
  fields: readonly FieldDef[],
  window: AnswerWindow | undefined,
  context: RowContext,
): Table {
  const nodes: JsonObject[] = [];
  for (let index = 0; index < records.ids.length; index++) {
    const node = nodeAt(records, index);
    if (window) {
      const date = window.field.read(node, context);
      if (typeof date !== 'number' || date < window.range.start || date >= window.range.end) continue;
    }
    nodes.push(node);
  }
  return buildTable(fields, rowSources(object, nodes), context);
}
