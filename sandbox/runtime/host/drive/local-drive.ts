/**
 * The Drive stand-in's world (app data folders, tokens, faults, latency) and one runtime's view of
 * it: the in-host service UrlFetchApp routes Drive URLs to, the token ScriptApp.getOAuthToken()
 * returns, and the host API tests use (runtime.drive).
 */
import type { InHostAnswer, InHostRequest, InHostService } from '../url-fetch';
import { DEFAULT_DRIVE_LATENCY, DriveFaults, latencyMs, type DriveFault, type DriveLatency } from './faults';
import { DriveFiles, type StoredFile } from './files';
import { DRIVE_PREFIXES, serveDrive } from './router';
import { OAuthTokens } from './tokens';
import type { DriveCorruption, DriveFileInfo, DriveFileSeed, DriveHost, DriveTarget } from './types';

/** One Google: every user's app data folders and quotas, the tokens, the faults and the latency. */
export class LocalDrive {
  readonly files = new DriveFiles();
  readonly tokens = new OAuthTokens();
  readonly faults = new DriveFaults();
  latency: DriveLatency = DEFAULT_DRIVE_LATENCY;

  /** Forgets every file, quota, token and fault, and restores the default latency. */
  reset(): void {
    this.files.clear();
    this.tokens.clear();
    this.faults.clear();
    this.latency = DEFAULT_DRIVE_LATENCY;
  }
}

/** A Drive world several runtimes can share (two deployments of one script project, say). */
export function createDrive(): LocalDrive {
  return new LocalDrive();
}

export interface RuntimeDriveConfig {
  readonly world: LocalDrive;
  /** The OAuth client (Cloud project) of the runtime's script. */
  readonly app: string;
  /** The manifest's explicit oauthScopes, or null when Apps Script detects them (no Drive scope). */
  readonly oauthScopes: readonly string[] | null;
  readonly now: () => number;
  /** The runtime created the world, so close() discards it. */
  readonly owned: boolean;
}

export class RuntimeDrive implements DriveHost, InHostService {
  readonly app: string;
  readonly world: LocalDrive;

  constructor(private readonly config: RuntimeDriveConfig) {
    this.app = config.app;
    this.world = config.world;
  }

  handles(url: string): boolean {
    return DRIVE_PREFIXES.some((prefix) => url.startsWith(prefix));
  }

  async serve(request: InHostRequest): Promise<InHostAnswer> {
    const body = request.body ?? Buffer.alloc(0);
    const outcome = serveDrive(this.world, { ...request, body, app: this.app, now: this.config.now() });
    if ('timeout' in outcome) return { timeout: true };
    const { status, headers, body: answer } = outcome.reply;
    return {
      response: { status, headers, body: answer },
      latencyMs: latencyMs(this.world.latency, body.length + answer.length),
    };
  }

  /** ScriptApp.getOAuthToken(): the user's token for this script's app with the manifest's scopes. */
  oauthToken(user: string): string {
    return this.world.tokens.issue(user, this.app, this.config.oauthScopes ?? [], this.config.now());
  }

  close(): void {
    if (this.config.owned) this.world.reset();
  }

  files(user: string, target?: DriveTarget): DriveFileInfo[] {
    return this.world.files
      .list(user, this.appOf(target))
      .sort((a, b) => a.createdTime - b.createdTime || (a.id < b.id ? -1 : 1))
      .map(describe);
  }

  file(user: string, idOrName: string, target?: DriveTarget): DriveFileInfo {
    return describe(this.pick(user, idOrName, target));
  }

  content(user: string, idOrName: string, target?: DriveTarget): Buffer {
    return Buffer.from(this.pick(user, idOrName, target).content);
  }

  putFile(user: string, seed: DriveFileSeed, target?: DriveTarget): DriveFileInfo {
    const file = this.world.files.create(
      user,
      this.appOf(target),
      {
        name: seed.name,
        mimeType: seed.mimeType ?? 'application/octet-stream',
        content: typeof seed.content === 'string' ? Buffer.from(seed.content) : Buffer.from(seed.content),
        appProperties: { ...(seed.appProperties ?? {}) },
      },
      this.config.now(),
    );
    return describe(file);
  }

  corrupt(user: string, idOrName: string, corruption: DriveCorruption = {}): void {
    const file = this.pick(user, idOrName, corruption);
    const content = Buffer.from(file.content);
    const at = corruption.at ?? Math.floor(content.length / 2);
    if (at < 0 || at >= content.length)
      throw new Error(`Cannot corrupt byte ${at} of a ${content.length}-byte file`);
    content[at] = (content[at] ?? 0) ^ 0xff;
    this.overwrite(file, content, corruption);
  }

  truncate(user: string, idOrName: string, bytes: number, corruption: DriveCorruption = {}): void {
    const file = this.pick(user, idOrName, corruption);
    this.overwrite(file, Buffer.from(file.content.subarray(0, Math.max(0, bytes))), corruption);
  }

  remove(user: string, idOrName: string, target?: DriveTarget): void {
    const file = this.pick(user, idOrName, target);
    this.world.files.delete(user, this.appOf(target), file.id);
  }

  setStorageQuota(user: string, bytes: number | null): void {
    this.world.files.setQuota(user, bytes);
  }

  storageUsed(user: string): number {
    return this.world.files.usage(user);
  }

  injectFault(fault: DriveFault, target?: DriveTarget): void {
    this.world.faults.inject(fault, this.appOf(target));
  }

  clearFaults(): void {
    this.world.faults.clear();
  }

  pendingFaults(): number {
    return this.world.faults.count();
  }

  get latency(): DriveLatency {
    return this.world.latency;
  }

  setLatency(latency: Partial<DriveLatency>): void {
    const next = { ...this.world.latency, ...latency };
    if (!(next.perRequestMs >= 0) || !(next.bytesPerSecond > 0))
      throw new Error('Drive latency needs perRequestMs >= 0 and bytesPerSecond > 0');
    this.world.latency = next;
  }

  revokeTokens(user: string): void {
    this.world.tokens.revoke(user);
  }

  private overwrite(file: StoredFile, content: Buffer, corruption: DriveCorruption): void {
    const metadata = corruption.metadata ?? 'updated';
    this.world.files.overwrite(file, content, metadata === 'updated' ? 'updated' : 'stale');
    if (metadata === 'updated') this.world.files.changed(file, this.config.now());
  }

  private pick(user: string, idOrName: string, target: DriveTarget | undefined): StoredFile {
    const app = this.appOf(target);
    const byId = this.world.files.find(user, app, idOrName);
    if (byId) return byId;
    const named = this.world.files.list(user, app).filter((file) => file.name === idOrName);
    const [only] = named;
    if (named.length === 1 && only) return only;
    throw new Error(
      named.length === 0
        ? `${user} has no app data file ${idOrName} for app ${app}`
        : `${user} has ${named.length} app data files named ${idOrName}: pass an id`,
    );
  }

  private appOf(target: DriveTarget | undefined): string {
    return target?.app ?? this.app;
  }
}

function describe(file: StoredFile): DriveFileInfo {
  return {
    id: file.id,
    name: file.name,
    mimeType: file.mimeType,
    size: file.content.length,
    md5Checksum: file.md5Checksum,
    version: file.version,
    createdTime: new Date(file.createdTime).toISOString(),
    modifiedTime: new Date(file.modifiedTime).toISOString(),
    appProperties: { ...file.appProperties },
  };
}
