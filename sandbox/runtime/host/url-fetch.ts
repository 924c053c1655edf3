import type { FetchOutcome, FetchRequest } from '../protocol';
import { SANDBOX_NOW_HEADER, type HostClock } from './clock';
import { NetworkFailure, sendRequest, type RawResponse } from './http-client';
import {
  URLFETCH_MAX_BYTES,
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
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const USER_AGENT =
  'Mozilla/5.0 (compatible; Google-Apps-Script; beanserver; +https://script.google.com; id: local)';

/** UrlFetchApp's host side: whitelist, quota, redirects, limits; all requests of one call run concurrently. */
export class UrlFetchService {
  constructor(private readonly deps: UrlFetchDeps) {}

  fetchAll(user: string, requests: readonly FetchRequest[], record: FetchRecorder): Promise<FetchOutcome[]> {
    return Promise.all(requests.map((request) => this.fetchOne(user, request, record)));
  }

  private async fetchOne(user: string, request: FetchRequest, record: FetchRecorder): Promise<FetchOutcome> {
    const started = Date.now();
    const body = request.bodyBase64 === null ? null : Buffer.from(request.bodyBase64, 'base64');
    const base = {
      method: request.method,
      url: request.url,
      ...(body ? { requestBody: redactSecrets(body.toString('utf8')) } : {}),
    };
    try {
      this.admit(user, request.url);
      const response = await this.follow(request, body);
      record(
        { ...base, status: response.status, responseBytes: response.body.length, ms: Date.now() - started },
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
      record({ ...base, responseBytes: 0, ms: Date.now() - started });
      return { error: failureText(error, request.url) };
    }
  }

  private admit(user: string, url: string): void {
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

  private async follow(request: FetchRequest, body: Buffer | null): Promise<RawResponse> {
    let url = request.url;
    let method = request.method;
    let payload = body;
    for (let hop = 0; ; hop++) {
      const response = await this.send(url, method, request.headers, payload);
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

  private async send(
    url: string,
    method: string,
    headers: FetchRequest['headers'],
    body: Buffer | null,
  ): Promise<RawResponse> {
    const withAgent = headers.some(([name]) => name.toLowerCase() === 'user-agent')
      ? headers
      : [...headers, ['User-Agent', USER_AGENT] as const];
    const response = await sendRequest({
      url,
      method,
      headers: withAgent,
      body,
      timeoutMs: URLFETCH_TIMEOUT_MS,
      maxResponseBytes: URLFETCH_MAX_BYTES,
    });
    this.observeClock(url, response);
    return response;
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
