/**
 * The one set of fakes for the Platform's services (src/platform/platform.ts), for unit tests on an
 * injected clock, with the Apps Script semantics the connector relies on: cache values expire by
 * the clock and respect Apps Script's limits, a user lock has one holder among the executions that
 * share it. Single-threaded: a lock held by another execution is never released while waiting, so
 * tryLock answers at once. The end-to-end tests use the local runtime's real services instead.
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type {
  CacheStore,
  Clock,
  Codec,
  HtmlPage,
  Http,
  HttpRequest,
  HttpResponse,
  Lock,
  LogLevel,
  Logger,
  Platform,
  PropertyStore,
} from '../../src/platform/platform';
import { fakeCommunityConnector } from './fake-community-connector';
import { countingFormatDate } from './format-date';

/** Where fake clocks start: a fixed instant, so runs are reproducible. */
export const TEST_START_MS = Date.UTC(2025, 4, 1, 12);

/** A clock that only moves when something sleeps (or a test moves it). */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  private onSleep: (sleepIndex: number) => void = () => undefined;
  constructor(public nowMs = TEST_START_MS) {}

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

/** Apps Script's Properties in memory (all of it: the OAuth2 library's reset() lists the keys). */
export class MemoryProperties implements GoogleAppsScript.Properties.Properties {
  readonly values = new Map<string, string>();
  getProperty(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  setProperty(key: string, value: string): this {
    this.values.set(key, value);
    return this;
  }
  deleteProperty(key: string): this {
    this.values.delete(key);
    return this;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.values);
  }
  getKeys(): string[] {
    return [...this.values.keys()];
  }
  setProperties(properties: Record<string, string>, deleteAllOthers?: boolean): this {
    if (deleteAllOthers) this.values.clear();
    for (const [key, value] of Object.entries(properties)) this.values.set(key, value);
    return this;
  }
  deleteAllProperties(): this {
    this.values.clear();
    return this;
  }
}

/** Apps Script's Cache in memory: values expire by the clock; keys ≤ 250 characters, values ≤ 100 KB. */
export class MemoryCache implements GoogleAppsScript.Cache.Cache {
  readonly values = new Map<string, { value: string; expiresAt: number }>();
  readonly calls = { get: 0, getAll: 0, put: 0, putAll: 0 };
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
    checkKey(key);
    const stored = this.values.get(key);
    if (!stored || stored.expiresAt <= this.clock.now()) return null;
    return stored.value;
  }
  private write(key: string, value: string, expirationInSeconds: number): void {
    checkKey(key);
    if (Buffer.byteLength(value, 'utf8') > 100 * 1000) throw new Error('Argument too large: value');
    if (!(expirationInSeconds >= 1 && expirationInSeconds <= 21_600))
      throw new Error(`Invalid expiration ${expirationInSeconds}`);
    this.values.set(key, { value, expiresAt: this.clock.now() + expirationInSeconds * 1000 });
  }
}

function checkKey(key: string): void {
  if (key.length > 250) throw new Error('Argument too large: key');
}

/** One user lock shared by the executions of a user; each execution holds its own Lock over it. */
export class FakeUserLock {
  holder: string | undefined;
  acquisitions = 0;
  /** When set, waitLock throws as Apps Script does after its timeout. */
  contended = false;
  private executions = 0;

  /** The Lock an execution holds (a new, unnamed execution when no name is given). */
  forExecution(execution = `execution-${(this.executions += 1)}`): FakeLock {
    return new FakeLock(this, execution);
  }
}

export class FakeLock implements GoogleAppsScript.Lock.Lock {
  constructor(
    private readonly user: FakeUserLock,
    private readonly execution: string,
  ) {}
  hasLock(): boolean {
    return this.user.holder === this.execution;
  }
  tryLock(): boolean {
    if (this.user.holder !== undefined && this.user.holder !== this.execution) return false;
    this.user.holder = this.execution;
    this.user.acquisitions += 1;
    return true;
  }
  waitLock(timeoutMs: number): void {
    if (this.user.contended || !this.tryLock()) throw new Error(`Lock timeout after ${timeoutMs} ms`);
  }
  releaseLock(): void {
    if (this.hasLock()) this.user.holder = undefined;
  }
}

/** Utilities on Node: dates by Node's time zone data, gzip, web-safe base64 (padding optional), SHA-256. */
export const nodeCodec: Codec = {
  formatDate: countingFormatDate(),
  gzipToBase64: (text) => gzipSync(Buffer.from(text, 'utf8')).toString('base64'),
  gunzipFromBase64: (encoded) => gunzipSync(Buffer.from(encoded, 'base64')).toString('utf8'),
  decodeBase64WebSafe: (encoded) => Buffer.from(encoded, 'base64url').toString('utf8'),
  sha256Hex: (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
  gzipBytes: (text) => signedBytes(gzipSync(Buffer.from(text, 'utf8'))),
  gunzipBytes: (bytes) => gunzipSync(bufferOf(bytes)).toString('utf8'),
  sha256HexOfBytes: (bytes) => createHash('sha256').update(bufferOf(bytes)).digest('hex'),
  utf8Bytes: (text) => signedBytes(Buffer.from(text, 'utf8')),
};

/** Bytes as Apps Script hands them over: signed 8-bit values. */
function signedBytes(buffer: Buffer): number[] {
  return [...new Int8Array(buffer.buffer, buffer.byteOffset, buffer.length)];
}

function bufferOf(bytes: readonly number[]): Buffer {
  return Buffer.from(Int8Array.from(bytes).buffer);
}

export interface LogLine {
  readonly level: LogLevel;
  readonly event: string;
  readonly data?: Readonly<Record<string, unknown>>;
}

export class RecordingLogger implements Logger {
  readonly lines: LogLine[] = [];
  log(level: LogLevel, event: string, data?: Readonly<Record<string, unknown>>): void {
    this.lines.push(data === undefined ? { level, event } : { level, event, data });
  }
  events(): string[] {
    return this.lines.map((line) => line.event);
  }
}

export type Responder = (request: HttpRequest) => HttpResponse;

/** Answers each request with the next scripted responder; an unexpected request fails the test. */
export class ScriptedHttp implements Http {
  readonly requests: HttpRequest[] = [];
  constructor(private readonly responders: Responder[] = []) {}
  fetch(request: HttpRequest): HttpResponse {
    this.requests.push(request);
    const next = this.responders.shift();
    if (!next) throw new Error(`unexpected request #${this.requests.length}`);
    return next(request);
  }
}

/** What HtmlService would build, readable by the test. */
export function htmlPage(html: string, title: string): HtmlPage {
  return { getContent: () => html, getTitle: () => title };
}

/** Throws when called: a service the code under test must not reach. */
function refusing(name: string): () => never {
  return () => {
    throw new Error(`${name} is not used by this test`);
  };
}

function refusingProperties(name: string): PropertyStore {
  return { getProperty: () => null, setProperty: refusing(`${name}.set`), deleteProperty: refusing(name) };
}

/**
 * A whole Platform: the given services, and for every other one a stand-in that refuses to be used
 * (properties read as empty), so a test states exactly what the code under test may touch.
 */
export function fakePlatform(services: Partial<Platform> = {}): Platform {
  const cache: CacheStore = {
    get: refusing('cache.get'),
    getAll: refusing('cache.getAll'),
    put: refusing('cache.put'),
    putAll: refusing('cache.putAll'),
    remove: refusing('cache.remove'),
    removeAll: refusing('cache.removeAll'),
  };
  const lock: Lock = {
    tryLock: refusing('tryLock'),
    waitLock: refusing('waitLock'),
    releaseLock: refusing('releaseLock'),
    hasLock: refusing('hasLock'),
  };
  return {
    http: { fetch: refusing('http.fetch') },
    clock: { now: refusing('clock.now'), sleep: refusing('clock.sleep') },
    scriptProperties: refusingProperties('scriptProperties'),
    userProperties: refusingProperties('userProperties'),
    userCache: cache,
    userLock: lock,
    codec: nodeCodec,
    logger: new RecordingLogger(),
    oauth2Environment: refusing('oauth2Environment'),
    connectorApi: fakeCommunityConnector(),
    effectiveUserEmail: () => 'someone@example.com',
    htmlPage: refusing('htmlPage'),
    activeUserEmail: () => 'someone@example.com',
    webAppUrl: () => null,
    uuid: refusing('uuid'),
    googleOAuthToken: refusing('googleOAuthToken'),
    ...services,
  };
}
