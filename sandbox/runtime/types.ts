import type { ExecutionError } from './protocol';
import type { ClockConfig } from './host/clock';
import type { FetchRecord } from './host/url-fetch';

export type { ExecutionError, ExecutionErrorKind } from './protocol';
export type { FetchRecord } from './host/url-fetch';
export type { ClockConfig } from './host/clock';

export interface RuntimeOptions {
  /** The script to run; default CONNECTOR_BUNDLE (dist/Code.js). */
  bundlePath?: string;
  /** The manifest's relevant parts; default: the appsscript.json next to the bundle. */
  manifest?: { timeZone?: string; urlFetchWhitelist?: readonly string[] | null };
  /** Script properties at start, e.g. JOBBER_CLIENT_ID, JOBBER_CLIENT_SECRET, JOBBER_BASE_URL. */
  scriptProperties?: Record<string, string>;
  /** Per execution, default 360_000 (Apps Script's 6 minutes). */
  timeLimitMs?: number;
  /**
   * Default real. Virtual: the sandbox at `sandboxUrl` owns the time, and it moves only when every
   * running execution waits for it to pass (see docs/runtime.md "Clock").
   */
  clock?: ClockConfig;
  /** Origins UrlFetchApp may reach besides the manifest's urlFetchWhitelist (the local sandbox). */
  allowedOrigins?: readonly string[];
  /** UrlFetchApp calls per user per day; default 20_000 (consumer accounts). */
  urlFetchDailyQuota?: number;
  /** Default LOCAL_SCRIPT_ID. */
  scriptId?: string;
  /**
   * Where Apps Script serves the script's /usercallback (and so the OAuth2 library's redirect URI):
   * default https://script.google.com. The playground passes its own http://127.0.0.1:<port> and
   * serves the callback itself with deliverCallback.
   */
  scriptOrigin?: string;
  /** Told about every UrlFetchApp request as it completes (progress lines, GraphQL costs). */
  onFetch?: (event: FetchEvent) => void;
  /** Told when an execution calls Utilities.sleep, as it starts sleeping (throttle waits on a progress line). */
  onSleep?: (event: SleepEvent) => void;
  /** A container-bound script has document properties, cache and lock; a connector (default) has none. */
  boundToDocument?: boolean;
  /** Most executions running at once (one worker each); more wait for a worker. Default 30. */
  maxConcurrentExecutions?: number;
}

export type LockTarget = 'script' | { readonly user: string };

export interface LogLine {
  /** log, info, warn, error, debug (console) or logger (Logger.log). */
  readonly level: string;
  readonly message: string;
}

/** One completed UrlFetchApp request, as onFetch hears of it (before the script reads the answer). */
export interface FetchEvent {
  readonly executionId: number;
  readonly user: string;
  readonly functionName: string;
  /** The same record the execution's result lists (request body redacted). */
  readonly record: FetchRecord;
  /** Absent when no response came (network failure, refused URL). The body is as received: keep no secrets from it. */
  readonly response?: { readonly status: number; readonly body: Buffer };
}

/** One Utilities.sleep call, as onSleep hears of it. */
export interface SleepEvent {
  readonly executionId: number;
  readonly user: string;
  readonly functionName: string;
  readonly ms: number;
}

export interface ExecutionResult {
  /** Numbers executions of this runtime from 1; FetchEvent.executionId refers to it. */
  readonly executionId: number;
  readonly ok: boolean;
  /** Set when Apps Script refused the request before running any function (e.g. a bad state token). */
  readonly refused?: true;
  /** The returned value as JSON would carry it (an HtmlOutput becomes { html, title }). */
  readonly value?: unknown;
  readonly error?: ExecutionError;
  readonly logs: readonly LogLine[];
  readonly fetches: readonly FetchRecord[];
  readonly elapsedMs: number;
  /** Virtual clock only: how far the sandbox clock moved during the execution. */
  readonly virtualElapsedMs?: number;
  /** Time not spent waiting for the host (a CPU proxy). */
  readonly busyMs: number;
}

export interface Runtime {
  readonly scriptId: string;
  /** `<scriptOrigin>/macros/d/<scriptId>/usercallback`, by default on https://script.google.com */
  readonly redirectUri: string;
  /** One execution of a global function as `user`. Arguments travel as JSON. */
  run(user: string, functionName: string, ...args: unknown[]): Promise<ExecutionResult>;
  /** Apps Script's /usercallback: validates the state token, then calls the function it names. */
  deliverCallback(user: string, callbackUrl: string): Promise<ExecutionResult>;
  /** The host clock (virtual or real), ms since the epoch. */
  now(): number;
  scriptProperties(): Record<string, string>;
  userProperties(user: string): Record<string, string>;
  /** Test seeding: a null value deletes the property. */
  setScriptProperty(key: string, value: string | null): void;
  setUserProperty(user: string, key: string, value: string | null): void;
  scriptCache(): Record<string, string>;
  userCache(user: string): Record<string, string>;
  clearCaches(): void;
  urlFetchCount(user: string): number;
  /** Whether an execution holds the script lock or a user's lock. */
  isLocked(scope: LockTarget): boolean;
  /** How many executions wait for that lock. */
  lockWaiters(scope: LockTarget): number;
  close(): Promise<void>;
}
