import { CONNECTOR_BUNDLE } from '../paths';
import {
  APPS_SCRIPT_ORIGIN,
  LOCAL_DEPLOYMENT_ID,
  LOCAL_SCRIPT_ID,
  LOCAL_SCRIPT_OWNER,
} from '../shared/local-apps-script';
import { HostClock } from './host/clock';
import { createDrive, RuntimeDrive } from './host/drive/local-drive';
import { EXECUTION_TIME_LIMIT_MS, URLFETCH_DAILY_CALLS } from './host/limits';
import { LocalRuntime } from './host/local-runtime';
import { readManifestBeside, type Manifest } from './host/manifest';
import { SharedState } from './host/shared-state';
import { createTimeKeeper } from './host/time-keeper';
import type { Runtime, RuntimeOptions } from './types';

export { createDrive, type LocalDrive } from './host/drive/local-drive';
export type {
  DriveCorruption,
  DriveFault,
  DriveFaultKind,
  DriveFileInfo,
  DriveFileSeed,
  DriveHost,
  DriveLatency,
  DriveOperation,
  DriveTarget,
} from './host/drive/types';
export type {
  ExecutionError,
  ExecutionErrorKind,
  ExecutionResult,
  FetchEvent,
  FetchRecord,
  LogLine,
  Runtime,
  RuntimeOptions,
  WebAppConfig,
  WebAppMethod,
  WebAppParams,
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
  const scriptId = options.scriptId ?? LOCAL_SCRIPT_ID;
  const drive = new RuntimeDrive({
    world: options.drive ?? createDrive(),
    app: options.cloudProject ?? scriptId,
    oauthScopes: manifest.oauthScopes,
    now: () => clock.now(),
    owned: options.drive === undefined,
  });
  const state = new SharedState(
    clock,
    { manifest, allowedOrigins: options.allowedOrigins ?? [], inHost: [drive] },
    options.urlFetchDailyQuota ?? URLFETCH_DAILY_CALLS,
    boundToDocument,
    drive,
  );
  if (options.scriptProperties) state.scriptProperties.set(options.scriptProperties);
  return new LocalRuntime({
    bundlePath,
    manifest,
    clock,
    time: createTimeKeeper(clock, clockConfig.kind === 'virtual' ? clockConfig.quietMs : undefined),
    state,
    timeLimitMs: options.timeLimitMs ?? EXECUTION_TIME_LIMIT_MS,
    scriptId,
    scriptOrigin: scriptOriginOf(options.scriptOrigin),
    owner: options.owner ?? LOCAL_SCRIPT_OWNER,
    deploymentId: options.deploymentId === undefined ? LOCAL_DEPLOYMENT_ID : options.deploymentId,
    boundToDocument,
    maxConcurrentExecutions: options.maxConcurrentExecutions ?? DEFAULT_MAX_CONCURRENT_EXECUTIONS,
    drive,
    ...(options.onFetch ? { onFetch: options.onFetch } : {}),
    ...(options.onSleep ? { onSleep: options.onSleep } : {}),
  });
}

function resolveManifest(bundlePath: string, given: RuntimeOptions['manifest']): Manifest {
  if (!given) return readManifestBeside(bundlePath);
  return {
    timeZone: given.timeZone ?? 'Etc/UTC',
    urlFetchWhitelist: given.urlFetchWhitelist ?? null,
    oauthScopes: given.oauthScopes ?? null,
    webapp: given.webapp ?? null,
  };
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
