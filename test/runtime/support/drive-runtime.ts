/**
 * The Drive suites' shared setup: a fake server whose virtual clock the runtime follows, a runtime
 * for a Drive script with the manifest a Drive deployment needs, and a call that must succeed.
 */
import type { Runtime, RuntimeOptions } from '../../../sandbox/runtime';
import { startFakeServer, type FakeServer } from '../../support/fake-server';
import { DRIVE_MANIFEST } from './drive-script';
import { runtimeFor } from './scripts';

export const DRIVE_CLOCK_START = Date.UTC(2025, 5, 1, 9);

/** What a Drive script function answers (HTTP exceptions muted). */
export interface DriveAnswer {
  status: number;
  json: Record<string, unknown> & { files?: Array<Record<string, unknown>> };
  headers: Record<string, string>;
}

export type DriveRuntimeOptions = Omit<RuntimeOptions, 'bundlePath'>;

export function startDriveServer(): Promise<FakeServer> {
  return startFakeServer({ virtualClockStart: DRIVE_CLOCK_START });
}

/** A runtime for `script` on the server's virtual clock, allowed to reach the server. */
export function driveRuntime(server: FakeServer, script: string, options: DriveRuntimeOptions = {}): Runtime {
  return runtimeFor(script, {
    clock: { kind: 'virtual', sandboxUrl: server.url },
    manifest: DRIVE_MANIFEST,
    allowedOrigins: [server.url],
    ...options,
  });
}

/** Runs a script function that must not throw and returns its answer. */
export async function driveValue(
  runtime: Runtime,
  user: string,
  name: string,
  ...args: unknown[]
): Promise<DriveAnswer> {
  const result = await runtime.run(user, name, ...args);
  if (!result.ok) throw new Error(`${name} failed: ${result.error?.text}`);
  return result.value as DriveAnswer;
}

export interface DriveSuite {
  readonly server: FakeServer;
  readonly runtime: Runtime;
  run(user: string, name: string, ...args: unknown[]): Promise<DriveAnswer>;
}

/** A server and one runtime for a jest describe: started before its tests, closed after them. */
export function useDriveRuntime(script: string, options: DriveRuntimeOptions = {}): DriveSuite {
  let started: { server: FakeServer; runtime: Runtime } | undefined;
  beforeAll(async () => {
    const server = await startDriveServer();
    started = { server, runtime: driveRuntime(server, script, options) };
  });
  afterAll(async () => {
    await started?.runtime.close();
    await started?.server.close();
  });
  const get = () => {
    if (!started) throw new Error('The Drive runtime is not started yet: use it inside a test or hook');
    return started;
  };
  return {
    get server() {
      return get().server;
    },
    get runtime() {
      return get().runtime;
    },
    run: (user, name, ...args) => driveValue(get().runtime, user, name, ...args),
  };
}
