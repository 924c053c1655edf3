import { selectionOf, upsert } from '../../src/replica/columns';
import { HotTier } from '../../src/replica/hot-tier';
import { emptyState, type ReplicaState } from '../../src/replica/state';
import { FakeClock, MemoryCache, nodeCodec, RecordingLogger } from '../support/platform-fakes';

function setup() {
  const clock = new FakeClock();
  const cache = new MemoryCache(clock);
  let generation = 'g1';
  const tier = new HotTier({
    userCache: cache,
    codec: nodeCodec,
    logger: new RecordingLogger(),
    now: () => clock.now(),
    generation: () => generation,
  });
  return { cache, tier, bump: () => (generation = 'g2') };
}

function state(records: number, watermark: number): ReplicaState {
  const base = emptyState('A1', 'invoices', selectionOf(['id', 'invoiceNumber']));
  const nodes = Array.from({ length: records }, (_, n) => ({ id: `I${n}`, invoiceNumber: `${n}` }));
  return {
    ...base,
    records: upsert(base.records, nodes, { keys: ['invoiceNumber'], insert: true }),
    coverage: { createdAt: [{ start: 0, end: 10 }] },
    watermark,
    clockSyncedAt: watermark,
  };
}

const write = { syncStartedAt: 1, coldSavedAt: null };

describe('the replica hot tier (user cache)', () => {
  it('does not keep a state too large for one Apps Script blob, and never fails the report', () => {
    const clock = new FakeClock();
    const logger = new RecordingLogger();
    const tier = new HotTier({
      userCache: new MemoryCache(clock),
      codec: {
        ...nodeCodec,
        gzipToBase64: (text) => {
          if (text.length > 1_000) throw new Error('Exception: Limit Exceeded: Blob Size.');
          return nodeCodec.gzipToBase64(text);
        },
      },
      logger,
      now: () => clock.now(),
      generation: () => 'g1',
    });
    expect(tier.save('K', state(100, 5), write)).toBe(false);
    expect(logger.events()).toContain('replica_hot_failed');
    expect(tier.load('K')).toBeNull();
  });

  it('reads back exactly what it saved', () => {
    const { tier } = setup();
    expect(tier.save('k', state(3, 100), write)).toBe(true);
    expect(tier.load('k')).toEqual(state(3, 100));
    expect(tier.head('k')?.syncStartedAt).toBe(1);
  });

  it('rewrites only its small head when a sync changed nothing but its marks', () => {
    const { tier, cache } = setup();
    tier.save('k', state(3, 100), write);
    const puts = cache.calls.putAll;
    expect(tier.save('k', state(3, 200), { syncStartedAt: 2, coldSavedAt: 5 })).toBe(true);
    expect(cache.calls.putAll).toBe(puts);
    expect(tier.load('k')).toEqual(state(3, 200));
    expect(tier.head('k')).toMatchObject({ syncStartedAt: 2, coldSavedAt: 5 });
    tier.save('k', state(4, 200), write);
    expect(cache.calls.putAll).toBe(puts + 1);
  });

  it('is a miss when a piece was evicted, and when the generation changed (resetAuth)', () => {
    const { tier, cache, bump } = setup();
    tier.save('k', state(2, 100), write);
    const piece = [...cache.values.keys()].find((key) => !key.endsWith(':h')) ?? '';
    const saved = cache.values.get(piece);
    cache.values.delete(piece);
    expect(tier.load('k')).toBeNull();
    if (saved) cache.values.set(piece, saved);
    expect(tier.load('k')).toEqual(state(2, 100));
    bump();
    expect(tier.load('k')).toBeNull();
  });

  it('is a miss when the head or the state does not parse', () => {
    const { tier, cache } = setup();
    tier.save('k', state(2, 100), write);
    const headKey = [...cache.values.keys()].find((key) => key.endsWith(':h')) ?? '';
    cache.put(headKey, '{"entryId":7}');
    expect(tier.load('k')).toBeNull();
  });
});
