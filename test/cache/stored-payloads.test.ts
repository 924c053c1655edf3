/**
 * What the cache reads back is parsed, not cast: an index, a flight of leases or a lease's outcome
 * that is not what this version writes is a miss (or a failed lease), never a crash that turns the
 * cache off for the scope, and never garbage served as rows.
 */
import { createReportCache } from '../../src/cache';
import { FakeUser } from '../support/fake-user';
import { PeerExecution } from './peers';
import { ALL_FIELDS, INVOICES_Q1, expectedTable, invoices, recordingFetch } from './report-data';

const RECORDS = invoices(12);
const ENTRY = {
  id: 'e1',
  fieldIds: ['total'],
  pieces: 1,
  characters: 40,
  rows: 12,
  fetchStartedAt: 1,
  storedAt: 1,
  expiresAt: 9e15,
  refresh: null,
};

const CORRUPT: Array<[string, unknown]> = [
  ['text that is not JSON', '{"v":1,"entr'],
  ['another version', { v: 99, entries: [] }],
  ['no list', { v: 1, entries: { e1: ENTRY } }],
  ['a null among the list', { v: 1, entries: [null] }],
  ['an entry without its pieces', { v: 1, entries: [{ ...ENTRY, pieces: undefined }] }],
  ['pieces as text', { v: 1, entries: [{ ...ENTRY, pieces: '2' }] }],
  ['field ids as text', { v: 1, entries: [{ ...ENTRY, fieldIds: 'total' }] }],
  ['an expiry as text', { v: 1, entries: [{ ...ENTRY, expiresAt: 'never' }] }],
];

const asText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

describe('stored payloads read back', () => {
  it.each(CORRUPT)('an index holding %s is a miss, and the cache works again after it', (_what, payload) => {
    const user = new FakeUser();
    const cache = createReportCache(user.execution());
    const source = recordingFetch(RECORDS);
    cache.getOrFetch(INVOICES_Q1, ['total'], source.fetch);
    const [index] = user.userCache.keysMatching(/:i$/);
    user.userCache.put(index ?? 'no index', asText(payload), 900);

    const again = cache.getOrFetch(INVOICES_Q1, ['total'], source.fetch);
    const third = cache.getOrFetch(INVOICES_Q1, ['total'], source.fetch);

    expect(again).toEqual({ source: 'miss', table: expectedTable(RECORDS, ['total']) });
    expect(third.source).toBe('hit');
    expect(user.logger.lines.map((line) => line.event)).not.toContain('cache_unavailable');
  });

  it.each<[string, unknown]>([
    ['text that is not JSON', 'leases'],
    ['a null lease', { v: 1, leases: [null] }],
    ['a lease without its field ids', { v: 1, leases: [{ id: 'l1', state: 'fetching', expiresAt: 9e15 }] }],
    ['a lease in an unknown state', { v: 1, leases: [{ id: 'l1', fieldIds: ALL_FIELDS, state: 'done' }] }],
  ])('leases stored as %s are none: this request leads, and later ones hit', (_what, payload) => {
    const user = new FakeUser();
    const peer = new PeerExecution(user, INVOICES_Q1);
    user.userCache.put(peer.keys.flight, asText(payload), 900);
    const cache = createReportCache(user.execution());
    const source = recordingFetch(RECORDS);

    expect(cache.getOrFetch(INVOICES_Q1, ['total'], source.fetch).source).toBe('miss');
    expect(cache.getOrFetch(INVOICES_Q1, ['total'], source.fetch).source).toBe('hit');
    expect(user.logger.lines.map((line) => line.event)).not.toContain('cache_unavailable');
  });

  it('a lease whose outcome does not parse counts as failed: a follower takes over at once', () => {
    const user = new FakeUser();
    const peer = new PeerExecution(user, INVOICES_Q1);
    const lease = peer.lead(ALL_FIELDS, 'fetching');
    user.clock.whenSleeping((index) => {
      if (index === 0)
        user.userCache.put(peer.keys.outcome(lease.id), '{"kind":"stored","entry":{"id":7}}', 600);
    });
    const source = recordingFetch(RECORDS);
    const start = user.clock.now();

    const result = createReportCache(user.execution('B')).getOrFetch(INVOICES_Q1, ['total'], source.fetch);

    expect(result).toEqual({ source: 'miss', table: expectedTable(RECORDS, ['total']) });
    expect(user.clock.now() - start).toBeLessThan(10_000);
  });
});
