import type { ExecutionError } from './protocol';
import type { ClockConfig } from './host/clock';
import type { LocalDrive } from './host/drive/local-drive';
import type { DriveHost } from './host/drive/types';
import type { WebAppConfig } from './host/manifest';
import type { FetchRecord } from './host/url-fetch';
import type { WebAppMethod, WebAppParams } from './host/web-app';

export type { ExecutionError, ExecutionErrorKind } from './protocol';
export type { FetchRecord } from './host/url-fetch';
export type { ClockConfig } from './host/clock';
export type { WebAppConfig } from './host/manifest';
export type { WebAppMethod, WebAppParams } from './host/web-app';

export interface RuntimeOptions {
  /** The script to run; default CONNECTOR_BUNDLE (dist/Code.js). */
  bundlePath?: string;
  /** The manifest's relevant parts; default: the appsscript.json next to the bundle. */
  manifest?: {
    timeZone?: string;
    urlFetchWhitelist?: readonly string[] | null;
    /** Explicit scopes: the OAuth token carries exactly these. Absent: detected, and never Drive's. */
    oauthScopes?: readonly string[] | null;
    /** The web app block; default none (no doGet/doPost endpoint). */
    webapp?: WebAppConfig | null;
  };
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
  /** The Google account that owns and deployed the script (web app access, executeAs); default LOCAL_SCRIPT_OWNER. */
  owner?: string;
  /**
   * The deployment serving the web app: `<scriptOrigin>/macros/s/<deploymentId>/exec`; default
   * LOCAL_DEPLOYMENT_ID. Null: not deployed (no web app URL, /exec refused), as a script whose
   * web app no host serves (the playground).
   */
  deploymentId?: string | null;
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
  /**
   * The Drive stand-in's world (createDrive()) when runtimes share one Google, e.g. two deployments
   * of one script project. Default: a world of its own, discarded by close().
   */
  drive?: LocalDrive;
  /**
   * The script's OAuth client (its Google Cloud project): app data belongs to user × this.
   * Default: the scriptId (each script's default Cloud project).
   */
  cloudProject?: string;
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
  /** The script's owner (default LOCAL_SCRIPT_OWNER). */
  readonly owner: string;
  /** What ScriptApp.getService().getUrl() returns: the web app's /exec URL, or null without a webapp block. */
  readonly webAppUrl: string | null;
  /**
   * Apps Script's /exec as `visitor` ('' = not signed in) opens it: the manifest's webapp access
   * is checked first (a refusal runs nothing: `{ ok: false, refused: true, error }`), then doGet
   * (GET, params in the query) or doPost (POST, params form-encoded in the body) runs with the
   * event object, as the owner when executing as USER_DEPLOYING. Only an HtmlOutput is an
   * answer: `value` is then `{ html, title }`.
   */
  webApp(visitor: string, method: WebAppMethod, params?: WebAppParams): Promise<ExecutionResult>;
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
  /** The Drive stand-in: users' app data, quotas, faults, latency (docs/runtime.md "Drive"). */
  readonly drive: DriveHost;
  close(): Promise<void>;
}
