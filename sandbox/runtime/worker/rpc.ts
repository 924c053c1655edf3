import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { HostReply, HostRequest, WorkerMessage } from '../protocol';

/**
 * The worker's end of the synchronous call: post the request, sleep in Atomics.wait until the host
 * sets the signal, then take the reply off the reply port without the event loop.
 */
export class SyncRpc {
  private readonly signal: Int32Array;
  /** Milliseconds spent blocked waiting for the host, to tell busy time from waiting time. */
  waitedMs = 0;

  constructor(
    private readonly toHost: { postMessage(message: WorkerMessage): void },
    private readonly replies: MessagePort,
    signal: SharedArrayBuffer,
  ) {
    this.signal = new Int32Array(signal);
  }

  call(request: HostRequest): HostReply {
    Atomics.store(this.signal, 0, 0);
    this.toHost.postMessage({ kind: 'rpc', request });
    const started = performance.now();
    // The host stores 1 and then notifies. The notify of the previous reply can arrive after this
    // call has reset the signal (the worker already saw the 1 and moved on), so a wake-up with the
    // signal still 0 is stale: keep waiting for this call's own reply.
    while (Atomics.load(this.signal, 0) === 0) Atomics.wait(this.signal, 0, 0);
    this.waitedMs += performance.now() - started;
    const received = receiveMessageOnPort(this.replies);
    if (!received) throw new Error('The runtime host woke this worker without a reply');
    return received.message as HostReply;
  }

  /** Fire and forget: log lines arrive at the host in order with the requests. */
  post(message: WorkerMessage): void {
    this.toHost.postMessage(message);
  }
}
