import type { ConsentChoice } from '../../sandbox/jobber/control-types';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../sandbox/jobber/harness';
import { createRuntime, type Runtime, type RuntimeOptions } from '../../sandbox/runtime';
import { createStudio, type LookerStudio, type StudioOptions } from '../../sandbox/studio';

/**
 * The end-to-end world: a Jobber sandbox (its own process), a runtime on dist/Code.js configured
 * with the sandbox app's credentials, JOBBER_BASE_URL, clock and origin, and one Looker Studio
 * driver per Google user. Everything is real: the built bundle, HTTP, the OAuth redirect.
 */

/** The Google account that builds the report (not a Jobber user). */
export const REPORT_OWNER = 'owner@example.com';

export interface WorldOptions {
  /** Default: tiny data on a virtual clock. */
  readonly sandbox?: SandboxOptions;
  /** Runtime settings; scriptProperties are added to the sandbox credentials and JOBBER_BASE_URL. */
  readonly runtime?: Omit<RuntimeOptions, 'clock' | 'allowedOrigins'>;
  readonly studio?: StudioOptions;
}

export interface World {
  readonly sandbox: SandboxHandle;
  readonly runtime: Runtime;
  /** The driver for a Google user (one per user, created on first use). */
  studio(user?: string): LookerStudio;
  /** Consents in the sandbox as told (default: the demo account's owner approves), then authorizes; fails unless valid. */
  connect(user?: string, consent?: ConsentChoice): Promise<LookerStudio>;
  stop(): Promise<void>;
}

export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const sandboxOptions: SandboxOptions = { size: 'tiny', clock: 'virtual', ...options.sandbox };
  const sandbox = await startSandbox(sandboxOptions);
  const runtime = createRuntime({
    ...options.runtime,
    scriptProperties: {
      JOBBER_CLIENT_ID: sandbox.app.clientId,
      JOBBER_CLIENT_SECRET: sandbox.app.clientSecret,
      JOBBER_BASE_URL: sandbox.baseUrl,
      ...options.runtime?.scriptProperties,
    },
    clock:
      sandboxOptions.clock === 'virtual'
        ? { kind: 'virtual', sandboxUrl: sandbox.baseUrl }
        : { kind: 'real' },
    allowedOrigins: [sandbox.baseUrl],
  });
  const studios = new Map<string, LookerStudio>();
  const studio = (user = REPORT_OWNER): LookerStudio => {
    let driver = studios.get(user);
    if (!driver) {
      driver = createStudio(runtime, user, options.studio);
      studios.set(user, driver);
    }
    return driver;
  };
  return {
    sandbox,
    runtime,
    studio,
    connect: async (user = REPORT_OWNER, consent = { mode: 'approve' }) => {
      await sandbox.control.setConsent(consent);
      const outcome = await studio(user).authorize();
      if (!outcome.valid)
        throw new Error(
          `Authorization of ${user} did not take: ${outcome.refusal ?? outcome.page?.html ?? ''}`,
        );
      return studio(user);
    },
    stop: async () => {
      await runtime.close();
      await sandbox.stop();
    },
  };
}

const WORLD_START_TIMEOUT_MS = 120_000;

/** startWorld inside a jest describe: started before its tests, stopped after them. */
export function useWorld(options: WorldOptions = {}): () => World {
  let world: World | undefined;
  beforeAll(async () => {
    world = await startWorld(options);
  }, WORLD_START_TIMEOUT_MS);
  afterAll(async () => {
    await world?.stop();
  });
  return () => {
    if (!world) throw new Error('The world is not started yet: call it inside a test');
    return world;
  };
}
