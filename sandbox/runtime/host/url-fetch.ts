import type { FetchOutcome, FetchRequest } from '../protocol';
import { SANDBOX_NOW_HEADER, type HostClock } from './clock';
import { NetworkFailure, sendRequest, type RawResponse } from './http-client';
import {
  EXTERNAL_REQUEST_SCOPE,
  URLFETCH_MAX_BYTES,
  URLFETCH_NO_PERMISSION_TEXT,
  URLFETCH_MAX_REDIRECTS,
  URLFETCH_TIMEOUT_MS,
  URLFETCH_URL_MAX_CHARS,
  URLFETCH_URL_TOO_LONG_TEXT,
} from './limits';
import { isFetchAllowed, type Manifest } from './manifest';
import type { Quotas } from './quotas';
import { ServiceError } from './service-error';

/** What an execution's result lists about each UrlFetchApp request. */
export interface FetchRecord {
  readonly method: string;
  readonly url: string;
  readonly requestBody?: string;
  readonly status?: number;
  readonly responseBytes: number;
  readonly ms: number;
}

/** The answer a fetch record was made from, for the runtime's onFetch observer. */
export interface FetchedResponse {
  readonly status: number;
  readonly body: Buffer;
}

export type FetchRecorder = (entry: FetchRecord, response?: FetchedResponse) => void;

export interface UrlFetchDeps {
  readonly manifest: Manifest;
  readonly allowedOrigins: readonly string[];
  readonly quotas: Quotas;
  readonly clock: HostClock;
  /** Google services the host plays itself (Drive): their URLs never reach the network. */
  readonly inHost: readonly InHostService[];
}

export interface InHostRequest {
  readonly user: string;
  readonly url: string;
  readonly method: string;
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body: Buffer | null;
}

/** An answer after a modelled latency, or none at all (the request times out). */
export type InHostAnswer =
  { readonly response: RawResponse; readonly latencyMs: number } | { readonly timeout: true };

/** A service answered in the host instead of over HTTP, under every UrlFetchApp rule all the same. */
export interface InHostService {
  handles(url: string): boolean;
  serve(request: InHostRequest): Promise<InHostAnswer>;
}

/** Waits on the execution's clock (virtual on a virtual clock): how in-host latency passes. */
export type FetchWait = (ms: number) => Promise<void>;

/** Time an in-host exchange is modelled to take (the network's own time is simply real). */
interface Exchange {
  modelledMs: number | null;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const USER_AGENT =
  'Mozilla/5.0 (compatible; Google-Apps-Script; beanserver; +https://script.google.com; id: local)';

/** UrlFetchApp's host side: whitelist, quota, redirects, limits; all requests of one call run concurrently. */
export class UrlFetchService {
  constructor(private readonly deps: UrlFetchDeps) {}

  /** All requests run at once; answers from in-host services arrive after the longest modelled latency. */
  async fetchAll(
    user: string,
    requests: readonly FetchRequest[],
    record: FetchRecorder,
    wait: FetchWait,
  ): Promise<FetchOutcome[]> {
    const calls = requests.map((request) => {
      const exchange: Exchange = { modelledMs: null };
      return { request, exchange };
    });
    const outcomes = await Promise.all(
      calls.map(({ request, exchange }) => this.fetchOne(user, request, record, exchange)),
    );
    const waitMs = Math.max(0, ...calls.map(({ exchange }) => exchange.modelledMs ?? 0));
    if (waitMs > 0) await wait(waitMs);
    return outcomes;
  }

  private async fetchOne(
    user: string,
    request: FetchRequest,
    record: FetchRecorder,
    exchange: Exchange,
  ): Promise<FetchOutcome> {
    const started = Date.now();
    const elapsed = () => exchange.modelledMs ?? Date.now() - started;
    const body = request.bodyBase64 === null ? null : Buffer.from(request.bodyBase64, 'base64');
    const base = {
      method: request.method,
      url: request.url,
      ...(body ? { requestBody: redactSecrets(recordedText(body)) } : {}),
    };
    try {
      this.admit(user, request.url);
      const response = await this.follow(user, request, body, exchange);
      record(
        { ...base, status: response.status, responseBytes: response.body.length, ms: elapsed() },
        { status: response.status, body: response.body },
      );
      return {
        response: {
          status: response.status,
          headers: response.headers,
          bodyBase64: response.body.toString('base64'),
        },
      };
    } catch (error) {
      record({ ...base, responseBytes: 0, ms: elapsed() });
      return { error: failureText(error, request.url) };
    }
  }

  private admit(user: string, url: string): void {
    const scopes = this.deps.manifest.oauthScopes;
    // Explicit oauthScopes turn Apps Script's scope detection off: UrlFetchApp needs its own scope listed.
    if (scopes !== null && !scopes.includes(EXTERNAL_REQUEST_SCOPE))
      throw new ServiceError(URLFETCH_NO_PERMISSION_TEXT);
    if (url.length > URLFETCH_URL_MAX_CHARS) throw new ServiceError(URLFETCH_URL_TOO_LONG_TEXT);
    this.checkAllowed(url);
    this.deps.quotas.takeUrlFetch(user);
  }

  private checkAllowed(url: string): void {
    if (!/^https?:\/\/[^/]/i.test(url)) throw new ServiceError(`Invalid argument: ${url}`);
    if (!isFetchAllowed(url, this.deps.manifest, this.deps.allowedOrigins))
      throw new ServiceError(
        `Request to ${url.replace(/\?.*$/, '?')} failed because the URL has not been whitelisted in the script manifest.`,
      );
  }

  private async follow(
    user: string,
    request: FetchRequest,
    body: Buffer | null,
    exchange: Exchange,
  ): Promise<RawResponse> {
    let url = request.url;
    let method = request.method;
    let payload = body;
    for (let hop = 0; ; hop++) {
      const response = await this.send(
        { user, url, method, headers: request.headers, body: payload },
        exchange,
      );
      const location = headerValue(response, 'location');
      if (!request.followRedirects || !REDIRECT_STATUSES.has(response.status) || !location) return response;
      if (hop >= URLFETCH_MAX_REDIRECTS) throw new ServiceError(`Too many redirects: ${request.url}`);
      url = new URL(location, url).toString();
      this.checkAllowed(url);
      if (
        response.status === 303 ||
        ((response.status === 301 || response.status === 302) && method === 'POST')
      ) {
        method = 'GET';
        payload = null;
      }
    }
  }

  private async send(request: InHostRequest, exchange: Exchange): Promise<RawResponse> {
    const { url, method, body } = request;
    const headers = request.headers.some(([name]) => name.toLowerCase() === 'user-agent')
      ? request.headers
      : [...request.headers, ['User-Agent', USER_AGENT] as const];
    const service = this.deps.inHost.find((candidate) => candidate.handles(url));
    if (service) return this.sendInHost(service, { ...request, headers }, exchange);
    const response = await sendRequest({
      url,
      method,
      headers,
      body,
      timeoutMs: URLFETCH_TIMEOUT_MS,
      maxResponseBytes: URLFETCH_MAX_BYTES,
    });
    this.observeClock(url, response);
    return response;
  }

  /** Same limits as the network: no answer within 60 s is a time-out, over 50 MB is too large. */
  private async sendInHost(
    service: InHostService,
    request: InHostRequest,
    exchange: Exchange,
  ): Promise<RawResponse> {
    const answer = await service.serve(request);
    const latency = 'timeout' in answer ? Infinity : answer.latencyMs;
    exchange.modelledMs = (exchange.modelledMs ?? 0) + Math.min(latency, URLFETCH_TIMEOUT_MS);
    if ('timeout' in answer || latency >= URLFETCH_TIMEOUT_MS) throw new NetworkFailure('timeout', 'timeout');
    if (answer.response.body.length > URLFETCH_MAX_BYTES)
      throw new NetworkFailure('too_large', 'response too large');
    return answer.response;
  }

  private observeClock(url: string, response: RawResponse): void {
    const origin = this.deps.clock.sandboxOrigin;
    const now = headerValue(response, SANDBOX_NOW_HEADER);
    if (origin !== null && now !== null && new URL(url).origin === origin)
      this.deps.clock.observe(Number(now));
  }
}

const SECRET_FIELDS = [
  'client_secret',
  'refresh_token',
  'access_token',
  'code',
  'code_verifier',
  'assertion',
];

/** Bodies are recorded up to 64 KiB: a 5 MB upload's bytes help no one and slow every result down. */
const RECORDED_BODY_MAX_BYTES = 64 * 1024;

function recordedText(body: Buffer): string {
  if (body.length <= RECORDED_BODY_MAX_BYTES) return body.toString('utf8');
  return `${body.subarray(0, RECORDED_BODY_MAX_BYTES).toString('utf8')}… [${body.length} bytes]`;
}

/** Request bodies are kept for tests and the playground, minus credentials (form or JSON fields). */
export function redactSecrets(body: string): string {
  let text = body;
  for (const field of SECRET_FIELDS) {
    text = text
      .replace(new RegExp(`(^|&)(${field})=[^&]*`, 'g'), '$1$2=[redacted]')
      .replace(new RegExp(`("${field}"\\s*:\\s*)"[^"]*"`, 'g'), '$1"[redacted]"');
  }
  return text;
}

function headerValue(response: RawResponse, name: string): string | null {
  const found = response.headers.find(([key]) => key.toLowerCase() === name);
  return found ? found[1] : null;
}

function failureText(error: unknown, url: string): string {
  if (error instanceof ServiceError) return error.message;
  if (error instanceof NetworkFailure) {
    if (error.kind === 'refused') return `Address unavailable: ${url}`;
    if (error.kind === 'dns') return `DNS error: ${url}`;
    if (error.kind === 'timeout') return `Timeout: ${url}`;
    if (error.kind === 'too_large') return `Response too large (over 50 MB): ${url}`;
  }
  return `Unexpected error: ${url}`;
}
