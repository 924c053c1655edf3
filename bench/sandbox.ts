/**
 * The Jobber sandbox the scenarios read: large enough for the profile, on a virtual clock (throttle
 * waits cost no real time). Every scenario starts from a full cost bucket: by default the one
 * sandbox is reset (request log, buckets, request guard, faults) after the scenario's
 * authorization; with `freshPerScenario` each scenario gets a new sandbox process instead.
 */
import type { SandboxAccount } from '../sandbox/jobber/control-types';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../sandbox/jobber/harness';
import type { BenchProfile } from './profiles';

export interface SandboxProvider {
  /** The sandbox for the next scenario. */
  forScenario(): Promise<SandboxHandle>;
  stop(): Promise<void>;
}

/** Access tokens outlive the longest unlimited run, so neither connector's figures include renewals. */
const TOKEN_LIFETIME_SECONDS = 7 * 86_400;

/** The account the sandbox granted at start-up: the one every scenario reads. */
export function demoAccount(sandbox: SandboxHandle): SandboxAccount {
  const account = sandbox.accounts.find((candidate) => candidate.id === sandbox.demo.accountId);
  if (!account) throw new Error('The sandbox has no demo account');
  return account;
}

export function sandboxOptions(profile: BenchProfile): SandboxOptions {
  return {
    size: profile.sandboxSize,
    seed: 1,
    clock: 'virtual',
    startTime: profile.startTime,
    accessTokenLifetimeSeconds: TOKEN_LIFETIME_SECONDS,
  };
}

export async function createSandboxProvider(
  profile: BenchProfile,
  freshPerScenario: boolean,
): Promise<SandboxProvider> {
  const options = sandboxOptions(profile);
  let current: SandboxHandle = await startSandbox(options);
  let used = false;
  return {
    forScenario: async () => {
      if (freshPerScenario && used) {
        await current.stop();
        current = await startSandbox(options);
      }
      used = true;
      return current;
    },
    stop: () => current.stop(),
  };
}
