import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { ExecuteCommand, WorkerBootstrap, WorkerMessage } from '../protocol';
import { execute } from './execute';
import { createNativeBridge } from './native';
import { SyncRpc } from './rpc';

/** A runtime worker: runs one execution at a time, each in a fresh vm context. */
function main(): void {
  const port = parentPort;
  if (!port) throw new Error('sandbox/runtime/worker/main.js must run as a worker thread');
  const bootstrap = workerData as WorkerBootstrap & { replies: MessagePort };
  const rpc = new SyncRpc(port, bootstrap.replies, bootstrap.signal);
  port.on('message', (command: ExecuteCommand) => {
    const native = createNativeBridge(rpc, bootstrap.clock, command.settings.virtualClock);
    const outcome = execute(command, native, rpc);
    const done: WorkerMessage = { kind: 'done', outcome };
    port.postMessage(done);
  });
}

main();
