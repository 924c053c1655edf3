import { CONNECTOR_BUNDLE } from '../paths';
import { APPS_SCRIPT_ORIGIN, LOCAL_SCRIPT_ID } from '../shared/local-apps-script';
import { HostClock } from './host/clock';
import { EXECUTION_TIME_LIMIT_MS, URLFETCH_DAILY_CALLS } from './host/limits';
import { LocalRuntime } from './host/local-runtime';
import { readManifestBeside, type Manifest } from './host/manifest';
import { SharedState } from './host/shared-state';
import { createTimeKeeper } from './host/time-keeper';
import type { Runtime, RuntimeOptions } from './types';

export type {
  ExecutionError,
  ExecutionErrorKind,
  ExecutionResult,
  FetchEvent,
  FetchRecord,
  LogLine,
  Runtime,
  RuntimeOptions,
  SleepEvent,
} from './types';

const DEFAULT_MAX_CONCURRENT_EXECUTIONS = 30;

/**
 * A local Apps Script: loads the bundle (dist/Code.js by default) into a fresh vm context per
 * execution, in worker threads, with Apps Script's services, the OAuth2 library and their limits.
 * Script properties are set before the first execution. Call close() when done.
 */
export function createRuntime(options: RuntimeOptions = {}): Runtime {
  const bundlePath = options.bundlePath ?? CONNECTOR_BUNDLE;
  const manifest = resolveManifest(bundlePath, options.manifest);
  const clockConfig = options.clock ?? { kind: 'real' };
  const clock = new HostClock(clockConfig);
  const boundToDocument = options.boundToDocument ?? false;
  const state = new SharedState(
    clock,
    { manifest, allowedOrigins: options.allowedOrigins ?? [] },
    options.urlFetchDailyQuota ?? URLFETCH_DAILY_CALLS,
    boundToDocument,
  );
  if (options.scriptProperties) state.scriptProperties.set(options.scriptProperties);
  return new LocalRuntime({
    bundlePath,
    manifest,
    clock,
    time: createTimeKeeper(clock, clockConfig.kind === 'virtual' ? clockConfig.quietMs : undefined),
    state,
    timeLimitMs: options.timeLimitMs ?? EXECUTION_TIME_LIMIT_MS,
    scriptId: options.scriptId ?? LOCAL_SCRIPT_ID,
    scriptOrigin: scriptOriginOf(options.scriptOrigin),
    boundToDocument,
    maxConcurrentExecutions: options.maxConcurrentExecutions ?? DEFAULT_MAX_CONCURRENT_EXECUTIONS,
    ...(options.onFetch ? { onFetch: options.onFetch } : {}),
    ...(options.onSleep ? { onSleep: options.onSleep } : {}),
  });
}

function resolveManifest(bundlePath: string, given: RuntimeOptions['manifest']): Manifest {
  if (!given) return readManifestBeside(bundlePath);
  return { timeZone: given.timeZone ?? 'Etc/UTC', urlFetchWhitelist: given.urlFetchWhitelist ?? null };
}

/** An origin only (scheme, host, port): the callback path is Apps Script's. */
function scriptOriginOf(given: string | undefined): string {
  if (given === undefined) return APPS_SCRIPT_ORIGIN;
  const url = new URL(given);
  const originOnly = url.pathname === '/' && url.search === '' && url.hash === '' && url.username === '';
  if (!/^https?:$/.test(url.protocol) || !originOnly)
    throw new Error(
      `scriptOrigin must be an http(s) origin without a path, like http://127.0.0.1:8700: ${given}`,
    );
  return url.origin;
}
