/**
 * Small fakes of the Apps Script services the cache uses, with the semantics it depends on: cache
 * values expire by the injected clock and respect Apps Script's limits; the lock has one owner
 * among the executions that share it. Single-threaded: a lock held by another execution is never
 * released while waiting, so tryLock answers at once.
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { CacheServices } from '../../src/cache';
import type { CacheStore, Clock, Codec, Lock, Logger, PropertyStore } from '../../src/platform/platform';

export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  private onSleep: (sleepIndex: number) => void = () => undefined;
  constructor(private nowMs = Date.UTC(2025, 4, 1, 12)) {}
  now(): number {
    return this.nowMs;
  }
  sleep(milliseconds: number): void {
    if (!(milliseconds >= 0)) throw new Error(`sleep(${milliseconds})`);
    this.nowMs += milliseconds;
    this.sleeps.push(milliseconds);
    this.onSleep(this.sleeps.length - 1);
  }
  /** Runs `play` after each later sleep, with its index from 0: how a test plays other executions. */
  whenSleeping(play: (sleepIndex: number) => void): void {
    this.sleeps.length = 0;
    this.onSleep = play;
  }
  advance(milliseconds: number): void {
    this.nowMs += milliseconds;
  }
}

export class FakeCache implements CacheStore {
  readonly values = new Map<string, { value: string; expiresAt: number }>();
  calls = { get: 0, getAll: 0, put: 0, putAll: 0 };
  constructor(private readonly clock: Clock) {}

  get(key: string): string | null {
    this.calls.get++;
    return this.read(key);
  }
  getAll(keys: string[]): Record<string, string> {
    this.calls.getAll++;
    const found: Record<string, string> = {};
    for (const key of keys) {
      const value = this.read(key);
      if (value !== null) found[key] = value;
    }
    return found;
  }
  put(key: string, value: string, expirationInSeconds = 600): void {
    this.calls.put++;
    this.write(key, value, expirationInSeconds);
  }
  putAll(values: Record<string, string>, expirationInSeconds = 600): void {
    this.calls.putAll++;
    for (const [key, value] of Object.entries(values)) this.write(key, value, expirationInSeconds);
  }
  remove(key: string): void {
    this.values.delete(key);
  }
  removeAll(keys: string[]): void {
    keys.forEach((key) => this.values.delete(key));
  }
  keysMatching(pattern: RegExp): string[] {
    return [...this.values.keys()].filter((key) => pattern.test(key));
  }

  private read(key: string): string | null {
    this.checkKey(key);
    const stored = this.values.get(key);
    if (!stored || stored.expiresAt <= this.clock.now()) return null;
    return stored.value;
  }
  private write(key: string, value: string, expirationInSeconds: number): void {
    this.checkKey(key);
    if (Buffer.byteLength(value, 'utf8') > 100 * 1000) throw new Error('Argument too large: value');
    if (!(expirationInSeconds >= 1 && expirationInSeconds <= 21_600))
      throw new Error(`Invalid expiration ${expirationInSeconds}`);
    this.values.set(key, { value, expiresAt: this.clock.now() + expirationInSeconds * 1000 });
  }
  private checkKey(key: string): void {
    if (key.length > 250) throw new Error('Argument too large: key');
  }
}

export class FakeProperties implements PropertyStore {
  readonly values = new Map<string, string>();
  getProperty(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  setProperty(key: string, value: string): GoogleAppsScript.Properties.Properties {
    this.values.set(key, value);
    return this.asProperties();
  }
  deleteProperty(key: string): GoogleAppsScript.Properties.Properties {
    this.values.delete(key);
    return this.asProperties();
  }
  /** Apps Script returns the store for chaining; the cache never chains. */
  private asProperties(): GoogleAppsScript.Properties.Properties {
    return this as unknown as GoogleAppsScript.Properties.Properties;
  }
}

/** One user lock shared by several executions; `forExecution` is what each execution holds. */
export class FakeUserLock {
  owner: string | null = null;
  acquisitions = 0;
  forExecution(execution: string): Lock {
    return {
      tryLock: () => this.acquire(execution),
      waitLock: () => {
        if (!this.acquire(execution)) throw new Error('Lock timeout: another process was holding the lock.');
      },
      releaseLock: () => {
        if (this.owner === execution) this.owner = null;
      },
      hasLock: () => this.owner === execution,
    };
  }
  private acquire(execution: string): boolean {
    if (this.owner !== null && this.owner !== execution) return false;
    this.owner = execution;
    this.acquisitions++;
    return true;
  }
}

export const nodeCodec: Codec = {
  formatDate: () => {
    throw new Error('not used by the cache');
  },
  gzipToBase64: (text) => gzipSync(Buffer.from(text, 'utf8')).toString('base64'),
  gunzipFromBase64: (encoded) => gunzipSync(Buffer.from(encoded, 'base64')).toString('utf8'),
  decodeBase64WebSafe: (encoded) => Buffer.from(encoded, 'base64url').toString('utf8'),
  sha256Hex: (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
  gzipBytes: (text) => [...new Int8Array(gzipSync(Buffer.from(text, 'utf8')))],
  gunzipBytes: (bytes) => gunzipSync(Buffer.from(Int8Array.from(bytes).buffer)).toString('utf8'),
  sha256HexOfBytes: (bytes) =>
    createHash('sha256')
      .update(Buffer.from(Int8Array.from(bytes).buffer))
      .digest('hex'),
  utf8Bytes: (text) => [...new Int8Array(Buffer.from(text, 'utf8'))],
};

export class RecordingLogger implements Logger {
  readonly lines: { level: string; event: string; data?: Readonly<Record<string, unknown>> }[] = [];
  log(level: 'info' | 'warn' | 'error', event: string, data?: Readonly<Record<string, unknown>>): void {
    this.lines.push({ level, event, data });
  }
}

/** One user's world: a cache, properties and a lock shared by that user's executions. */
export class FakeUser {
  readonly cache: FakeCache;
  readonly properties = new FakeProperties();
  readonly lock = new FakeUserLock();
  readonly logger = new RecordingLogger();
  constructor(readonly clock: FakeClock = new FakeClock()) {
    this.cache = new FakeCache(clock);
  }
  execution(name = 'execution-1'): CacheServices {
    return {
      userCache: this.cache,
      userProperties: this.properties,
      userLock: this.lock.forExecution(name),
      codec: nodeCodec,
      clock: this.clock,
      logger: this.logger,
    };
  }
}
