/**
 * Every document the catalog can build is valid GraphQL for Jobber's public schema as the sandbox
 * serves it: every object with every field, each field alone, the first-page count, every pushed-down
 * filter with every value it sends, every date option (newest-first sorts included) and the queries
 * that complete nested lists. The same checks `npm run doctor` runs against Jobber itself.
 */
import { catalogChecks } from '../../scripts/doctor/documents';
import { runCheck } from '../../scripts/doctor/validate';
import { CATALOG } from '../../src/catalog/catalog';
import { jobberSchema } from '../support/jobber-schema';

const checks = catalogChecks();

describe.each(CATALOG.map((object) => [object.id]))('%s', (objectId) => {
  const ofObject = checks.filter((check) => check.object.id === objectId);

  it.each(['object', 'count', 'field', 'filter', 'date', 'nested', 'copy'] as const)(
    'builds only valid %s documents',
    (kind) => {
      const failing = ofObject
        .filter((check) => check.kind === kind)
        .map((check) => runCheck(jobberSchema(), check))
        .filter((result) => result.status !== 'ok')
        .map((result) => `${result.check.name}: ${result.problems.join('; ')}`);
      expect(failing).toEqual([]);
    },
  );
});

it('checks every field, filter, date option and nested list of the catalog', () => {
  const count = (kind: string) => checks.filter((check) => check.kind === kind).length;
  expect(count('field')).toBe(CATALOG.reduce((sum, object) => sum + object.fields.length, 0));
  expect(count('filter')).toBe(
    CATALOG.flatMap((object) => object.fields).filter((field) => field.pushdown).length,
  );
  expect(count('date')).toBe(CATALOG.reduce((sum, object) => sum + object.dateOptions.length, 0));
  expect(count('nested')).toBeGreaterThan(0);
});

it('fails a document that selects a field Jobber does not have (the check above can fail)', () => {
  const [object] = CATALOG;
  if (!object) throw new Error('empty catalog');
  const bogus = { ...object.fields[0], select: ['noSuchField'] } as (typeof object.fields)[number];
  const { replication: _kept, ...live } = object;
  const [check] = catalogChecks([{ ...live, fields: [bogus], dateOptions: [] }]).filter(
    (candidate) => candidate.kind === 'field',
  );
  if (!check) throw new Error('no field check');
  expect(runCheck(jobberSchema(), check)).toMatchObject({ status: 'missing' });
});
