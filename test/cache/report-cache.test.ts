import { randomBytes } from 'node:crypto';
import { CACHE_GENERATION_PROPERTY, createReportCache } from '../../src/cache';

import { FakeUser } from '../support/fake-user';
import {
  ALL_FIELDS,
  expectedTable,
  INVOICES_Q1,
  invoices,
  recordingFetch,
  type RecordRow,
  type ReportScope,
} from './report-data';

const RECORDS = invoices(40);

describe('report cache: storage', () => {
  it('serves the second request for the same fields from the cache, in the requested order', () => {
    const user = new FakeUser();
    const cache = createReportCache(user.execution());
    const source = recordingFetch(RECORDS);

    const first = cache.getOrFetch(INVOICES_Q1, ['total', 'invoiceNumber'], source.fetch);
    const second = cache.getOrFetch(INVOICES_Q1, ['total', 'invoiceNumber'], source.fetch);

    expect(first.source).toBe('miss');
    expect(second.source).toBe('hit');
    expect(source.calls).toEqual([['total', 'invoiceNumber']]);
    expect(second.table).toEqual(expectedTable(RECORDS, ['total', 'invoiceNumber']));
  });

  it('serves any subset of an entry’s fields, in the order of the request, without fetching', () => {
    const user = new FakeUser();
    const cache = createReportCache(user.execution());
    const source = recordingFetch(RECORDS);
    cache.getOrFetch(INVOICES_Q1, ALL_FIELDS, source.fetch);

    const subset = cache.getOrFetch(INVOICES_Q1, ['dueDate', 'paid'], source.fetch);

    expect(subset.source).toBe('hit');
    expect(subset.table).toEqual(expectedTable(RECORDS, ['dueDate', 'paid']));
    expect(source.calls).toHaveLength(1);
  });

  it('fetches only what the request asks when no entry covers all of its fields', () => {
    const user = new FakeUser();
    const cache = createReportCache(user.execution());
    const source = recordingFetch(RECORDS);
    cache.getOrFetch(INVOICES_Q1, ['total'], source.fetch);

    const wider = cache.getOrFetch(INVOICES_Q1, ['total', 'clientName'], source.fetch);

    expect(wider.source).toBe('miss');
    expect(source.calls).toEqual([['total'], ['total', 'clientName']]);
  });

  it('splits a large table into pieces under 100 KB and reads it back whole, unicode included', () => {
    const user = new FakeUser();
    const cache = createReportCache(user.execution());
    const records = incompressibleRecords(3000);
    const source = recordingFetch(records);

    cache.getOrFetch(INVOICES_Q1, ['invoiceNumber', 'note', 'clientName'], source.fetch);
    const again = cache.getOrFetch(INVOICES_Q1, ['note', 'clientName', 'invoiceNumber'], source.fetch);

    const pieces = user.userCache.keysMatching(/:\w+:\d+$/);
    expect(pieces.length).toBeGreaterThan(2);
    for (const key of pieces) expect(user.userCache.get(key)?.length).toBeLessThan(100_000);
    expect(again.source).toBe('hit');
    expect(again.table).toEqual(expectedTable(records, ['note', 'clientName', 'invoiceNumber']));
  });

  it('treats a missing piece as a miss, never as a partial table', () => {
    const user = new FakeUser();
    const cache = createReportCache(user.execution());
    const source = recordingFetch(incompressibleRecords(3000));
    cache.getOrFetch(INVOICES_Q1, ['note'], source.fetch);

    const [, secondPiece] = user.userCache.keysMatching(/:\w+:\d+$/).sort();
    user.userCache.remove(secondPiece ?? 'no second piece');
    const afterLoss = cache.getOrFetch(INVOICES_Q1, ['note'], source.fetch);

    expect(afterLoss.source).toBe('miss');
    expect(afterLoss.table.rowCount).toBe(3000);
    expect(source.calls).toHaveLength(2);
  });

  it('treats a corrupt piece as a miss', () => {
    const user = new FakeUser();
    const cache = createReportCache(user.execution());
    const source = recordingFetch(RECORDS);
    cache.getOrFetch(INVOICES_Q1, ['total'], source.fetch);

    const [piece] = user.userCache.keysMatching(/:\w+:\d+$/);
    const original = user.userCache.get(piece ?? '') ?? '';
    user.userCache.put(piece ?? '', `${original.slice(0, 20)}AAAA${original.slice(24)}`, 900);

    expect(cache.getOrFetch(INVOICES_Q1, ['total'], source.fetch).source).toBe('miss');
    expect(source.calls).toHaveLength(2);
  });

  it('stores pieces with one putAll and never a key longer than 250 characters', () => {
    const user = new FakeUser();
    const cache = createReportCache(user.execution());
    const longScope = { ...INVOICES_Q1, options: { note: 'x'.repeat(600) } };
    cache.getOrFetch(longScope, ['total'], recordingFetch(RECORDS).fetch);

    expect(user.userCache.calls.putAll).toBe(1);
    for (const key of user.userCache.values.keys()) expect(key.length).toBeLessThanOrEqual(250);
  });
});

describe('report cache: lifetime', () => {
  it('keeps an entry for the data source’s TTL and refetches after it', () => {
    const user = new FakeUser();
    const cache = createReportCache(user.execution());
    const source = recordingFetch(RECORDS);
    cache.getOrFetch(INVOICES_Q1, ['total'], source.fetch, { ttlSeconds: 300 });

    user.clock.advance(299_000);
    expect(cache.getOrFetch(INVOICES_Q1, ['total'], source.fetch, { ttlSeconds: 300 }).source).toBe('hit');
    user.clock.advance(2_000);
    expect(cache.getOrFetch(INVOICES_Q1, ['total'], source.fetch, { ttlSeconds: 300 }).source).toBe('miss');
  });

  it('defaults to 15 minutes', () => {
    const user = new FakeUser();
    const cache = createReportCache(user.execution());
    const source = recordingFetch(RECORDS);
    cache.getOrFetch(INVOICES_Q1, ['total'], source.fetch);

    user.clock.advance(14 * 60_000);
    expect(cache.getOrFetch(INVOICES_Q1, ['total'], source.fetch).source).toBe('hit');
    user.clock.advance(61_000);
    expect(cache.getOrFetch(INVOICES_Q1, ['total'], source.fetch).source).toBe('miss');
  });

  it('caps the TTL at 6 hours, the longest Apps Script keeps a value', () => {
    const user = new FakeUser();
    const cache = createReportCache(user.execution());
    const source = recordingFetch(RECORDS);
    cache.getOrFetch(INVOICES_Q1, ['total'], source.fetch, { ttlSeconds: 86_400 });

    user.clock.advance(21_599_000);
    expect(cache.getOrFetch(INVOICES_Q1, ['total'], source.fetch, { ttlSeconds: 86_400 }).source).toBe('hit');
    user.clock.advance(2_000);
    expect(cache.getOrFetch(INVOICES_Q1, ['total'], source.fetch, { ttlSeconds: 86_400 }).source).toBe(
      'miss',
    );
  });

  it('is off with a TTL of 0: nothing read, nothing stored', () => {
    const user = new FakeUser();
    const cache = createReportCache(user.execution());
    const source = recordingFetch(RECORDS);
    cache.getOrFetch(INVOICES_Q1, ['total'], source.fetch);

    const off = cache.getOrFetch(INVOICES_Q1, ['total'], source.fetch, { ttlSeconds: 0 });

    expect(off).toEqual({ table: expectedTable(RECORDS, ['total']), source: 'bypass' });
    expect(source.calls).toHaveLength(2);
    expect(user.userCache.calls.putAll).toBe(1);
  });

  it('honours the shorter TTL of the reader', () => {
    const user = new FakeUser();
    const cache = createReportCache(user.execution());
    const source = recordingFetch(RECORDS);
    cache.getOrFetch(INVOICES_Q1, ['total'], source.fetch, { ttlSeconds: 3600 });

    user.clock.advance(120_000);
    expect(cache.getOrFetch(INVOICES_Q1, ['total'], source.fetch, { ttlSeconds: 60 }).source).toBe('miss');
  });
});

describe('report cache: keys', () => {
  const variants: [string, ReportScope][] = [
    ['another Jobber account', { ...INVOICES_Q1, accountId: 'account-2' }],
    ['another object', { ...INVOICES_Q1, object: 'quotes' }],
    ['other options', { ...INVOICES_Q1, options: { dateField: 'dueDate', currency: 'USD' } }],
    ['another date range', { ...INVOICES_Q1, dateRange: { startDate: '2025-01-01', endDate: '2025-03-30' } }],
    ['no date range', { ...INVOICES_Q1, dateRange: null }],
    ['pushed-down filters', { ...INVOICES_Q1, filters: [[{ field: 'status', values: ['paid'] }]] }],
  ];

  it.each(variants)('keeps entries apart for %s', (_, other) => {
    const user = new FakeUser();
    const cache = createReportCache(user.execution());
    const source = recordingFetch(RECORDS);
    cache.getOrFetch(INVOICES_Q1, ['total'], source.fetch);

    expect(cache.getOrFetch(other, ['total'], source.fetch).source).toBe('miss');
    expect(cache.getOrFetch(INVOICES_Q1, ['total'], source.fetch).source).toBe('hit');
    expect(cache.getOrFetch(other, ['total'], source.fetch).source).toBe('hit');
  });

  it('ignores the order in which options were written', () => {
    const user = new FakeUser();
    const cache = createReportCache(user.execution());
    const source = recordingFetch(RECORDS);
    cache.getOrFetch(INVOICES_Q1, ['total'], source.fetch);

    const reordered = { ...INVOICES_Q1, options: { currency: 'USD', dateField: 'issuedDate' } };
    expect(cache.getOrFetch(reordered, ['total'], source.fetch).source).toBe('hit');
  });

  it('never reads another user’s entries (each user has their own user cache)', () => {
    const clock = new FakeUser().clock;
    const alice = new FakeUser(clock);
    const bob = new FakeUser(clock);
    const source = recordingFetch(RECORDS);
    createReportCache(alice.execution()).getOrFetch(INVOICES_Q1, ['total'], source.fetch);

    expect(createReportCache(bob.execution()).getOrFetch(INVOICES_Q1, ['total'], source.fetch).source).toBe(
      'miss',
    );
  });
});

describe('report cache: refresh and clear', () => {
  it('is bypassed by a newer Looker lastRefresh, and serves the refetched entry afterwards', () => {
    const user = new FakeUser();
    const cache = createReportCache(user.execution());
    const source = recordingFetch(RECORDS);
    cache.getOrFetch(INVOICES_Q1, ['total'], source.fetch, { lastRefresh: '1746100000000' });

    const sameRefresh = cache.getOrFetch(INVOICES_Q1, ['total'], source.fetch, {
      lastRefresh: '1746100000000',
    });
    const forced = cache.getOrFetch(INVOICES_Q1, ['total'], source.fetch, { lastRefresh: '1746100900000' });
    const afterForced = cache.getOrFetch(INVOICES_Q1, ['total'], source.fetch, {
      lastRefresh: '1746100900000',
    });
    const olderTab = cache.getOrFetch(INVOICES_Q1, ['total'], source.fetch, { lastRefresh: '1746100000000' });

    expect([sameRefresh.source, forced.source, afterForced.source, olderTab.source]).toEqual([
      'hit',
      'bypass',
      'hit',
      'hit',
    ]);
    expect(source.calls).toHaveLength(2);
  });

  it('is bypassed on request, and the bypassing fetch is served afterwards', () => {
    const user = new FakeUser();
    const cache = createReportCache(user.execution());
    const source = recordingFetch(RECORDS);
    cache.getOrFetch(INVOICES_Q1, ['total'], source.fetch);

    expect(cache.getOrFetch(INVOICES_Q1, ['total'], source.fetch, { bypass: true }).source).toBe('bypass');
    expect(cache.getOrFetch(INVOICES_Q1, ['total'], source.fetch).source).toBe('hit');
    expect(source.calls).toHaveLength(2);
  });

  it('clear() makes every entry of the user unreachable', () => {
    const user = new FakeUser();
    const cache = createReportCache(user.execution());
    const source = recordingFetch(RECORDS);
    cache.getOrFetch(INVOICES_Q1, ['total'], source.fetch);
    cache.getOrFetch({ ...INVOICES_Q1, object: 'quotes' }, ['total'], source.fetch);
    const generation = user.userProperties.getProperty(CACHE_GENERATION_PROPERTY);

    createReportCache(user.execution('reset-auth')).clear();

    expect(user.userProperties.getProperty(CACHE_GENERATION_PROPERTY)).not.toBe(generation);
    expect(cache.getOrFetch(INVOICES_Q1, ['total'], source.fetch).source).toBe('miss');
    expect(cache.getOrFetch({ ...INVOICES_Q1, object: 'quotes' }, ['total'], source.fetch).source).toBe(
      'miss',
    );
  });

  it('does not bring old entries back when the user properties are wiped after a clear', () => {
    const user = new FakeUser();
    const cache = createReportCache(user.execution());
    const source = recordingFetch(RECORDS);
    cache.getOrFetch(INVOICES_Q1, ['total'], source.fetch);

    user.userProperties.values.clear();
    user.clock.advance(1);

    expect(cache.getOrFetch(INVOICES_Q1, ['total'], source.fetch).source).toBe('miss');
  });
});

function incompressibleRecords(count: number): RecordRow[] {
  const symbols = ['é', 'ß', '中', '文', '🌿', '🚚', 'Ω', 'ж'];
  return invoices(count).map((record, index) => ({
    ...record,
    note: `${randomBytes(40).toString('base64')}${symbols[index % symbols.length] ?? ''}`,
  }));
}

describe('report cache: failures', () => {
  it('answers from the fetch when the cache service itself fails', () => {
    const user = new FakeUser();
    const broken = {
      ...user.execution(),
      userCache: Object.assign(user.userCache, { get: () => failService() }),
    };
    const source = recordingFetch(RECORDS);

    const result = createReportCache(broken).getOrFetch(INVOICES_Q1, ['total', 'paid'], source.fetch);

    expect(result).toEqual({ table: expectedTable(RECORDS, ['total', 'paid']), source: 'miss' });
    expect(user.logger.lines.map((line) => line.event)).toContain('cache_unavailable');
  });

  it('still answers when storing the result fails', () => {
    const user = new FakeUser();
    const services = user.execution();
    const failingWrites = {
      ...services,
      userCache: Object.assign(user.userCache, { putAll: () => failService() }),
    };
    const source = recordingFetch(RECORDS);

    const result = createReportCache(failingWrites).getOrFetch(INVOICES_Q1, ['total'], source.fetch);

    expect(result.source).toBe('miss');
    expect(source.calls).toHaveLength(1);
    expect(user.logger.lines.map((line) => line.event)).toContain('cache_store_failed');
  });

  it('passes a failing fetch through to the caller, fetching once', () => {
    const user = new FakeUser();
    let calls = 0;
    const failing = () => {
      calls++;
      throw new Error('Jobber is down');
    };

    expect(() => createReportCache(user.execution()).getOrFetch(INVOICES_Q1, ['total'], failing)).toThrow(
      'Jobber is down',
    );
    expect(calls).toBe(1);
  });

  it('rejects a fetch that returns fewer fields than it was asked for', () => {
    const user = new FakeUser();
    const careless = () => ({ rowCount: 1, columns: { total: [1] } });

    expect(() =>
      createReportCache(user.execution()).getOrFetch(INVOICES_Q1, ['total', 'paid'], careless),
    ).toThrow(/without every field/);
  });
});

function failService(): never {
  throw new Error('Service invoked too many times in a short time: cache');
}
