import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface RawRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body: Buffer | null;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Array<[string, string]>;
  readonly body: Buffer;
}

export type NetworkFailureKind = 'refused' | 'dns' | 'timeout' | 'too_large' | 'other';

export class NetworkFailure extends Error {
  override readonly name = 'NetworkFailure';
  constructor(
    readonly kind: NetworkFailureKind,
    message: string,
  ) {
    super(message);
  }
}

/** One HTTP exchange, no redirects followed, header names kept as the server spelled them. */
export function sendRequest(raw: RawRequest): Promise<RawResponse> {
  const url = new URL(raw.url);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const headers: Array<[string, string]> = raw.headers.map(([name, value]) => [name, value]);
  // Node adds no Host header when headers are given as a raw list.
  if (!headers.some(([name]) => name.toLowerCase() === 'host')) headers.unshift(['Host', url.host]);
  if (raw.body) headers.push(['Content-Length', String(raw.body.length)]);
  return new Promise((resolve, reject) => {
    const req = send(url, { method: raw.method, headers: headers.flat(), timeout: raw.timeoutMs }, (res) =>
      readResponse(res, raw.maxResponseBytes).then(resolve, reject),
    );
    req.on('timeout', () => req.destroy(new NetworkFailure('timeout', 'timeout')));
    req.on('error', (error) => reject(classify(error)));
    req.end(raw.body ?? undefined);
  });
}

function readResponse(res: IncomingMessage, maxBytes: number): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) res.destroy(new NetworkFailure('too_large', 'response too large'));
      else chunks.push(chunk);
    });
    res.on('error', (error) => reject(classify(error)));
    res.on('end', () =>
      resolve({
        status: res.statusCode ?? 0,
        headers: headerPairs(res.rawHeaders),
        body: Buffer.concat(chunks),
      }),
    );
  });
}

function headerPairs(rawHeaders: readonly string[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2)
    pairs.push([rawHeaders[i] ?? '', rawHeaders[i + 1] ?? '']);
  return pairs;
}

function classify(error: unknown): NetworkFailure {
  if (error instanceof NetworkFailure) return error;
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ECONNREFUSED' || code === 'EHOSTUNREACH') return new NetworkFailure('refused', message);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new NetworkFailure('dns', message);
  return new NetworkFailure('other', message);
}
