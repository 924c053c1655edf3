import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../sandbox/paths';
import { startBackend, type Backend } from '../../sandbox/playground/backend';
import { listen, type PlaygroundServer } from '../../sandbox/playground/server';
import { PlaygroundSession } from '../../sandbox/playground/session';
import type { Target } from '../../sandbox/playground/target';

/** Tiny sandbox data on a virtual clock: throttle waits cost no real time. */
export const TEST_TARGET: Target = { kind: 'sandbox', size: 'tiny', seed: 1, clock: 'virtual' };

export interface RunningPlayground {
  readonly server: PlaygroundServer;
  readonly backend: Backend;
  readonly session: PlaygroundSession;
  readonly url: string;
  stop(): Promise<void>;
}

/** The playground in this process, as `npm start` wires it: server first, then the backend on its origin. */
export async function startPlayground(target: Target = TEST_TARGET): Promise<RunningPlayground> {
  const server = await listen(0);
  const backend = await startBackend({ target, scriptOrigin: server.origin });
  const session = new PlaygroundSession(backend);
  server.attach(session);
  return {
    server,
    backend,
    session,
    url: `${server.origin}/`,
    stop: async () => {
      await server.close();
      await backend.stop();
    },
  };
}

/** Where tests keep screenshots (git-ignored). */
export function artifactsDir(): string {
  const dir = join(REPO_ROOT, 'test-artifacts', 'playground');
  mkdirSync(dir, { recursive: true });
  return dir;
}

export const START_TIMEOUT_MS = 120_000;
