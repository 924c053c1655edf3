/** The catalog's public shape: the rules every object and field follows. */
import { CATALOG, findField, findObject } from '../../src/catalog/catalog';
import { buildObjectQuery, selectionPaths } from '../../src/catalog/query';
import { nestedConnections, subtree, treeOf } from '../../src/catalog/selection';
import type { CatalogObject, FieldDef } from '../../src/catalog/types';
import { ZonedTime } from '../../src/catalog/zoned-time';
import type { JsonObject } from '../../src/jobber/api';
import { countingFormatDate } from '../support/format-date';

const objects = CATALOG.map((object): [string, CatalogObject] => [object.id, object]);

/**
 * A node that has every path, recording which ones a field's reader touches. A list (`nodes`) holds
 * one such node, so readers of nested lists are exercised too.
 */
function recordingNode(touched: Set<string>, prefix = ''): JsonObject {
  return new Proxy({} as JsonObject, {
    get(_target, key) {
      if (typeof key === 'symbol') return undefined;
      const path = prefix === '' ? key : `${prefix}.${key}`;
      touched.add(path);
      return key === 'nodes' ? [recordingNode(touched, path)] : recordingNode(touched, path);
    },
  });
}

/** The paths a field's reader touches on its node. */
function pathsRead(field: FieldDef): string[] {
  const touched = new Set<string>();
  const time = new ZonedTime(countingFormatDate(), 'America/Denver');
  field.read(recordingNode(touched), { time, today: 20_000 });
  return [...touched];
}

function isWithin(path: string, selected: readonly string[]): boolean {
  return selected.some((candidate) => candidate === path || candidate.startsWith(`${path}.`));
}

describe('the catalog', () => {
  it('offers the 15 Jobber objects under stable ids', () => {
    expect(CATALOG.map((object) => object.id).sort()).toEqual(
      [
        'clients',
        'properties',
        'requests',
        'quotes',
        'quoteLineItems',
        'jobs',
        'jobLineItems',
        'visits',
        'invoices',
        'invoiceLineItems',
        'payments',
        'expenses',
        'timesheets',
        'products',
        'users',
      ].sort(),
    );
    expect(findObject('invoices')?.label).toBe('Invoices');
    expect(findObject('nope')).toBeUndefined();
  });
});

describe.each(objects)('%s', (_id, object) => {
  it('has unique camelCase field ids with a label, a description and a group', () => {
    const ids = object.fields.map((field) => field.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const field of object.fields) {
      expect(field.id).toMatch(/^[a-z][a-zA-Z0-9]*$/);
      expect(field.label.length).toBeGreaterThan(0);
      expect(field.description.length).toBeGreaterThanOrEqual(15);
      expect(field.group.length).toBeGreaterThan(0);
    }
  });

  it('has a record count and a default dimension and metric of the right kind', () => {
    expect(
      object.fields.some((field) => field.concept === 'METRIC' && field.read({}, undefined as never) === 1),
    ).toBe(true);
    expect(findField(object, object.defaultDimension)?.concept).toBe('DIMENSION');
    expect(findField(object, object.defaultMetric)?.concept).toBe('METRIC');
  });

  it('applies date ranges to its own date fields, read from the record Jobber filters', () => {
    for (const option of object.dateOptions) {
      const field = findField(object, option.fieldId);
      expect(field?.type).toMatch(/^YEAR_MONTH_DAY/);
      expect(field?.scope).toBe(object.rowsFrom ? 'parent' : 'node');
      expect(field?.select).toHaveLength(1);
      expect([option.filterArgument, option.newestFirst].filter((way) => way !== undefined)).toHaveLength(1);
      if (option.newestFirst !== undefined) expect(object.root.sortType).toBeDefined();
    }
    expect(object.root.filterType !== undefined || object.dateOptions.length === 0).toBe(true);
  });

  it('only nests connections directly under the record, which its singular query can complete', () => {
    const tree = treeOf(selectionPaths(object, object.fields));
    const nested = nestedConnections(tree);
    if (nested.length > 0) expect(object.root.singular).toBeDefined();
    for (const path of selectionPaths(object, object.fields)) {
      const segments = path.split('.');
      const deeper = segments.slice(1).indexOf('nodes');
      if (deeper >= 0) expect(nested).toContain(segments[deeper]);
    }
    for (const name of nested) expect(subtree(tree, name)?.children.has('nodes')).toBe(true);
  });

  it('pushes filters down only for dimensions read from the filtered record', () => {
    for (const field of object.fields.filter((candidate) => candidate.pushdown)) {
      expect(field.concept).toBe('DIMENSION');
      expect(field.scope).toBe(object.rowsFrom ? 'parent' : 'node');
      expect(object.root.filterType).toBeDefined();
    }
  });

  it('reads nothing it does not select, so the record id is never read by accident', () => {
    for (const field of object.fields) {
      const unselected = pathsRead(field).filter((path) => !isWithin(path, field.select));
      expect({ field: field.id, unselected }).toEqual({ field: field.id, unselected: [] });
    }
  });

  it('selects the record id only for a field that reads it or a nested list that may need completing', () => {
    for (const field of object.fields) {
      const paths = selectionPaths(object, [field]);
      const needsId =
        (field.scope === (object.rowsFrom ? 'parent' : 'node') && field.select.includes('id')) ||
        nestedConnections(treeOf(paths)).length > 0;
      expect({ field: field.id, id: paths.includes('id') }).toEqual({ field: field.id, id: needsId });
    }
  });

  it('selects only what the requested fields need', () => {
    const [first] = object.fields;
    if (!first) throw new Error('no fields');
    const query = buildObjectQuery(object, [first], undefined);
    const all = buildObjectQuery(object, object.fields, undefined);
    expect(query.root.costPerNode).toBeLessThan(all.root.costPerNode);
    expect(query.root.document.length).toBeLessThan(all.root.document.length);
  });
});
