/**
 * Another execution of the same user, played by the test through the cache's own storage modules
 * while the execution under test sleeps (the fakes are single-threaded). The real concurrent proof
 * runs the built bundle in the local Apps Script runtime (test/e2e/cache.test.ts).
 */
import type { CacheScope } from '../../src/cache';
import type { Table } from '../../src/catalog';
import { readIndex, withEntry, writeIndex, writePieces } from '../../src/cache/entry-store';
import { readFlight, withLease, withoutLease, writeFlight, type Lease } from '../../src/cache/flight';
import { readGeneration, scopeKeys, writeNewGeneration, type ScopeKeys } from '../../src/cache/keys';
import type { FakeUser } from '../support/fake-user';
import { nodeCodec } from '../support/platform-fakes';

export class PeerExecution {
  readonly keys: ScopeKeys;
  constructor(
    private readonly user: FakeUser,
    scope: CacheScope,
  ) {
    const generation =
      readGeneration(user.userProperties) ?? writeNewGeneration(user.userProperties, user.clock.now());
    this.keys = scopeKeys(nodeCodec, generation, scope);
  }

  /** Takes a lease, as a leader does after finding nothing. */
  lead(
    fieldIds: string[],
    state: Lease['state'],
    options: { expiresInMs?: number; refresh?: number } = {},
  ): Lease {
    const now = this.user.clock.now();
    const lease: Lease = {
      id: `peer${now.toString(36)}`,
      fieldIds,
      refresh: options.refresh ?? null,
      state,
      gatherUntil: now + 1_000,
      gatherCap: now + 5_000,
      fetchStartedAt: state === 'fetching' ? now : null,
      expiresAt: now + (options.expiresInMs ?? 360_000),
    };
    this.writeFlight(withLease(readFlight(this.user.userCache, this.keys.flight), lease));
    return lease;
  }

  lease(leaseId: string): Lease | undefined {
    return this.leases().find((lease) => lease.id === leaseId);
  }

  leases(): readonly Lease[] {
    return readFlight(this.user.userCache, this.keys.flight).leases;
  }

  /** Stores the fetched table, indexes it, drops the lease and announces the outcome. */
  finish(lease: Lease, table: Table): void {
    const now = this.user.clock.now();
    const draft = {
      id: lease.id,
      fetchStartedAt: lease.fetchStartedAt ?? now,
      refresh: lease.refresh,
      ttlSeconds: 900,
    };
    const entry = writePieces(this.user.userCache, nodeCodec, this.keys, table, draft, now);
    if (!entry) throw new Error('peer table too large');
    writeIndex(
      this.user.userCache,
      this.keys,
      withEntry(readIndex(this.user.userCache, this.keys), entry, now),
    );
    this.drop(lease);
    this.user.userCache.put(this.keys.outcome(lease.id), JSON.stringify({ kind: 'stored', entry }), 600);
  }

  /** What a leader whose fetch threw does. */
  fail(lease: Lease): void {
    this.drop(lease);
    this.user.userCache.put(this.keys.outcome(lease.id), JSON.stringify({ kind: 'failed' }), 600);
  }

  /** What a leader does when its table was too large to cache. */
  finishUnstored(lease: Lease): void {
    this.drop(lease);
    this.user.userCache.put(this.keys.outcome(lease.id), JSON.stringify({ kind: 'unstored' }), 600);
  }

  private drop(lease: Lease): void {
    this.writeFlight(withoutLease(readFlight(this.user.userCache, this.keys.flight), lease.id));
  }

  private writeFlight(flight: { leases: readonly Lease[] }): void {
    writeFlight(this.user.userCache, this.keys.flight, flight, 600);
  }
}
