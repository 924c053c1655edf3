import type { FetchOutcome, FetchRequest } from '../protocol';
import { isBlob } from './blob';
import { callHost, exception, native } from './bridge';
import { fromByteArray, isByteArray } from './bytes';
import { HTTPResponse } from './http-response';

const METHODS = ['get', 'delete', 'patch', 'post', 'put'];
const TRUNCATED_RESPONSE_CHARS = 1000;
/** Quotas page: "URL Fetch POST size 50 MB / call". Checked here too, before the bytes travel to the host. */
const POST_MAX_BYTES = 50 * 1024 * 1024;

interface PreparedRequest {
  readonly wire: FetchRequest;
  readonly muteHttpExceptions: boolean;
}

/** UrlFetchApp: synchronous HTTP through the host, which applies the whitelist, quota and limits. */
export function createUrlFetchApp(): Record<string, unknown> {
  return {
    fetch: (url: unknown, params?: unknown) => {
      const [response] = send([prepare(url, params)]);
      return response;
    },
    fetchAll: (requests: unknown) => {
      if (!Array.isArray(requests)) throw exception('Invalid argument: requests');
      return send(requests.map((request: unknown) => prepareFromObject(request)));
    },
    getRequest: (url: unknown, params?: unknown) => describe(prepare(url, params)),
  };
}

function prepareFromObject(request: unknown): PreparedRequest {
  if (typeof request === 'string') return prepare(request, undefined);
  if (typeof request !== 'object' || request === null) throw exception('Invalid argument: requests');
  return prepare((request as { url?: unknown }).url, request);
}

function prepare(url: unknown, params: unknown): PreparedRequest {
  if (typeof url !== 'string' || url === '') throw exception('Invalid argument: url');
  const options = (typeof params === 'object' && params !== null ? params : {}) as Record<string, unknown>;
  const method = String(options.method ?? 'get').toLowerCase();
  if (!METHODS.includes(method)) throw exception(`Invalid argument: method ${String(options.method)}`);
  const headers = headerList(options.headers);
  const body = encodePayload(options.payload, options.contentType, headers);
  if (body !== null && body.length > POST_MAX_BYTES) throw exception('Limit Exceeded: URLFetch POST Size.');
  return {
    wire: {
      url,
      method: method.toUpperCase(),
      headers,
      bodyBase64: body === null ? null : native().base64Encode(body, false),
      followRedirects: options.followRedirects !== false,
    },
    muteHttpExceptions: options.muteHttpExceptions === true,
  };
}

function headerList(headers: unknown): Array<[string, string]> {
  if (headers === undefined || headers === null) return [];
  if (typeof headers !== 'object') throw exception('Invalid argument: headers');
  return Object.keys(headers).map((name) => [name, String((headers as Record<string, unknown>)[name])]);
}

/** Payload rules: an object is form-encoded, a string or byte array sent as is, a blob with its type. */
function encodePayload(
  payload: unknown,
  contentType: unknown,
  headers: Array<[string, string]>,
): Uint8Array | null {
  if (payload === undefined || payload === null) return null;
  let type = contentType === undefined ? null : String(contentType);
  let bytes: Uint8Array;
  if (typeof payload === 'string') bytes = native().encodeText(payload, 'UTF-8');
  else if (isByteArray(payload)) bytes = fromByteArray(payload);
  else if (isBlob(payload)) {
    bytes = payload.rawBytes();
    type = type ?? payload.getContentType();
  } else if (typeof payload === 'object') bytes = native().encodeText(formEncode(payload), 'UTF-8');
  else bytes = native().encodeText(String(payload), 'UTF-8');
  const explicit = headers.findIndex(([name]) => name.toLowerCase() === 'content-type');
  if (type !== null && explicit >= 0) headers.splice(explicit, 1);
  if (type !== null || explicit < 0)
    headers.push(['Content-Type', type ?? 'application/x-www-form-urlencoded']);
  return bytes;
}

function formEncode(values: object): string {
  return Object.keys(values)
    .map((key) => {
      const value: unknown = (values as Record<string, unknown>)[key];
      if (isBlob(value))
        throw exception('Multipart payloads (a blob inside an object) are not supported locally.');
      return `${formComponent(key)}=${formComponent(String(value))}`;
    })
    .join('&');
}

/** java.net.URLEncoder's spelling: spaces as +, and only letters, digits and .-*_ left as they are. */
function formComponent(text: string): string {
  return encodeURIComponent(text)
    .replace(/%20/g, '+')
    .replace(/[!'()~]/g, (char) => '%' + char.charCodeAt(0).toString(16).toUpperCase());
}

function send(requests: PreparedRequest[]): HTTPResponse[] {
  const outcomes = callHost({ op: 'fetch', requests: requests.map((r) => r.wire) }) as FetchOutcome[];
  return outcomes.map((outcome, index) => {
    if ('error' in outcome) throw exception(outcome.error);
    const { status, headers, bodyBase64 } = outcome.response;
    const body = native().base64Decode(bodyBase64, false) ?? new Uint8Array(0);
    const response = new HTTPResponse(status, headers, body);
    const request = requests[index];
    if (status >= 400 && request && !request.muteHttpExceptions)
      throw httpException(request.wire.url, response);
    return response;
  });
}

function httpException(url: string, response: HTTPResponse): Error {
  const text = response.getContentText();
  const truncated =
    text.length > TRUNCATED_RESPONSE_CHARS ? text.slice(0, TRUNCATED_RESPONSE_CHARS) + '...' : text;
  const origin = /^[a-z]+:\/\/[^/?#]+/i.exec(url)?.[0] ?? url;
  return exception(
    `Request failed for ${origin} returned code ${response.getResponseCode()}. ` +
      `Truncated server response: ${truncated} (use muteHttpExceptions option to examine full response)`,
  );
}

function describe(request: PreparedRequest): Record<string, unknown> {
  const headers: Record<string, string> = {};
  for (const [name, value] of request.wire.headers) headers[name] = value;
  const bodyBase64 = request.wire.bodyBase64;
  return {
    url: request.wire.url,
    method: request.wire.method.toLowerCase(),
    headers,
    payload:
      bodyBase64 === null
        ? ''
        : native().decodeText(native().base64Decode(bodyBase64, false) ?? new Uint8Array(0), 'UTF-8'),
    followRedirects: request.wire.followRedirects,
    muteHttpExceptions: request.muteHttpExceptions,
  };
}
