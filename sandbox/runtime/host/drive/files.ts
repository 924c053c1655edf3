import { createHash } from 'node:crypto';
import { storageQuotaExceeded } from './errors';

/** One file of an app data folder, as the Drive stand-in keeps it. */
export interface StoredFile {
  readonly id: string;
  name: string;
  mimeType: string;
  content: Buffer;
  appProperties: Record<string, string>;
  /** Drive's `version`: rises on every change, by more than one when other files changed in between. */
  version: number;
  readonly createdTime: number;
  modifiedTime: number;
  /** The checksums Drive reports; a test fault can leave them stale (see corrupt). */
  md5Checksum: string;
  sha1Checksum: string;
  sha256Checksum: string;
}

export interface NewFile {
  readonly name: string;
  readonly mimeType: string;
  readonly content: Buffer;
  readonly appProperties: Record<string, string>;
  readonly modifiedTime?: number;
}

/**
 * Every app data folder of one Drive world, keyed by Google user × app (the OAuth client), and each
 * user's storage quota, which all of the user's apps share.
 */
export class DriveFiles {
  private readonly folders = new Map<string, Map<string, StoredFile>>();
  private readonly quotas = new Map<string, number>();
  private lastVersion = 0;
  private lastId = 0;

  /** The app data folder's own id, as Drive reports it in a file's `parents`. */
  folderId(user: string, app: string): string {
    return '0A' + digest('sha256', Buffer.from(`folder\n${user}\n${app}`), 'base64url').slice(0, 26);
  }

  list(user: string, app: string): StoredFile[] {
    return [...this.folder(user, app).values()];
  }

  find(user: string, app: string, id: string): StoredFile | undefined {
    return this.folder(user, app).get(id);
  }

  create(user: string, app: string, init: NewFile, now: number): StoredFile {
    this.ensureRoom(user, init.content.length);
    this.lastId += 1;
    const id = '1' + digest('sha256', Buffer.from(`file\n${this.lastId}`), 'base64url').slice(0, 32);
    const file: StoredFile = {
      id,
      name: init.name,
      mimeType: init.mimeType,
      content: Buffer.alloc(0),
      appProperties: { ...init.appProperties },
      version: 0,
      createdTime: now,
      modifiedTime: now,
      md5Checksum: '',
      sha1Checksum: '',
      sha256Checksum: '',
    };
    this.setContent(file, init.content);
    this.changed(file, init.modifiedTime ?? now);
    this.folder(user, app).set(id, file);
    return file;
  }

  /** New content (call changed() after): refused when the user's Drive would then be over its quota. */
  replaceContent(user: string, file: StoredFile, content: Buffer): void {
    this.ensureRoom(user, content.length - file.content.length);
    this.setContent(file, content);
  }

  /** Any change (content, name, appProperties…): a new version and modifiedTime. */
  changed(file: StoredFile, modifiedTime: number): void {
    this.lastVersion += 1 + (this.lastVersion % 3);
    file.version = this.lastVersion;
    file.modifiedTime = modifiedTime;
  }

  /** Bytes as stored, without Drive knowing (a test's corruption): checksums optionally left stale. */
  overwrite(file: StoredFile, content: Buffer, checksums: 'updated' | 'stale'): void {
    if (checksums === 'updated') this.setContent(file, content);
    else file.content = content;
  }

  delete(user: string, app: string, id: string): boolean {
    return this.folder(user, app).delete(id);
  }

  /** Bytes the user's files take, over every app (Drive's quota is the user's). */
  usage(user: string): number {
    let total = 0;
    for (const [key, folder] of this.folders) {
      if (key.split('\n')[0] !== user) continue;
      for (const file of folder.values()) total += file.content.length;
    }
    return total;
  }

  setQuota(user: string, bytes: number | null): void {
    if (bytes === null) this.quotas.delete(user);
    else this.quotas.set(user, bytes);
  }

  clear(): void {
    this.folders.clear();
    this.quotas.clear();
  }

  private ensureRoom(user: string, growth: number): void {
    const quota = this.quotas.get(user);
    if (quota !== undefined && this.usage(user) + Math.max(growth, 0) > quota) throw storageQuotaExceeded();
  }

  private setContent(file: StoredFile, content: Buffer): void {
    file.content = content;
    file.md5Checksum = digest('md5', content, 'hex');
    file.sha1Checksum = digest('sha1', content, 'hex');
    file.sha256Checksum = digest('sha256', content, 'hex');
  }

  private folder(user: string, app: string): Map<string, StoredFile> {
    const key = `${user}\n${app}`;
    let folder = this.folders.get(key);
    if (!folder) {
      folder = new Map();
      this.folders.set(key, folder);
    }
    return folder;
  }
}

function digest(algorithm: string, bytes: Buffer, encoding: 'hex' | 'base64url'): string {
  return createHash(algorithm).update(bytes).digest(encoding);
}
