import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { builtFile } from '../../paths';
import type { HostReply, WorkerBootstrap, WorkerMessage } from '../protocol';

export const WORKER_FILE = builtFile('sandbox/runtime/worker/main.js');

/** One worker thread and the host's end of its synchronous channel. */
export class WorkerSlot {
  readonly worker: Worker;
  private readonly signal: Int32Array;
  private readonly replies: MessagePort;
  private stopping = false;
  onMessage: ((message: WorkerMessage) => void) | null = null;
  onFailure: ((error: Error) => void) | null = null;

  constructor(clock: SharedArrayBuffer) {
    const signal = new SharedArrayBuffer(4);
    const channel = new MessageChannel();
    const bootstrap: WorkerBootstrap & { replies: MessagePort } = { signal, clock, replies: channel.port2 };
    this.worker = new Worker(WORKER_FILE, { workerData: bootstrap, transferList: [channel.port2] });
    this.signal = new Int32Array(signal);
    this.replies = channel.port1;
    this.worker.on('message', (message: WorkerMessage) => this.onMessage?.(message));
    this.worker.on('error', (error) => this.onFailure?.(error));
    this.worker.on('exit', (code) => {
      if (!this.stopping) this.onFailure?.(new Error(`The runtime worker exited with code ${code}`));
    });
  }

  /** Wakes the worker blocked in Atomics.wait with the answer to its request. */
  reply(reply: HostReply): void {
    this.replies.postMessage(reply);
    Atomics.store(this.signal, 0, 1);
    Atomics.notify(this.signal, 0);
  }

  async terminate(): Promise<void> {
    this.stopping = true;
    this.replies.close();
    await this.worker.terminate();
  }
}

/** Workers are reused between executions (each execution still gets a fresh vm context). */
export class WorkerPool {
  private readonly idle: WorkerSlot[] = [];
  private readonly waiting: Array<(slot: WorkerSlot) => void> = [];
  private live = 0;

  constructor(
    private readonly maxWorkers: number,
    private readonly clock: SharedArrayBuffer,
  ) {}

  acquire(): Promise<WorkerSlot> {
    const slot = this.idle.pop() ?? (this.live < this.maxWorkers ? this.spawn() : null);
    if (slot) {
      slot.worker.ref();
      return Promise.resolve(slot);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(slot: WorkerSlot): void {
    slot.onMessage = null;
    slot.onFailure = null;
    const next = this.waiting.shift();
    if (next) next(slot);
    else {
      slot.worker.unref();
      this.idle.push(slot);
    }
  }

  /** A worker that was killed (time limit) or crashed is replaced, not reused. */
  discard(slot: WorkerSlot): void {
    this.live--;
    void slot.terminate();
    const next = this.waiting.shift();
    if (next) next(this.spawn());
  }

  async close(): Promise<void> {
    const slots = this.idle.splice(0);
    this.live -= slots.length;
    await Promise.all(slots.map((slot) => slot.terminate()));
  }

  private spawn(): WorkerSlot {
    this.live++;
    return new WorkerSlot(this.clock);
  }
}
