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
  /** Set when the thread failed, even before anyone listened (e.g. while it was starting). */
  failure: Error | null = null;
  /** Settles once the thread runs JavaScript (or failed): its start is not the script's time. */
  readonly ready: Promise<void>;

  constructor(clock: SharedArrayBuffer) {
    const signal = new SharedArrayBuffer(4);
    const channel = new MessageChannel();
    const bootstrap: WorkerBootstrap & { replies: MessagePort } = { signal, clock, replies: channel.port2 };
    this.worker = new Worker(WORKER_FILE, { workerData: bootstrap, transferList: [channel.port2] });
    this.signal = new Int32Array(signal);
    this.replies = channel.port1;
    this.worker.on('message', (message: WorkerMessage) => this.onMessage?.(message));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => {
      if (!this.stopping) this.fail(new Error(`The runtime worker exited with code ${code}`));
    });
    this.ready = new Promise((resolve) => {
      this.worker.once('online', () => resolve());
      this.worker.once('exit', () => resolve());
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.onFailure?.(error);
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

/** Thrown to executions that wait for a worker when the runtime closes. */
export class PoolClosed extends Error {
  constructor() {
    super('The runtime was closed');
  }
}

export interface QueueListener {
  queued(): void;
  granted(): void;
}

interface Waiter {
  resolve(slot: WorkerSlot): void;
  reject(error: Error): void;
}

/** Workers are reused between executions (each execution still gets a fresh vm context). */
export class WorkerPool {
  private readonly idle: WorkerSlot[] = [];
  private readonly waiting: Waiter[] = [];
  private live = 0;
  private closed = false;

  constructor(
    private readonly maxWorkers: number,
    private readonly clock: SharedArrayBuffer,
  ) {}

  /**
   * An idle worker, a new one once its thread runs, or the next one released; PoolClosed after
   * close(). `queue` hears when the caller has to wait for a worker to be released, and when it got one.
   */
  async acquire(queue?: QueueListener): Promise<WorkerSlot> {
    if (this.closed) throw new PoolClosed();
    const slot = this.idle.pop() ?? (this.live < this.maxWorkers ? this.spawn() : await this.queueUp(queue));
    await slot.ready;
    if (this.closed) {
      this.discard(slot);
      throw new PoolClosed();
    }
    slot.worker.ref();
    return slot;
  }

  release(slot: WorkerSlot): void {
    slot.onMessage = null;
    slot.onFailure = null;
    if (this.closed) return this.discard(slot);
    const next = this.waiting.shift();
    if (next) next.resolve(slot);
    else {
      slot.worker.unref();
      this.idle.push(slot);
    }
  }

  /** A worker that was killed (time limit) or crashed is replaced, not reused. */
  discard(slot: WorkerSlot): void {
    this.live--;
    void slot.terminate();
    const next = this.closed ? undefined : this.waiting.shift();
    if (next) next.resolve(this.spawn());
  }

  /** Stops the idle workers; executions still waiting for one get PoolClosed, workers still starting stop once up. */
  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiting.splice(0)) waiter.reject(new PoolClosed());
    const slots = this.idle.splice(0);
    this.live -= slots.length;
    await Promise.all(slots.map((slot) => slot.terminate()));
  }

  private queueUp(queue: QueueListener | undefined): Promise<WorkerSlot> {
    queue?.queued();
    return new Promise<WorkerSlot>((resolve, reject) => this.waiting.push({ resolve, reject })).then(
      (slot) => {
        queue?.granted();
        return slot;
      },
    );
  }

  private spawn(): WorkerSlot {
    this.live++;
    return new WorkerSlot(this.clock);
  }
}
