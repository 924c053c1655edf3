/**
 * The messages between the host (the thread that owns every shared store) and a worker running one
 * execution. A worker posts a request and blocks in Atomics.wait until the host answers, which is
 * how Apps Script's synchronous services are made from Node's asynchronous ones.
 */

export type PropertyScope = 'script' | 'user' | 'document';
export type CacheScope = 'script' | 'user' | 'document';
export type LockScope = 'script' | 'user' | 'document';

export interface FetchRequest {
  readonly url: string;
  /** Upper case, e.g. GET, POST. */
  readonly method: string;
  readonly headers: ReadonlyArray<readonly [string, string]>;
  /** Base64 of the body bytes, or null for no body. */
  readonly bodyBase64: string | null;
  readonly followRedirects: boolean;
}

export interface FetchResponse {
  readonly status: number;
  /** Header names as the server sent them; repeated headers appear once per value. */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly bodyBase64: string;
}

/** One outcome per request of a fetch or fetchAll: a response, or the text of the exception. */
export type FetchOutcome = { readonly response: FetchResponse } | { readonly error: string };

export type HostRequest =
  | { readonly op: 'properties.get'; readonly scope: PropertyScope; readonly key: string | null }
  | {
      readonly op: 'properties.set';
      readonly scope: PropertyScope;
      readonly entries: Readonly<Record<string, string>>;
      readonly deleteOthers: boolean;
    }
  | { readonly op: 'properties.delete'; readonly scope: PropertyScope; readonly key: string | null }
  | { readonly op: 'cache.get'; readonly scope: CacheScope; readonly keys: readonly string[] }
  | {
      readonly op: 'cache.put';
      readonly scope: CacheScope;
      readonly entries: Readonly<Record<string, string>>;
      readonly ttlSeconds: number;
    }
  | { readonly op: 'cache.remove'; readonly scope: CacheScope; readonly keys: readonly string[] }
  | {
      readonly op: 'lock.acquire';
      readonly scope: LockScope;
      readonly lockId: number;
      readonly timeoutMs: number;
      /** waitLock: a timeout is an exception rather than `false`. */
      readonly orThrow: boolean;
    }
  | { readonly op: 'lock.release'; readonly scope: LockScope; readonly lockId: number }
  | { readonly op: 'fetch'; readonly requests: readonly FetchRequest[] }
  | { readonly op: 'sleep'; readonly ms: number }
  | { readonly op: 'oauth.token' }
  | {
      readonly op: 'stateToken.create';
      readonly method: string;
      readonly args: Readonly<Record<string, string>>;
      readonly timeoutSeconds: number;
    };

export type HostReply =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

export type ExecutionErrorKind = 'user' | 'exception' | 'timeout';

export interface ExecutionError {
  readonly kind: ExecutionErrorKind;
  readonly text: string;
  readonly debugText?: string;
  readonly stack?: string;
}

/** What the worker reports when the function returned or threw. */
export interface WorkerOutcome {
  readonly ok: boolean;
  /** JSON text of the returned value; absent when it returned undefined. */
  readonly valueJson?: string;
  readonly error?: ExecutionError;
  readonly busyMs: number;
}

export type WorkerMessage =
  | { readonly kind: 'rpc'; readonly request: HostRequest }
  | { readonly kind: 'log'; readonly level: string; readonly message: string }
  | { readonly kind: 'done'; readonly outcome: WorkerOutcome };

/** What the host asks a worker to run. */
export interface ExecuteCommand {
  readonly kind: 'execute';
  readonly executionId: number;
  readonly bundlePath: string;
  readonly functionName: string;
  /** JSON text of the argument list. */
  readonly argsJson: string;
  readonly settings: ExecutionSettings;
  /** A web app request (doGet/doPost): only an HtmlOutput is an answer. */
  readonly webApp?: boolean;
}

/** Facts about the execution the in-context services need. */
export interface ExecutionSettings {
  /** The effective user: Session.getEffectiveUser(), and whose user stores the execution uses. */
  readonly userEmail: string;
  /** Session.getActiveUser(): the effective user, except in a web app running as its deployer. */
  readonly activeUserEmail: string;
  /** ScriptApp.getService().getUrl(): `<origin>/macros/s/<deploymentId>/exec`, or null without a web app. */
  readonly webAppUrl: string | null;
  /** The manifest's explicit oauthScopes; null when it lists none. */
  readonly oauthScopes: readonly string[] | null;
  readonly scriptId: string;
  /** Where Apps Script serves the script's web endpoints (/usercallback), e.g. https://script.google.com. */
  readonly scriptOrigin: string;
  readonly timeZone: string;
  readonly virtualClock: boolean;
  /** Whether document-bound services (document properties, cache and lock) exist. */
  readonly boundToDocument: boolean;
}

/** Passed to each worker once, at start. */
export interface WorkerBootstrap {
  /** Int32Array slot the host sets to 1 and notifies when a reply is ready. */
  readonly signal: SharedArrayBuffer;
  /** BigInt64Array slot holding the host's copy of the virtual clock (ms epoch). */
  readonly clock: SharedArrayBuffer;
}
