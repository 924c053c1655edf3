import { selectionOf, upsert } from '../../src/replica/columns';
import { ColdTier, manifestName } from '../../src/replica/cold-tier';
import { DriveFailure, type AppDataFiles, type DriveFile } from '../../src/replica/drive-client';
import { emptyState, type ReplicaState } from '../../src/replica/state';
import type { Codec } from '../../src/platform';
import { nodeCodec, RecordingLogger } from '../support/platform-fakes';

/** The app data folder in memory; `failWith` makes every later call fail as Drive would. */
class MemoryFolder implements AppDataFiles {
  readonly files = new Map<string, { name: string; content: number[] }>();
  failWith: DriveFailure | null = null;
  calls = 0;
  private next = 1;

  list(): DriveFile[] {
    this.check();
    return [...this.files].map(([id, file]) => ({ id, name: file.name }));
  }
  create(name: string, content: readonly number[]): DriveFile {
    this.check();
    const id = `F${this.next++}`;
    this.files.set(id, { name, content: [...content] });
    return { id, name };
  }
  replace(id: string, content: readonly number[]): void {
    this.check();
    const file = this.files.get(id);
    if (!file) throw new DriveFailure('not_found', 404, 'notFound');
    file.content = [...content];
  }
  download(id: string): number[] {
    this.check();
    const file = this.files.get(id);
    if (!file) throw new DriveFailure('not_found', 404, 'notFound');
    return [...file.content];
  }
  downloadText(id: string): string {
    return Buffer.from(Int8Array.from(this.download(id)).buffer).toString('utf8');
  }
  remove(id: string): void {
    this.check();
    this.files.delete(id);
  }
  names(): string[] {
    return [...this.files.values()].map((file) => file.name).sort();
  }
  private check(): void {
    this.calls++;
    if (this.failWith) throw this.failWith;
  }
}

function setup(shardBytes?: number) {
  const folder = new MemoryFolder();
  const logger = new RecordingLogger();
  let ids = 0;
  const tier = () =>
    new ColdTier({
      drive: folder,
      codec: nodeCodec,
      logger,
      newId: () => `e${++ids}`,
      ...(shardBytes ? { shardBytes } : {}),
    });
  return { folder, logger, tier };
}

function stateWith(records: number): ReplicaState {
  const base = emptyState('A1', 'invoices', selectionOf(['id', 'invoiceNumber', 'note']));
  const nodes = Array.from({ length: records }, (_, n) => ({
    id: `I${n}`,
    invoiceNumber: String(n),
    note: `${n}-${Math.sin(n).toString(36)}`,
  }));
  return {
    ...base,
    records: upsert(base.records, nodes, { keys: ['invoiceNumber', 'note'], insert: true }),
    watermark: 5,
  };
}

describe('the replica cold tier (Drive app data folder)', () => {
  it('reads back exactly what it saved, and leaves only the newest save behind', () => {
    const { folder, tier } = setup();
    expect(tier().save('k', stateWith(3))).toBe(true);
    expect(tier().save('k', stateWith(5))).toBe(true);
    expect(tier().load('k')).toEqual(stateWith(5));
    expect(folder.names()).toEqual(['jrr1-k-e2-0.gz', manifestName('k')]);
  });

  it('cuts a large state into shards, each at most the shard size', () => {
    const { folder, tier } = setup(1_000);
    const big = stateWith(2_000);
    expect(tier().save('k', big)).toBe(true);
    const shards = [...folder.files.values()].filter((file) => file.name.endsWith('.gz'));
    expect(shards.length).toBeGreaterThan(1);
    expect(Math.max(...shards.map((file) => file.content.length))).toBeLessThanOrEqual(1_000);
    expect(tier().load('k')).toEqual(big);
  });

  it.each([
    ['a shard is missing', (folder: MemoryFolder) => folder.files.delete(shardId(folder))],
    [
      'a shard was changed',
      (folder: MemoryFolder) => folder.files.get(shardId(folder))?.content.splice(10, 1, 0),
    ],
    ['the manifest is not JSON', (folder: MemoryFolder) => void (manifestFile(folder).content = [1, 2, 3])],
  ])('is no replica when %s (detected, logged, rebuilt later)', (_case, damage) => {
    const { folder, tier, logger } = setup();
    tier().save('k', stateWith(10));
    damage(folder);
    expect(tier().load('k')).toBeNull();
    expect(logger.lines.map((line) => line.event)).toContain('replica_cold_corrupt');
    expect(tier().save('k', stateWith(10))).toBe(true);
    expect(tier().load('k')).toEqual(stateWith(10));
  });

  it('steps aside for the rest of the execution when Drive is unavailable, never failing the report', () => {
    const { folder, tier, logger } = setup();
    folder.failWith = new DriveFailure('unavailable', 403, 'storageQuotaExceeded');
    const cold = tier();
    expect(cold.save('k', stateWith(2))).toBe(false);
    const calls = folder.calls;
    expect(cold.load('k')).toBeNull();
    expect(folder.calls).toBe(calls);
    expect(logger.lines).toContainEqual(
      expect.objectContaining({
        event: 'replica_cold_failed',
        data: expect.objectContaining({ reason: 'storageQuotaExceeded' }),
      }),
    );
  });

  it('a save killed before its manifest leaves the previous save readable, and its shards are collected', () => {
    const { folder, tier } = setup();
    tier().save('k', stateWith(3));
    folder.create('jrr1-k-e9-0.gz', [1, 2]);
    expect(tier().load('k')).toEqual(stateWith(3));
    tier().save('k', stateWith(4));
    expect(folder.names().filter((name) => name.startsWith('jrr1-k-e9'))).toEqual([]);
  });

  it('does not keep a state too large for one Apps Script blob, and never fails the report', () => {
    const folder = new MemoryFolder();
    const logger = new RecordingLogger();
    const blobLimited: Codec = {
      ...nodeCodec,
      gzipBytes: (text) => {
        if (text.length > 1_000) throw new Error('Exception: Limit Exceeded: Blob Size.');
        return nodeCodec.gzipBytes(text);
      },
    };
    const tier = new ColdTier({ drive: folder, codec: blobLimited, logger, newId: () => 'e1' });
    expect(tier.save('K', stateWith(100))).toBe(false);
    expect(folder.names()).toEqual([]);
    expect(logger.events()).toContain('replica_cold_failed');
    expect(tier.load('K')).toBeNull();
  });

  it('removes every file it keeps', () => {
    const { folder, tier } = setup();
    tier().save('a', stateWith(1));
    tier().save('b', stateWith(1));
    tier().removeAll();
    expect(folder.names()).toEqual([]);
  });
});

function shardId(folder: MemoryFolder): string {
  return [...folder.files].find(([, file]) => file.name.endsWith('.gz'))?.[0] ?? '';
}

function manifestFile(folder: MemoryFolder): { content: number[] } {
  return [...folder.files.values()].find((file) => file.name.endsWith('.json')) ?? { content: [] };
}
