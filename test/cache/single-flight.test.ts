import { createReportCache } from '../../src/cache';
import type { Table } from '../../src/catalog';
import { ConnectorError } from '../../src/errors';
import { FakeUser } from '../support/fake-user';
import { PeerExecution } from './peers';
import { ALL_FIELDS, expectedTable, INVOICES_Q1, invoices, recordingFetch } from './report-data';

const RECORDS = invoices(25);
const fullTable = (fieldIds: string[]): Table => expectedTable(RECORDS, fieldIds);

function expectBudgetError(run: () => unknown): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ConnectorError);
  expect((thrown as ConnectorError).code).toBe('TIME_BUDGET_EXCEEDED');
}

describe('single flight: the leader', () => {
  it('gathers the fields of charts arriving in its window and fetches their union once', () => {
    const user = new FakeUser();
    const source = recordingFetch(RECORDS);
    user.clock.whenSleeping((index) => {
      if (index !== 0) return;
      // Two sibling charts arrive while the leader gathers. They give up waiting at once, so the
      // test sees what they registered without a second thread.
      const deadline = user.clock.now();
      for (const [name, fields] of [
        ['B', ['clientName']],
        ['C', ['paid', 'total']],
      ] as const)
        expectBudgetError(() =>
          createReportCache(user.execution(name)).getOrFetch(INVOICES_Q1, [...fields], source.fetch, {
            deadline,
          }),
        );
    });

    const leader = createReportCache(user.execution('A')).getOrFetch(INVOICES_Q1, ['total'], source.fetch);

    expect(leader.source).toBe('miss');
    expect(leader.table).toEqual(fullTable(['total']));
    expect(source.calls).toEqual([['total', 'clientName', 'paid']]);
    const sibling = createReportCache(user.execution('B')).getOrFetch(
      INVOICES_Q1,
      ['clientName'],
      source.fetch,
    );
    expect(sibling.source).toBe('hit');
    expect(source.calls).toHaveLength(1);
  });

  it('keeps gathering while charts keep arriving, but never longer than its cap', () => {
    const user = new FakeUser();
    const source = recordingFetch(RECORDS);
    const opened = user.clock.now();
    let fetchedAt = 0;
    const fetch = (fieldIds: readonly string[]): Table => {
      fetchedAt = user.clock.now();
      return source.fetch(fieldIds);
    };
    user.clock.whenSleeping((index) => {
      // One more chart arrives at the end of every quiet period, each with a field of its own.
      const field = `extra${index}`;
      const deadline = user.clock.now();
      expectBudgetError(() =>
        createReportCache(user.execution(`chart-${index}`)).getOrFetch(INVOICES_Q1, [field], fetch, {
          deadline,
        }),
      );
    });

    createReportCache(user.execution('A')).getOrFetch(INVOICES_Q1, ['total'], fetch);

    expect(source.calls).toEqual([['total', 'extra0', 'extra1', 'extra2', 'extra3', 'extra4']]);
    expect(fetchedAt - opened).toBe(5_000);
  });

  it('does not hold the user lock while it waits or fetches', () => {
    const user = new FakeUser();
    const locksHeldDuringSleep: (string | undefined)[] = [];
    user.clock.whenSleeping(() => locksHeldDuringSleep.push(user.lock.holder));
    let lockDuringFetch: string | undefined = 'not called';
    const fetch = (fieldIds: readonly string[]): Table => {
      lockDuringFetch = user.lock.holder;
      return fullTable([...fieldIds]);
    };

    createReportCache(user.execution('A')).getOrFetch(INVOICES_Q1, ['total'], fetch);

    expect(lockDuringFetch).toBeUndefined();
    expect(locksHeldDuringSleep).toEqual([undefined]);
    expect(user.lock.acquisitions).toBeLessThanOrEqual(4);
  });

  it('takes no lock at all for a hit', () => {
    const user = new FakeUser();
    const cache = createReportCache(user.execution('A'));
    cache.getOrFetch(INVOICES_Q1, ['total'], recordingFetch(RECORDS).fetch);
    const acquisitions = user.lock.acquisitions;

    expect(cache.getOrFetch(INVOICES_Q1, ['total'], recordingFetch(RECORDS).fetch).source).toBe('hit');
    expect(user.lock.acquisitions).toBe(acquisitions);
  });

  it('releases its lease and announces the failure when its fetch throws, then rethrows', () => {
    const user = new FakeUser();
    const peer = new PeerExecution(user, INVOICES_Q1);
    const failing = (): Table => {
      throw new Error('Jobber is down');
    };

    expect(() => createReportCache(user.execution('A')).getOrFetch(INVOICES_Q1, ['total'], failing)).toThrow(
      'Jobber is down',
    );

    expect(peer.leases()).toEqual([]);
    expect(user.lock.holder).toBeUndefined();
    const source = recordingFetch(RECORDS);
    expect(
      createReportCache(user.execution('B')).getOrFetch(INVOICES_Q1, ['total'], source.fetch).source,
    ).toBe('miss');
  });

  it('fetches on its own when the user lock stays busy, and still caches the result', () => {
    const user = new FakeUser();
    user.lock.holder = 'token-refresh';
    const source = recordingFetch(RECORDS);

    const busy = createReportCache(user.execution('A')).getOrFetch(INVOICES_Q1, ['total'], source.fetch);
    user.lock.holder = undefined;
    const later = createReportCache(user.execution('B')).getOrFetch(INVOICES_Q1, ['total'], source.fetch);

    expect([busy.source, later.source]).toEqual(['miss', 'hit']);
    expect(user.logger.lines.map((line) => line.event)).toContain('cache_lock_busy');
  });
});

describe('single flight: the followers', () => {
  it('wait for a running fetch that covers their fields and share its result', () => {
    const user = new FakeUser();
    const peer = new PeerExecution(user, INVOICES_Q1);
    const lease = peer.lead(ALL_FIELDS, 'fetching');
    const locksHeldDuringSleep: (string | undefined)[] = [];
    user.clock.whenSleeping((index) => {
      locksHeldDuringSleep.push(user.lock.holder);
      if (index === 2) peer.finish(lease, fullTable(ALL_FIELDS));
    });
    const source = recordingFetch(RECORDS);

    const result = createReportCache(user.execution('B')).getOrFetch(
      INVOICES_Q1,
      ['paid', 'total'],
      source.fetch,
    );

    expect(result.source).toBe('shared');
    expect(result.table).toEqual(fullTable(['paid', 'total']));
    expect(source.calls).toEqual([]);
    expect(locksHeldDuringSleep).toEqual([undefined, undefined, undefined]);
  });

  it('add their fields to a lease still gathering', () => {
    const user = new FakeUser();
    const peer = new PeerExecution(user, INVOICES_Q1);
    const lease = peer.lead(['total'], 'gathering');
    user.clock.whenSleeping((index) => {
      if (index !== 0) return;
      const joined = peer.lease(lease.id);
      expect(joined?.fieldIds).toEqual(['total', 'clientName']);
      if (joined) peer.finish(joined, fullTable([...joined.fieldIds]));
    });
    const source = recordingFetch(RECORDS);

    const result = createReportCache(user.execution('B')).getOrFetch(
      INVOICES_Q1,
      ['clientName'],
      source.fetch,
    );

    expect(result.source).toBe('shared');
    expect(source.calls).toEqual([]);
  });

  it('start their own fetch when a running fetch does not cover their fields', () => {
    const user = new FakeUser();
    const peer = new PeerExecution(user, INVOICES_Q1);
    peer.lead(['total'], 'fetching');
    const source = recordingFetch(RECORDS);

    const result = createReportCache(user.execution('B')).getOrFetch(
      INVOICES_Q1,
      ['clientName'],
      source.fetch,
    );

    expect(result.source).toBe('miss');
    expect(source.calls).toEqual([['clientName']]);
  });

  it('take over when the leader fails', () => {
    const user = new FakeUser();
    const peer = new PeerExecution(user, INVOICES_Q1);
    const lease = peer.lead(ALL_FIELDS, 'fetching');
    user.clock.whenSleeping((index) => {
      if (index === 1) peer.fail(lease);
    });
    const source = recordingFetch(RECORDS);

    const result = createReportCache(user.execution('B')).getOrFetch(INVOICES_Q1, ['total'], source.fetch);

    expect(result.source).toBe('miss');
    expect(source.calls).toEqual([['total']]);
    expect(peer.leases()).toEqual([]);
  });

  it('take over when the leader vanished and its lease expired', () => {
    const user = new FakeUser();
    const peer = new PeerExecution(user, INVOICES_Q1);
    const start = user.clock.now();
    peer.lead(ALL_FIELDS, 'fetching', { expiresInMs: 20_000 });
    const source = recordingFetch(RECORDS);

    const result = createReportCache(user.execution('B')).getOrFetch(INVOICES_Q1, ['total'], source.fetch);

    expect(result.source).toBe('miss');
    expect(source.calls).toEqual([['total']]);
    expect(user.clock.now() - start).toBeGreaterThanOrEqual(20_000);
  });

  it('take the stored result at once when a full cache evicted the lease and its outcome', () => {
    const user = new FakeUser();
    const peer = new PeerExecution(user, INVOICES_Q1);
    const lease = peer.lead(ALL_FIELDS, 'fetching');
    const start = user.clock.now();
    user.clock.whenSleeping((index) => {
      if (index !== 1) return;
      peer.finish(lease, fullTable(ALL_FIELDS));
      // Leases and outcomes expire first, so they are what a full user cache drops first.
      user.userCache.remove(peer.keys.outcome(lease.id));
      user.userCache.remove(peer.keys.flight);
    });
    const source = recordingFetch(RECORDS);

    const result = createReportCache(user.execution('B')).getOrFetch(INVOICES_Q1, ['total'], source.fetch);

    expect(result.source).toBe('shared');
    expect(result.table).toEqual(fullTable(['total']));
    expect(source.calls).toEqual([]);
    expect(user.clock.now() - start).toBeLessThan(2_000);
  });

  it('take over at once when the lease is gone without an outcome, instead of waiting to its expiry', () => {
    const user = new FakeUser();
    const peer = new PeerExecution(user, INVOICES_Q1);
    peer.lead(ALL_FIELDS, 'fetching');
    const start = user.clock.now();
    user.clock.whenSleeping((index) => {
      if (index === 1) user.userCache.remove(peer.keys.flight);
    });
    const source = recordingFetch(RECORDS);

    const result = createReportCache(user.execution('B')).getOrFetch(INVOICES_Q1, ['total'], source.fetch);

    expect(result.source).toBe('miss');
    expect(source.calls).toEqual([['total']]);
    // Its own gathering (1 s) after two short polls, not the 360 s until the lease would expire.
    expect(user.clock.now() - start).toBeLessThan(5_000);
  });

  it('fetch for themselves when the shared result was too large to cache', () => {
    const user = new FakeUser();
    const peer = new PeerExecution(user, INVOICES_Q1);
    const lease = peer.lead(ALL_FIELDS, 'fetching');
    user.clock.whenSleeping((index) => {
      if (index === 0) peer.finishUnstored(lease);
    });
    const source = recordingFetch(RECORDS);

    const result = createReportCache(user.execution('B')).getOrFetch(INVOICES_Q1, ['total'], source.fetch);

    expect(result.source).toBe('miss');
    expect(source.calls).toEqual([['total']]);
  });

  it('never wait past their deadline', () => {
    const user = new FakeUser();
    const peer = new PeerExecution(user, INVOICES_Q1);
    peer.lead(ALL_FIELDS, 'fetching');
    const deadline = user.clock.now() + 10_000;

    expectBudgetError(() =>
      createReportCache(user.execution('B')).getOrFetch(
        INVOICES_Q1,
        ['total'],
        recordingFetch(RECORDS).fetch,
        {
          deadline,
        },
      ),
    );
    expect(user.clock.now()).toBe(deadline);
  });
});

describe('single flight: refreshes', () => {
  it('shares one refetch among the charts of a forced refresh', () => {
    const user = new FakeUser();
    const source = recordingFetch(RECORDS);
    const peer = new PeerExecution(user, INVOICES_Q1);
    createReportCache(user.execution('A')).getOrFetch(INVOICES_Q1, ['total'], source.fetch, {
      lastRefresh: 1000,
    });
    user.clock.whenSleeping((index) => {
      if (index !== 0) return;
      const deadline = user.clock.now();
      expectBudgetError(() =>
        createReportCache(user.execution('B')).getOrFetch(INVOICES_Q1, ['paid'], source.fetch, {
          lastRefresh: 2000,
          deadline,
        }),
      );
      expect(peer.leases()).toHaveLength(1);
    });

    const forced = createReportCache(user.execution('A')).getOrFetch(INVOICES_Q1, ['total'], source.fetch, {
      lastRefresh: 2000,
    });
    user.clock.whenSleeping(() => undefined);
    const sibling = createReportCache(user.execution('B')).getOrFetch(INVOICES_Q1, ['paid'], source.fetch, {
      lastRefresh: 2000,
    });

    expect([forced.source, sibling.source]).toEqual(['bypass', 'hit']);
    expect(source.calls).toEqual([['total'], ['total', 'paid']]);
  });

  it('does not follow a fetch that began before a newer refresh', () => {
    const user = new FakeUser();
    const peer = new PeerExecution(user, INVOICES_Q1);
    peer.lead(ALL_FIELDS, 'fetching', { refresh: 1000 });
    const source = recordingFetch(RECORDS);

    const result = createReportCache(user.execution('B')).getOrFetch(INVOICES_Q1, ['total'], source.fetch, {
      lastRefresh: 2000,
    });

    expect(result.source).toBe('miss');
    expect(source.calls).toEqual([['total']]);
  });

  it('lets an explicit bypass join a fetch still gathering but not one already running', () => {
    const user = new FakeUser();
    const peer = new PeerExecution(user, INVOICES_Q1);
    const running = peer.lead(['total'], 'fetching');
    const source = recordingFetch(RECORDS);
    user.clock.whenSleeping((index) => {
      if (index === 0) expect(peer.leases().map((lease) => lease.id)).toHaveLength(2);
    });

    const result = createReportCache(user.execution('B')).getOrFetch(INVOICES_Q1, ['total'], source.fetch, {
      bypass: true,
    });

    expect(result.source).toBe('bypass');
    expect(source.calls).toEqual([['total']]);
    expect(peer.lease(running.id)).toBeDefined();
  });
});
