/**
 * Every Jobber object end to end: the built bundle in the local runtime, reading the sandbox over
 * HTTP, through the Looker Studio driver (which checks every value's format). Counts and money
 * totals for a date range equal what the sandbox's raw records say, computed here independently:
 * local dates by Node's time zone data, sums straight from the dump. Read live, and through the
 * private copy (the default) for every object that has one: the copy's rows are Jobber's.
 */
import { getNamedType, GraphQLObjectType } from 'graphql';
import type { RecordCollection } from '../../sandbox/jobber/control-types';
import {
  COLLECTION_NAMES,
  COLLECTIONS,
  isCollectionName,
  referencesOf,
} from '../../sandbox/jobber/data/collections';
import { buildSandboxSchema } from '../../sandbox/jobber/graphql/schema';
import { addDays, type DataSource, type GetDataResponse, type LookerStudio } from '../../sandbox/studio';
import { CATALOG, findObject } from '../../src/catalog/catalog';
import { buildObjectQuery } from '../../src/catalog/query';
import type { CatalogObject } from '../../src/catalog/types';
import { TOTAL_COUNT_COST } from '../../src/jobber/connection-reader';
import { useWorld, type World } from '../support/e2e';
import {
  answeredFrom,
  byId,
  columnSum,
  inRange,
  LIVE_ONLY,
  localDate,
  num,
  rawRecords,
  READ_MODES,
  type Raw,
} from './support/reports';

interface Truth {
  readonly collection: RecordCollection;
  /** The parent collection and foreign key, for line items. */
  readonly parent?: { readonly collection: RecordCollection; readonly key: string };
  /** The raw field the object's default date option reads (on the parent for line items). */
  readonly date?: string;
  readonly count: string;
  /** Field id → the value each raw record adds to its sum. */
  readonly sums: Readonly<Record<string, (record: Raw) => number>>;
}

const field = (name: string) => (record: Raw) => num(record[name]);

/**
 * What each object's report must add up to: its count field and, per summed field, what each raw
 * record adds. Which raw records an object reads, and by which date, follows from the catalog and
 * the sandbox's registry of collections (truthOf).
 */
const CHECKS: Readonly<Record<string, Pick<Truth, 'count' | 'sums'>>> = {
  invoices: {
    count: 'invoiceCount',
    sums: {
      total: field('total'),
      balanceDue: field('invoiceBalance'),
      amountPaid: field('paymentsTotal'),
      taxAmount: field('taxAmount'),
      revenueBeforeTax: (r) =>
        r['invoiceStatus'] === 'draft' ? 0 : num(r['subtotal']) - num(r['discountAmount']),
    },
  },
  invoiceLineItems: {
    count: 'lineItemCount',
    sums: { totalPrice: field('totalPrice'), quantity: field('quantity') },
  },
  payments: {
    count: 'paymentCount',
    sums: {
      amount: field('amount'),
      netAmount: (r) => (r['adjustmentType'] === 'REFUND' ? -num(r['amount']) : num(r['amount'])),
    },
  },
  quotes: { count: 'quoteCount', sums: { total: field('total') } },
  quoteLineItems: { count: 'lineItemCount', sums: { totalPrice: field('totalPrice') } },
  jobs: { count: 'jobCount', sums: { total: field('total') } },
  jobLineItems: {
    count: 'lineItemCount',
    sums: { totalPrice: field('totalPrice'), totalCost: field('totalCost') },
  },
  visits: {
    count: 'visitCount',
    sums: {
      visitDuration: (r) =>
        typeof r['startAt'] === 'string' && typeof r['endAt'] === 'string'
          ? (Date.parse(r['endAt']) - Date.parse(r['startAt'])) / 1000
          : 0,
    },
  },
  requests: { count: 'requestCount', sums: {} },
  clients: { count: 'clientCount', sums: { balance: field('balance') } },
  properties: { count: 'propertyCount', sums: {} },
  expenses: { count: 'expenseCount', sums: { total: field('total') } },
  timesheets: {
    count: 'entryCount',
    sums: { duration: field('finalDuration'), labourHours: (r) => num(r['finalDuration']) / 3600 },
  },
  products: { count: 'productCount', sums: { unitPrice: field('defaultUnitCost') } },
  users: { count: 'userCount', sums: {} },
};

const schema = buildSandboxSchema();

/** The sandbox collection whose records a catalog object's rows are: its root list, or the parent's nested one. */
function truthOf(object: CatalogObject): Truth {
  const check = CHECKS[object.id];
  if (!check) throw new Error(`${object.id}: add its count field and sums to CHECKS`);
  const root = object.root.connection;
  if (!isCollectionName(root)) throw new Error(`${object.id}: the sandbox has no collection ${root}`);
  const date = object.dateOptions[0]?.filterArgument;
  if (!object.rowsFrom) return { ...check, collection: root, date };
  const parentType = schema.getType(COLLECTIONS[root].kind);
  const list = parentType instanceof GraphQLObjectType ? parentType.getFields()[object.rowsFrom] : undefined;
  const connection = list ? getNamedType(list.type) : undefined;
  const nodes = connection instanceof GraphQLObjectType ? connection.getFields()['nodes'] : undefined;
  const kind = nodes ? getNamedType(nodes.type).name : '';
  const collection = COLLECTION_NAMES.find((name) => COLLECTIONS[name].kind === kind);
  const key = collection && referencesOf(collection).find((reference) => reference.to === root)?.key;
  if (!collection || !key) throw new Error(`${object.id}: no collection of ${kind} pointing at ${root}`);
  return { ...check, collection, parent: { collection: root, key }, date };
}

/** The sandbox's data does not change during these tests: each collection is dumped once. */
const dumps = new Map<string, Promise<Raw[]>>();
function recordsOf(world: World, accountId: string, collection: RecordCollection): Promise<Raw[]> {
  const key = `${accountId}/${collection}`;
  let dump = dumps.get(key);
  if (!dump) {
    dump = rawRecords(world.sandbox, accountId, collection);
    dumps.set(key, dump);
  }
  return dump;
}

async function expected(world: World, truth: Truth, range: { startDate: string; endDate: string }) {
  const account = world.sandbox.accounts[0];
  if (!account) throw new Error('no sandbox account');
  const records = await recordsOf(world, account.id, truth.collection);
  const parents = truth.parent ? byId(await recordsOf(world, account.id, truth.parent.collection)) : null;
  const dated = (record: Raw): Raw | undefined =>
    truth.parent && parents ? parents.get(record[truth.parent.key]) : record;
  const kept = records.filter(
    (record) => !truth.date || inRange(localDate(dated(record)?.[truth.date], account.timeZone), range),
  );
  const sums = Object.fromEntries(
    Object.entries(truth.sums).map(([id, of]) => [id, kept.reduce((sum, record) => sum + of(record), 0)]),
  );
  return { count: kept.length, sums };
}

function truthOfId(objectId: string): Truth {
  const object = findObject(objectId);
  if (!object) throw new Error(objectId);
  return truthOf(object);
}

describe('every object against the sandbox’s ground truth', () => {
  // A fixed "now" keeps the generated history, and so every expectation, the same on every run;
  // 2026-03-12 puts the US daylight saving change (March 8) inside the one-day ranges below.
  const world = useWorld({ sandbox: { size: 'tiny', clock: 'virtual', startTime: '2026-03-12T18:00:00Z' } });
  let studio: LookerStudio;
  const range = { startDate: '', endDate: '' };

  beforeAll(async () => {
    studio = await world().connect();
    const today = studio.today();
    Object.assign(range, { startDate: addDays(today, -365), endDate: addDays(today, -1) });
  });

  /** A chart of every field at once (the driver checks each value against its declared type). */
  function everyField(source: DataSource, object: CatalogObject): Promise<GetDataResponse> {
    return source.getData({ fields: object.fields.map((entry) => entry.id), dateRange: range });
  }

  async function expectGroundTruth(object: CatalogObject, response: GetDataResponse): Promise<void> {
    const truth = truthOf(object);
    const want = await expected(world(), truth, range);
    expect(want.count).toBeGreaterThan(0);
    expect(columnSum(response, truth.count)).toBe(want.count);
    for (const [id, sum] of Object.entries(want.sums)) {
      expect(`${id}: ${sum === 0 ? 'zero, proves nothing' : 'nonzero'}`).toBe(`${id}: nonzero`);
      expect(columnSum(response, id)).toBeCloseTo(sum, 2);
    }
  }

  it.each(CATALOG.map((object) => object.id))(
    '%s: counts and money totals for the last year match, at the cost the catalog estimated',
    async (objectId) => {
      const object = findObject(objectId);
      if (!object) throw new Error(objectId);
      // Live: the first request is the chart's own read, whose cost the catalog estimates.
      const source: DataSource = await studio.connect({ object: objectId, ...LIVE_ONLY });
      expect(source.config.dateRangeRequired).toBe(object.dateOptions.length > 0);
      const before = (await world().sandbox.control.requests.list()).at(-1)?.seq ?? 0;
      const response = await everyField(source, object);
      const sent = await world().sandbox.control.requests.list(before);
      const firstPage = sent.find((request) => request.endpoint === 'graphql');
      const estimate = buildObjectQuery(object, object.fields, undefined).root;
      const first = Number(firstPage?.variables?.['first']);
      // A first page read by readConnection also counts the records (totalCount, 1 point).
      const counted = firstPage?.query?.includes('totalCount') === true ? TOTAL_COUNT_COST : 0;
      expect(firstPage?.requestedCost).toBe(estimate.fixedCost + counted + first * estimate.costPerNode);
      await expectGroundTruth(object, response);
    },
  );

  const REPLICATED = CATALOG.filter((object) => object.replication).map((object) => object.id);

  it('has a private copy for every object but properties', () => {
    expect(CATALOG.map((object) => object.id).filter((id) => !REPLICATED.includes(id))).toEqual([
      'properties',
    ]);
  });

  it.each(REPLICATED)(
    '%s through the private copy: counts and money totals for the last year match',
    async (objectId) => {
      const object = findObject(objectId);
      if (!object) throw new Error(objectId);
      const source = await studio.connect({ object: objectId });
      const response = await everyField(source, object);
      expect(answeredFrom(studio)).toBe('copy');
      await expectGroundTruth(object, response);
    },
  );

  describe.each(READ_MODES)('read $mode', ({ mode, config }) => {
    it.each(['invoices', 'visits', 'timesheets'])(
      '%s: one-day ranges are cut exactly at local midnight, across a daylight saving change',
      async (objectId) => {
        const truth = truthOfId(objectId);
        const source = await studio.connect({ object: objectId, ...config });
        let seen = 0;
        for (const back of [1, 3, 4, 10, 17]) {
          const day = addDays(studio.today(), -back);
          const oneDay = { startDate: day, endDate: day };
          const response = await source.getData({ fields: [truth.count], dateRange: oneDay });
          const want = (await expected(world(), truth, oneDay)).count;
          expect(`${day}: ${columnSum(response, truth.count)}`).toBe(`${day}: ${want}`);
          seen += want;
        }
        expect(seen).toBeGreaterThan(0);
      },
    );

    const updated = (objectId: string): Truth => ({ ...truthOfId(objectId), date: 'updatedAt' });
    it.each([
      ['jobs', 'updatedAt', updated('jobs'), 'total'],
      ['jobLineItems', 'jobUpdatedAt', updated('jobLineItems'), 'totalPrice'],
    ])(
      '%s by %s: Jobber sorts but cannot filter by it, cut exactly',
      async (objectId, dateField, truth, money) => {
        const source = await studio.connect({ object: objectId, dateField, ...config });
        const recent = { startDate: addDays(studio.today(), -90), endDate: addDays(studio.today(), -1) };
        const before = (await world().sandbox.control.requests.list()).at(-1)?.seq ?? 0;
        const response = await source.getData({ fields: [truth.count, money], dateRange: recent });
        const want = await expected(world(), truth, recent);
        expect(want.count).toBeGreaterThan(0);
        expect(columnSum(response, truth.count)).toBe(want.count);
        expect(columnSum(response, money)).toBeCloseTo(want.sums[money] ?? NaN, 2);
        const sent = (await world().sandbox.control.requests.list(before)).filter(
          (entry) => entry.endpoint === 'graphql',
        );
        // The live path reads the chart's range newest first; the copy reads its own slices.
        if (mode === 'live')
          expect(sent[0]?.variables).toMatchObject({
            sort: [{ key: 'UPDATED_AT', direction: 'DESCENDING' }],
          });
        else expect(answeredFrom(studio)).toBe('copy');
      },
    );

    it('gives the README’s first chart (Balance due by Aging bucket) no blank slice: bad debt has its own', async () => {
      const account = world().sandbox.accounts[0];
      if (!account) throw new Error('no sandbox account');
      const source = await studio.connect({ object: 'invoices', dateField: 'allTime', ...config });
      const response = await source.getData({ fields: ['agingBucket', 'balanceDue'] });
      const byBucket = new Map<string, number>();
      for (const { values } of response.rows) {
        const bucket = typeof values[0] === 'string' && values[0] !== '' ? values[0] : '(blank)';
        byBucket.set(bucket, (byBucket.get(bucket) ?? 0) + num(values[1]));
      }
      const raw = await recordsOf(world(), account.id, 'invoices');
      const badDebt = raw
        .filter((record) => record['invoiceStatus'] === 'bad_debt')
        .reduce((sum, record) => sum + num(record['invoiceBalance']), 0);
      expect(badDebt).toBeGreaterThan(0);
      expect(byBucket.get('Bad debt')).toBeCloseTo(badDebt, 2);
      expect(byBucket.get('(blank)') ?? 0).toBe(0);
    });
  });

  // With the default config (the private copy): sampleExtraction requests stay on the live path.
  it('serves Looker Studio’s semantic detection from one small page', async () => {
    for (const objectId of ['invoiceLineItems', 'visits', 'timesheets']) {
      const object = findObject(objectId);
      if (!object) throw new Error(objectId);
      const source = await studio.connect({ object: objectId });
      // The copies above drained Jobber's bucket: let it refill, so the one page is not THROTTLED first.
      await world().sandbox.control.clock.advance(20_000);
      const before = (await world().sandbox.control.requests.list()).at(-1)?.seq ?? 0;
      await source.getData({ fields: object.fields.map((entry) => entry.id), sampleExtraction: true });
      const sent = (await world().sandbox.control.requests.list(before)).filter(
        (entry) => entry.endpoint === 'graphql',
      );
      expect(sent).toHaveLength(1);
      expect(Number(sent[0]?.variables?.['first'])).toBeLessThanOrEqual(10);
    }
  });
});
