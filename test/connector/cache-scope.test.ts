/**
 * The cache scope names everything that decides the rows: a configuration or request key that is
 * neither in the scope nor listed, with a reason, as not changing the rows fails here (and a key
 * forgotten in the tables fails the type check first).
 */
import { CONFIG_SCOPE, REQUEST_SCOPE, cacheScope } from '../../src/connector/cache-scope';
import { getData, type ReportTableCache } from '../../src/connector/data';
import { parseDataRequest } from '../../src/connector/data-request';
import { FakeJobberApi } from '../support/fake-jobber-api';
import { reportPlatform } from '../support/report-platform';

/** A request that sets every option the configuration has. */
const FULL = {
  configParams: { object: 'invoices', dateField: 'issuedDate', currency: 'CAD', cacheMinutes: '30' },
  fields: [{ name: 'total' }],
  dateRange: { startDate: '2024-03-01', endDate: '2024-03-31' },
  dimensionsFilters: [
    [{ fieldName: 'invoiceStatus', type: 'INCLUDE', operator: 'EQUALS', values: ['Paid'] }],
  ],
  scriptParams: { sampleExtraction: false, lastRefresh: '1718000000000' },
};

/** One variant per key, changing only that key. */
const VARIANTS: Record<string, object> = {
  object: { configParams: { ...FULL.configParams, object: 'quotes', dateField: 'createdAt' } },
  dateOption: { configParams: { ...FULL.configParams, dateField: 'dueDate' } },
  currency: { configParams: { ...FULL.configParams, currency: 'EUR' } },
  cacheMinutes: { configParams: { ...FULL.configParams, cacheMinutes: '5' } },
  privateCopy: { configParams: { ...FULL.configParams, privateCopy: 'false' } },
  reconcileMinutes: { configParams: { ...FULL.configParams, reconcileMinutes: '15' } },
  fields: { fields: [{ name: 'balanceDue' }] },
  range: { dateRange: { startDate: '2024-03-01', endDate: '2024-04-30' } },
  dimensionsFilters: { dimensionsFilters: [] },
  sampleExtraction: { scriptParams: { ...FULL.scriptParams, sampleExtraction: true } },
  lastRefresh: { scriptParams: { ...FULL.scriptParams, lastRefresh: '1719000000000' } },
};

const scopeOf = (raw: object, pushed = {}) => cacheScope('account-1', parseDataRequest(raw), pushed);
const inScope = (rule: unknown): boolean => typeof rule === 'function';

describe('the cache scope', () => {
  const parsed = parseDataRequest(FULL);
  const { config, ...request } = parsed;

  it.each(Object.keys(config))(
    'decides about configuration key "%s": in the scope, or a reason it is not',
    (key) => {
      const rule: unknown = (CONFIG_SCOPE as Record<string, unknown>)[key];
      expect(rule).toBeDefined();
      if (!inScope(rule)) expect((rule as { outOfScope: string }).outOfScope.length).toBeGreaterThan(10);
    },
  );

  it.each(Object.keys(request))(
    'decides about request key "%s": in the scope, or a reason it is not',
    (key) => {
      const rule: unknown = (REQUEST_SCOPE as Record<string, unknown>)[key];
      expect(rule).toBeDefined();
      if (!inScope(rule)) expect((rule as { outOfScope: string }).outOfScope.length).toBeGreaterThan(10);
    },
  );

  it('has a variant for every key, so the next test covers them all', () => {
    expect(Object.keys(VARIANTS).sort()).toEqual([...Object.keys(config), ...Object.keys(request)].sort());
  });

  it.each(Object.entries(VARIANTS))(
    'changes with "%s" exactly when its rule puts it in the scope',
    (key, change) => {
      const rules: Record<string, unknown> = { ...CONFIG_SCOPE, ...REQUEST_SCOPE };
      const changed = scopeOf({ ...FULL, ...change });
      if (inScope(rules[key])) expect(changed).not.toEqual(scopeOf(FULL));
      else expect(changed).toEqual(scopeOf(FULL));
    },
  );

  it('holds the account, the object, the date and range, and the filter pushed down to Jobber', () => {
    expect(scopeOf(FULL, { status: 'paid' })).toEqual({
      accountId: 'account-1',
      object: 'invoices',
      dateOption: 'issuedDate',
      range: { startDate: '2024-03-01', endDate: '2024-03-31' },
      filter: { status: 'paid' },
    });
    expect(scopeOf(FULL, { status: 'draft' })).not.toEqual(scopeOf(FULL, { status: 'paid' }));
  });

  it('is the same for "all time" whatever date range Looker Studio sends', () => {
    const allTime = { ...FULL, configParams: { ...FULL.configParams, dateField: 'allTime' } };
    const other = { ...allTime, dateRange: { startDate: '2020-01-01', endDate: '2020-01-31' } };
    expect(scopeOf(allTime)).toEqual(scopeOf(other));
    expect(scopeOf(allTime)).toMatchObject({ dateOption: null, range: null });
  });

  it.each(Object.entries(VARIANTS))(
    'changes with "%s" whenever the key changes what Jobber is asked for (besides the fields)',
    (_key, change) => {
      const changed = fetchOf({ ...FULL, ...change });
      const full = fetchOf(FULL);
      if (changed.asked !== full.asked) expect(changed.scope).not.toEqual(full.scope);
    },
  );
});

/**
 * What getData asks Jobber for, except the selection (entries cover field sets) and a sample's size
 * (a sample never goes through the cache): the connection, its variables and its order; and the
 * scope it gives the cache.
 */
function fetchOf(raw: object): { asked: string; scope: object | undefined } {
  const api = new FakeJobberApi(() => []);
  let scope: object | undefined;
  const cache: ReportTableCache = {
    getOrFetch: (given, fieldIds, fetch) => ((scope = given), { table: fetch(fieldIds), source: 'miss' }),
  };
  getData({ platform: reportPlatform(), jobberApi: () => api, cache }, raw);
  const asked = api.reads.map((read) => [read.query.path, read.query.variables, read.options?.sort ?? null]);
  return { asked: JSON.stringify(asked), scope };
}
