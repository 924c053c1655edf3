/**
 * The replica's persistent tier: the state as one gzip stream, cut into shards of at most 4 MB, in
 * the user's Drive app data folder, with a small manifest written last as the commit point
 * (docs/replica.md, "Storage"). Whatever cannot be read back whole and verified is no replica;
 * whatever Drive refuses leaves the hot tier and the live path to carry on. Callers hold the user
 * lock while saving or removing (Drive v3 has no If-Match).
 */
import type { Codec, Logger } from '../platform';
import { DriveFailure, type AppDataFiles, type DriveFile } from './drive-client';
import { parseState, REPLICA_FORMAT, type ReplicaState } from './state';

const PREFIX = 'jrr1-';
/** Under Drive's 5 MB limit for one multipart upload. */
export const SHARD_BYTES = 4 * 1024 * 1024;
/**
 * Far below the 50 MB UrlFetch ceiling. The state's JSON is gzipped as one blob, which Apps Script
 * caps at 50 MB: a larger state fails in gzipBytes and is not kept here (docs/replica.md, "Storage").
 */
export const MAX_COLD_BYTES = 40 * 1024 * 1024;
const GZIP = 'application/gzip';

interface Manifest {
  readonly format: number;
  readonly key: string;
  readonly entryId: string;
  readonly shards: readonly string[];
  readonly bytes: number;
  readonly sha256: string;
}

export interface ColdTierServices {
  readonly drive: AppDataFiles;
  readonly codec: Codec;
  readonly logger: Logger;
  readonly newId: () => string;
  /** Bytes per shard (default SHARD_BYTES; smaller in tests). */
  readonly shardBytes?: number;
}

export class ColdTier {
  private files: DriveFile[] | null = null;
  private unavailable = false;

  constructor(private readonly services: ColdTierServices) {}

  /** The state saved under `key`, or null when there is none that reads back whole. */
  load(key: string): ReplicaState | null {
    return this.guard('load', null, () => {
      const manifestFile = this.listed().find((file) => file.name === manifestName(key));
      if (!manifestFile) return null;
      const manifest = parseManifest(this.services.drive.downloadText(manifestFile.id), key);
      if (!manifest) return this.corrupt(key, 'manifest');
      const byName = new Map(this.listed().map((file) => [file.name, file.id]));
      const bytes: number[] = [];
      for (const shard of manifest.shards) {
        const id = byName.get(shard);
        if (id === undefined) return this.corrupt(key, 'missing shard');
        for (const byte of this.services.drive.download(id)) bytes.push(byte);
      }
      if (bytes.length !== manifest.bytes || this.services.codec.sha256HexOfBytes(bytes) !== manifest.sha256)
        return this.corrupt(key, 'checksum');
      const state = parseState(JSON.parse(this.services.codec.gunzipBytes(bytes)) as unknown);
      return state ?? this.corrupt(key, 'state');
    });
  }

  /** Saves the state under `key`; false when Drive could not take it (the caller carries on). */
  save(key: string, state: ReplicaState): boolean {
    return this.guard('save', false, () => {
      const bytes = this.services.codec.gzipBytes(JSON.stringify(state));
      if (bytes.length > MAX_COLD_BYTES) {
        this.services.logger.log('warn', 'replica_cold_too_large', { bytes: bytes.length });
        return false;
      }
      const entryId = this.services.newId();
      const shards: string[] = [];
      const size = Math.min(this.services.shardBytes ?? SHARD_BYTES, SHARD_BYTES);
      for (let offset = 0, n = 0; offset < bytes.length || n === 0; offset += size, n++) {
        const name = `${PREFIX}${key}-${entryId}-${n}.gz`;
        this.services.drive.create(name, bytes.slice(offset, offset + size), GZIP);
        shards.push(name);
      }
      const manifest: Manifest = {
        format: REPLICA_FORMAT,
        key,
        entryId,
        shards,
        bytes: bytes.length,
        sha256: this.services.codec.sha256HexOfBytes(bytes),
      };
      this.writeManifest(key, manifest);
      this.removeOldShards(key, new Set(shards));
      return true;
    });
  }

  /**
   * Deletes every file the connector keeps in this user's app data folder, or, given an account,
   * those of every other account (replica keys start with the account's own hash).
   */
  removeAll(keepAccountPrefix?: string): void {
    this.guard('remove', undefined, () => {
      const kept = keepAccountPrefix === undefined ? null : `${PREFIX}${keepAccountPrefix}-`;
      for (const file of this.listed())
        if (file.name.startsWith(PREFIX) && (kept === null || !file.name.startsWith(kept)))
          this.services.drive.remove(file.id);
      this.files = null;
    });
  }

  private writeManifest(key: string, manifest: Manifest): void {
    const content = this.services.codec.utf8Bytes(JSON.stringify(manifest));
    const existing = this.listed().find((file) => file.name === manifestName(key));
    if (existing) this.services.drive.replace(existing.id, content, 'application/json');
    else this.services.drive.create(manifestName(key), content, 'application/json');
  }

  /** Shards of earlier saves (and of saves killed before their manifest) are garbage now. */
  private removeOldShards(key: string, current: ReadonlySet<string>): void {
    this.files = null;
    for (const file of this.listed())
      if (file.name.startsWith(`${PREFIX}${key}-`) && !current.has(file.name))
        this.services.drive.remove(file.id);
  }

  private listed(): DriveFile[] {
    this.files ??= this.services.drive.list();
    return this.files;
  }

  private corrupt(key: string, what: string): null {
    this.services.logger.log('warn', 'replica_cold_corrupt', { key, what });
    return null;
  }

  /** Drive failures (and anything else going wrong here) never reach the report: logged, skipped. */
  private guard<T>(action: string, fallback: T, body: () => T): T {
    if (this.unavailable) return fallback;
    try {
      return body();
    } catch (error) {
      if (error instanceof DriveFailure) {
        if (error.problem === 'unavailable') this.unavailable = true;
        this.services.logger.log('warn', 'replica_cold_failed', {
          action,
          problem: error.problem,
          status: error.status,
          reason: error.reason,
        });
      } else {
        this.services.logger.log('error', 'replica_cold_failed', { action, problem: errorName(error) });
      }
      return fallback;
    }
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

export function manifestName(key: string): string {
  return `${PREFIX}${key}.json`;
}

function parseManifest(text: string, key: string): Manifest | null {
  try {
    const value = JSON.parse(text) as Partial<Manifest>;
    if (value.format !== REPLICA_FORMAT || value.key !== key || typeof value.entryId !== 'string')
      return null;
    if (!Array.isArray(value.shards) || !value.shards.every((shard) => typeof shard === 'string'))
      return null;
    if (typeof value.bytes !== 'number' || typeof value.sha256 !== 'string') return null;
    return value as Manifest;
  } catch {
    return null;
  }
}
