/**
 * The one seam between the connector and Apps Script. Every module receives what it needs from a
 * Platform; only `apps-script.ts` touches platform globals, and only when an entry point runs.
 */

export type HttpMethod = 'get' | 'post' | 'patch' | 'delete';

/** Bytes as Apps Script hands them over: an array of signed 8-bit values. */
export type Bytes = readonly number[];

export interface HttpRequest {
  readonly url: string;
  readonly method: HttpMethod;
  readonly headers?: Readonly<Record<string, string>>;
  /** A string or bytes are sent as they are; an object is form-encoded (as UrlFetchApp does). */
  readonly payload?: string | Bytes | Readonly<Record<string, string>>;
  readonly contentType?: string;
}

export interface HttpResponse {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The body as bytes, for binary answers (a Drive file's content). */
  readonly bytes?: () => Bytes;
}

export interface Http {
  /** Never throws on an HTTP status; throws only when no response arrived (network failure, timeout). */
  fetch(request: HttpRequest): HttpResponse;
}

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(milliseconds: number): void;
}

/** The subset of Apps Script's Properties that the connector uses. */
export type PropertyStore = Pick<
  GoogleAppsScript.Properties.Properties,
  'getProperty' | 'setProperty' | 'deleteProperty'
>;

/** The subset of Apps Script's Cache that the connector uses. */
export type CacheStore = Pick<
  GoogleAppsScript.Cache.Cache,
  'get' | 'getAll' | 'put' | 'putAll' | 'remove' | 'removeAll'
>;

export type Lock = Pick<GoogleAppsScript.Lock.Lock, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'>;

export interface Codec {
  /** Utilities.formatDate: `pattern` in SimpleDateFormat syntax, e.g. "yyyyMMddHHmmss". */
  formatDate(epochMs: number, timeZone: string, pattern: string): string;
  gzipToBase64(text: string): string;
  gunzipFromBase64(encoded: string): string;
  /** Decodes web-safe base64 (padding optional) to UTF-8 text. */
  decodeBase64WebSafe(encoded: string): string;
  sha256Hex(text: string): string;
  gzipBytes(text: string): Bytes;
  /** Throws when the bytes are not a gzip stream. */
  gunzipBytes(bytes: Bytes): string;
  sha256HexOfBytes(bytes: Bytes): string;
  utf8Bytes(text: string): Bytes;
}

export type LogLevel = 'info' | 'warn' | 'error';

/** Structured log lines. Callers pass only non-personal data: never tokens, secrets or names. */
export interface Logger {
  log(level: LogLevel, event: string, data?: Readonly<Record<string, unknown>>): void;
}

/** What the connector asks of an OAuth2 library service (oauth2-library.md): its setup and five calls. */
export interface OAuthService {
  setAuthorizationBaseUrl(url: string): OAuthService;
  setTokenUrl(url: string): OAuthService;
  setClientId(clientId: string): OAuthService;
  setClientSecret(clientSecret: string): OAuthService;
  setCallbackFunction(functionName: string): OAuthService;
  setPropertyStore(store: GoogleAppsScript.Properties.Properties): OAuthService;
  setCache(cache: GoogleAppsScript.Cache.Cache): OAuthService;
  setLock(lock: GoogleAppsScript.Lock.Lock): OAuthService;
  getAuthorizationUrl(): string;
  handleCallback(callbackRequest: object): boolean;
  getToken(skipMemory?: boolean): object | null;
  refresh(): void;
  reset(): void;
}

/** The OAuth2 library (`OAuth2`), as far as the connector uses it. */
export interface OAuthLibrary {
  createService(serviceName: string): OAuthService;
  /** The script's /usercallback URL, the one to register with Jobber. */
  getRedirectUri(scriptId?: string): string;
}

/** A page HtmlService built, as Apps Script shows it (authCallback returns one). */
export type HtmlPage = Pick<GoogleAppsScript.HTML.HtmlOutput, 'getContent' | 'getTitle'>;

/** The Apps Script objects the OAuth2 library needs as they are (it calls them itself). */
export interface OAuth2Environment {
  readonly library: OAuthLibrary;
  readonly userProperties: GoogleAppsScript.Properties.Properties;
  readonly userCache: GoogleAppsScript.Cache.Cache;
  readonly userLock: GoogleAppsScript.Lock.Lock;
}

export interface Platform {
  readonly http: Http;
  readonly clock: Clock;
  readonly scriptProperties: PropertyStore;
  readonly userProperties: PropertyStore;
  readonly userCache: CacheStore;
  /** The same lock object that the OAuth2 service uses, so ownership is shared within an execution. */
  readonly userLock: Lock;
  readonly codec: Codec;
  readonly logger: Logger;
  /** Reached only when OAuth is needed, so entry points that do not use it never load the library. */
  oauth2Environment(): OAuth2Environment;
  readonly connectorApi: GoogleAppsScript.Data_Studio.CommunityConnector;
  effectiveUserEmail(): string;
  /** The script's OAuth token for the effective user (Drive app data folder). */
  googleOAuthToken(): string;
  htmlPage(html: string, title: string): HtmlPage;
  /** Who opened the web app (Session.getActiveUser): '' when Apps Script does not reveal it. */
  activeUserEmail(): string;
  /** The deployed web app's URL (ScriptApp.getService().getUrl()), or null when there is none. */
  webAppUrl(): string | null;
  /** An unpredictable id (Utilities.getUuid). */
  uuid(): string;
}
