import { NetworkFailure, sendRequest } from './http-client';

export type ClockConfig =
  | { readonly kind: 'real' }
  | {
      readonly kind: 'virtual';
      readonly sandboxUrl: string;
      /**
       * Real milliseconds without any event (a service call, its answer, a log line, an execution
       * starting or ending) after which virtual time moves even though an execution still holds it
       * (a wait the runtime cannot see). Default 20_000.
       */
      readonly quietMs?: number;
    };

export const SANDBOX_NOW_HEADER = 'x-sandbox-now';

const CLOCK_REQUEST_TIMEOUT_MS = 10_000;

/**
 * The host's time. Real: the wall clock. Virtual: the sandbox owns the time; the host keeps a copy
 * (read at each execution's start, from every sandbox response's x-sandbox-now header, and from
 * the answers when it moves the clock) in shared memory, where the workers' Date reads it. When
 * virtual time moves is the TimeKeeper's decision (time-keeper.ts).
 */
export class HostClock {
  readonly virtual: boolean;
  /** Shared with every worker: a BigInt64Array cell with the virtual now in ms. */
  readonly shared = new SharedArrayBuffer(8);
  private readonly cell = new BigInt64Array(this.shared);
  private readonly listeners: Array<() => void> = [];
  private readonly sandboxUrl: string;

  constructor(config: ClockConfig) {
    this.virtual = config.kind === 'virtual';
    this.sandboxUrl = config.kind === 'virtual' ? config.sandboxUrl.replace(/\/+$/, '') : '';
  }

  now(): number {
    return this.virtual ? Number(Atomics.load(this.cell, 0)) : Date.now();
  }

  /** The sandbox's origin in virtual mode (its responses carry the time), else null. */
  get sandboxOrigin(): string | null {
    return this.virtual ? new URL(this.sandboxUrl).origin : null;
  }

  /** A time seen in a sandbox answer. The copy only moves forward. */
  observe(ms: number): void {
    if (!this.virtual || !Number.isFinite(ms) || ms <= this.now()) return;
    Atomics.store(this.cell, 0, BigInt(Math.floor(ms)));
    for (const listener of this.listeners) listener();
  }

  onAdvance(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Reads the sandbox clock (virtual mode); a no-op on the real clock. */
  async sync(): Promise<void> {
    if (!this.virtual) return;
    const response = await this.call('GET', '/_sandbox/clock', null);
    this.observe(readNow(response));
  }

  /**
   * Moves the sandbox clock to `target` (virtual mode): `POST /_sandbox/clock/sleep` from the host's
   * now, so a clock someone else moved further stays where it is. Listeners hear of the new time.
   */
  async advanceTo(target: number): Promise<void> {
    const from = this.now();
    const ms = Math.max(0, Math.ceil(target - from));
    const response = await this.call('POST', '/_sandbox/clock/sleep', JSON.stringify({ ms, from }));
    this.observe(readNow(response));
    if (this.now() < target)
      throw new Error(`The sandbox clock did not move to ${target}: it answered ${this.now()}`);
  }

  /**
   * Both calls are idempotent (a sleep names the time it starts from), so a connection the sandbox
   * closed as it was reused (keep-alive after a long busy spell of the host) is simply tried again.
   */
  private async call(method: string, path: string, body: string | null): Promise<string> {
    try {
      return await this.callOnce(method, path, body);
    } catch (error) {
      if (!(error instanceof NetworkFailure) || error.kind !== 'other') throw error;
      return this.callOnce(method, path, body);
    }
  }

  private async callOnce(method: string, path: string, body: string | null): Promise<string> {
    const response = await sendRequest({
      url: this.sandboxUrl + path,
      method,
      headers: body === null ? [] : [['Content-Type', 'application/json']],
      body: body === null ? null : Buffer.from(body),
      timeoutMs: CLOCK_REQUEST_TIMEOUT_MS,
      maxResponseBytes: 1 << 16,
    });
    if (response.status !== 200)
      throw new Error(`The sandbox clock answered ${method} ${path} with HTTP ${response.status}`);
    return response.body.toString('utf8');
  }
}

function readNow(body: string): number {
  const parsed: unknown = JSON.parse(body);
  const now = typeof parsed === 'object' && parsed !== null ? (parsed as { now?: unknown }).now : undefined;
  if (typeof now !== 'number') throw new Error(`The sandbox clock answered without a numeric "now": ${body}`);
  return now;
}
