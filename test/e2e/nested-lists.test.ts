/**
 * Nested lists longer than their first page, end to end: the connector reads line items 20 at a
 * time, assigned users 5 and tags 10 at a time inside the root query, then re-reads each record
 * whose list has more through the singular query (`invoice(id:) { lineItems }`). The sandbox's big
 * projects (21–60 line items, crews of 6–8) and well-tagged clients (11–15 tags) are compared with
 * its raw records, and the request log shows which records were re-read and what each cost.
 */
import type { RecordCollection, RequestLogEntry } from '../../sandbox/jobber/control-types';
import { addDays, type ChartSpec, type GetDataResponse, type LookerStudio } from '../../sandbox/studio';
import { findObject } from '../../src/catalog/catalog';
import { buildObjectQuery } from '../../src/catalog/query';
import { NESTED_PAGE_SIZE, nestedPageSize } from '../../src/catalog/selection';
import { TOTAL_COUNT_COST } from '../../src/jobber/connection-reader';
import { useWorld, type World } from '../support/e2e';
import {
  column,
  columnSum,
  inRange,
  LIVE_ONLY,
  localDate,
  rawRecords,
  rowSet,
  type Raw,
} from './support/reports';

interface Range {
  readonly startDate: string;
  readonly endDate: string;
}

interface ListCase {
  readonly object: string;
  /** The parent records and their line items in the raw dump, and the item's key to its parent. */
  readonly parents: RecordCollection;
  readonly items: RecordCollection;
  readonly parentKey: string;
  /** The date option of the report and the raw parent field it reads. */
  readonly dateField: string;
  readonly rawDate: string;
  /** The singular query that re-reads one parent, as it appears in the query text. */
  readonly singular: string;
}

const LINE_ITEM_CASES: readonly ListCase[] = [
  {
    object: 'invoiceLineItems',
    parents: 'invoices',
    items: 'invoiceLineItems',
    parentKey: 'invoiceId',
    dateField: 'issuedDate',
    rawDate: 'issuedDate',
    singular: 'invoice(id:',
  },
  {
    object: 'quoteLineItems',
    parents: 'quotes',
    items: 'quoteLineItems',
    parentKey: 'quoteId',
    dateField: 'quoteCreatedAt',
    rawDate: 'createdAt',
    singular: 'quote(id:',
  },
  {
    object: 'jobLineItems',
    parents: 'jobs',
    items: 'jobLineItems',
    parentKey: 'jobId',
    dateField: 'jobCreatedAt',
    rawDate: 'createdAt',
    singular: 'job(id:',
  },
];

describe('records whose nested list is longer than its first page', () => {
  // The same fixed "now" as the ground-truth tests: the same generated history on every run.
  const world = useWorld({ sandbox: { size: 'tiny', clock: 'virtual', startTime: '2026-03-12T18:00:00Z' } });
  let studio: LookerStudio;

  beforeAll(async () => {
    studio = await world().connect();
  });

  /**
   * The re-reads counted here are the live path's: each chart reads its own range with
   * privateCopy 'false'. The private copy (the default) must answer the same rows (sameFromCopy).
   */
  const live = (config: Record<string, string>) => studio.connect({ ...config, ...LIVE_ONLY });

  async function expectSameFromCopy(
    config: Record<string, string>,
    chart: ChartSpec,
    fromLive: GetDataResponse,
  ): Promise<void> {
    const copy = await studio.connect(config);
    expect(rowSet(await copy.getData(chart))).toEqual(rowSet(fromLive));
  }

  /** The list's longest record, about six weeks around it, and what the raw records say of them. */
  async function lineItemScene(list: ListCase) {
    const { timeZone, id: accountId } = account(world());
    const parents = await rawRecords(world().sandbox, accountId, list.parents);
    const itemsOf = groupBy(await rawRecords(world().sandbox, accountId, list.items), list.parentKey);
    const lineCount = (parent: Raw | undefined): number => itemsOf.get(parent?.['id'])?.length ?? 0;
    const longest = parents
      .filter((parent) => typeof parent[list.rawDate] === 'string')
      .sort((a, b) => lineCount(b) - lineCount(a))[0];
    expect(lineCount(longest)).toBeGreaterThan(NESTED_PAGE_SIZE);
    const range = around(localDate(longest?.[list.rawDate], timeZone), studio.today());
    const inWindow = parents.filter((parent) => inRange(localDate(parent[list.rawDate], timeZone), range));
    expect(inWindow.length).toBeGreaterThan(1);
    const lineIds = (of: readonly Raw[]): string[] =>
      sorted(of.flatMap((parent) => itemsOf.get(parent['id']) ?? []).map((item) => item['id']));
    return { longest, range, inWindow, lineCount, lineIds };
  }

  const LINE_FIELDS = ['lineItemId', 'name', 'quantity', 'totalPrice'];

  it.each(LINE_ITEM_CASES)(
    '$object: every line of a record with more than 20, re-reading only those records',
    async (list) => {
      const scene = await lineItemScene(list);
      const source = await live({ object: list.object, dateField: list.dateField });
      const { response, sent } = await withLog(world(), () =>
        source.getData({ fields: LINE_FIELDS, dateRange: scene.range }),
      );

      expect(sorted(column(response, 'lineItemId'))).toEqual(scene.lineIds(scene.inWindow));
      const reread = sent.filter((entry) => entry.query?.includes(list.singular));
      const needed = scene.inWindow.filter((parent) => scene.lineCount(parent) > NESTED_PAGE_SIZE);
      expect(sorted(reread.map((entry) => entry.variables?.['id']))).toEqual(
        sorted(needed.map((p) => p['id'])),
      );
      expectEstimatedCost(list.object, LINE_FIELDS, reread);

      // A chart asking for fewer fields is served whole from the cache, without asking Jobber.
      const { response: cached, sent: none } = await withLog(world(), () =>
        source.getData({ fields: ['lineItemId'], dateRange: scene.range }),
      );
      expect(none).toEqual([]);
      expect(sorted(column(cached, 'lineItemId'))).toEqual(scene.lineIds(scene.inWindow));
      await expectSameFromCopy(
        { object: list.object, dateField: list.dateField },
        { fields: LINE_FIELDS, dateRange: scene.range },
        response,
      );
    },
  );

  it('a re-read that Jobber throttles waits for the bucket and reads the whole list, its page unchanged', async () => {
    const list = LINE_ITEM_CASES[0] as ListCase;
    const scene = await lineItemScene(list);
    const source = await live({ object: list.object, dateField: list.dateField, cacheMinutes: '0' });
    const operationName = 'InvoiceLineItemsReportMoreLineItems';
    await world().sandbox.control.faults.inject({ kind: 'throttled', operationName, times: 6 });
    const { response, sent } = await withLog(world(), () =>
      source.getData({ fields: LINE_FIELDS, dateRange: scene.range }),
    );

    expect(sorted(column(response, 'lineItemId'))).toEqual(scene.lineIds(scene.inWindow));
    const reread = sent.filter((entry) => entry.operationName === operationName);
    expect(reread.filter((entry) => entry.fault === 'throttled')).toHaveLength(6);
    // Only a page Jobber counts above the whole bucket shrinks (docs/reliability.md): a THROTTLED
    // re-read is retried as it was, so the throttling adds no pages.
    const sizes = new Set(reread.map((entry) => entry.variables?.['first']));
    expect(sizes.size).toBe(1);
    const longestPages = reread.filter(
      (entry) => entry.outcome === 'ok' && entry.variables?.['id'] === scene.longest?.['id'],
    );
    expect(longestPages).toHaveLength(1);
  });

  it('clients: every tag of a client with more than 10, re-reading only those clients', async () => {
    const { timeZone, id: accountId } = account(world());
    const clients = await rawRecords(world().sandbox, accountId, 'clients');
    const tagsOf = (client: Raw | undefined): string[] => {
      const tags = client?.['tags'];
      return Array.isArray(tags) ? tags.map(String) : [];
    };
    const wellTagged = clients.find((client) => tagsOf(client).length > nestedPageSize('tags'));
    expect(wellTagged).toBeDefined();
    const range = around(localDate(wellTagged?.['createdAt'], timeZone), studio.today());
    const inWindow = clients.filter((client) => inRange(localDate(client['createdAt'], timeZone), range));

    const source = await live({ object: 'clients', dateField: 'createdAt' });
    const fields = ['clientId', 'tags'];
    const { response, sent } = await withLog(world(), () => source.getData({ fields, dateRange: range }));

    const tagsById = new Map(
      column(response, 'clientId').map((id, row) => [String(id), column(response, 'tags')[row]]),
    );
    expect([...tagsById.keys()].sort()).toEqual(sorted(inWindow.map((client) => client['id'])));
    for (const client of inWindow) {
      const tags = tagsOf(client);
      expect(tagsById.get(String(client['id']))).toBe(tags.length > 0 ? tags.join(', ') : null);
    }
    const reread = sent.filter((entry) => entry.query?.includes('client(id:'));
    const needed = inWindow.filter((client) => tagsOf(client).length > nestedPageSize('tags'));
    expect(sorted(reread.map((entry) => entry.variables?.['id']))).toEqual(
      sorted(needed.map((c) => c['id'])),
    );
    expectEstimatedCost('clients', fields, reread);
    await expectSameFromCopy(
      { object: 'clients', dateField: 'createdAt' },
      { fields, dateRange: range },
      response,
    );
  });

  it('visits: every assigned user of a visit with more than 5, re-reading only those visits', async () => {
    const { timeZone, id: accountId } = account(world());
    const visits = await rawRecords(world().sandbox, accountId, 'visits');
    const crewOf = (visit: Raw | undefined): string[] => {
      const ids = visit?.['assignedUserIds'];
      return Array.isArray(ids) ? ids.map(String) : [];
    };
    const bigCrew = visits.find(
      (visit) =>
        crewOf(visit).length > nestedPageSize('assignedUsers') && typeof visit['startAt'] === 'string',
    );
    expect(bigCrew).toBeDefined();
    const range = around(localDate(bigCrew?.['startAt'], timeZone), addDays(studio.today(), 60));
    const inWindow = visits.filter((visit) => inRange(localDate(visit['startAt'], timeZone), range));

    const source = await live({ object: 'visits', dateField: 'startAt' });
    const fields = ['assignedUserIds', 'assignedUserCount', 'visitCount'];
    const { response, sent } = await withLog(world(), () => source.getData({ fields, dateRange: range }));

    // One row per visit: the crews, each as its sorted ids, compared as a multiset.
    const crews = column(response, 'assignedUserIds').map((ids) =>
      typeof ids === 'string' ? ids.split(', ').sort().join(' ') : '',
    );
    const wanted = inWindow.map((visit) => crewOf(visit).sort().join(' '));
    expect(crews.sort()).toEqual(wanted.sort());
    expect(crews).toContain(crewOf(bigCrew).sort().join(' '));
    const crewSizes = inWindow.reduce((sum, visit) => sum + crewOf(visit).length, 0);
    expect(columnSum(response, 'assignedUserCount')).toBe(crewSizes);
    const reread = sent.filter((entry) => entry.query?.includes('visit(id:'));
    const needed = inWindow.filter((visit) => crewOf(visit).length > nestedPageSize('assignedUsers'));
    expect(sorted(reread.map((entry) => entry.variables?.['id']))).toEqual(
      sorted(needed.map((v) => v['id'])),
    );
    expectEstimatedCost('visits', fields, reread);
    await expectSameFromCopy(
      { object: 'visits', dateField: 'startAt' },
      { fields, dateRange: range },
      response,
    );
  });
});

function account(world: World) {
  const found = world.sandbox.accounts[0];
  if (!found) throw new Error('no sandbox account');
  return found;
}

/** About six weeks around a day, ending no later than `latest`. */
function around(day: string | null, latest: string): Range {
  if (day === null) throw new Error('the record has no date');
  const end = addDays(day, 21);
  return { startDate: addDays(day, -21), endDate: end < latest ? end : latest };
}

async function withLog(
  world: World,
  read: () => Promise<GetDataResponse>,
): Promise<{ response: GetDataResponse; sent: RequestLogEntry[] }> {
  const before = (await world.sandbox.control.requests.list()).at(-1)?.seq ?? 0;
  const response = await read();
  const sent = (await world.sandbox.control.requests.list(before)).filter(
    (entry) => entry.endpoint === 'graphql',
  );
  return { response, sent };
}

/** Each re-read asked Jobber for what the catalog estimated: the cost pacing relies on it. */
function expectEstimatedCost(objectId: string, fieldIds: readonly string[], reread: RequestLogEntry[]): void {
  const object = findObject(objectId);
  if (!object) throw new Error(objectId);
  const fields = object.fields.filter((field) => fieldIds.includes(field.id));
  const [nested] = buildObjectQuery(object, fields, undefined).nested;
  for (const entry of reread) {
    const estimate = nested?.forRecord(String(entry.variables?.['id']));
    const first = Number(entry.variables?.['first']);
    // The first page of a re-read also counts the items (totalCount, 1 point).
    const count = entry.query?.includes('totalCount') ? TOTAL_COUNT_COST : 0;
    expect(entry.requestedCost).toBe(
      (estimate?.fixedCost ?? NaN) + count + first * (estimate?.costPerNode ?? NaN),
    );
  }
}

function groupBy(records: readonly Raw[], key: string): Map<unknown, Raw[]> {
  const groups = new Map<unknown, Raw[]>();
  for (const record of records) {
    const list = groups.get(record[key]);
    if (list) list.push(record);
    else groups.set(record[key], [record]);
  }
  return groups;
}

function sorted(values: readonly unknown[]): string[] {
  return values.map(String).sort();
}
