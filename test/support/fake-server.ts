import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small HTTP server for runtime and driver tests, in the test's own thread (the runtime's host
 * never blocks, only its workers do). With a virtual clock it speaks the sandbox's clock protocol:
 * GET /_sandbox/clock, POST /_sandbox/clock/sleep {ms, from}, and x-sandbox-now on every response.
 */

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  readonly rawHeaders: readonly string[];
  readonly body: string;
  /** Requests being served when this one arrived (to show concurrency). */
  readonly concurrent: number;
}

export interface FakeResponse {
  readonly status?: number;
  readonly headers?: Record<string, string | string[]>;
  readonly body?: string | Buffer;
  readonly delayMs?: number;
}

export type Handler = (request: RecordedRequest) => FakeResponse | Promise<FakeResponse>;

export interface FakeClock {
  now(): number;
  advance(ms: number): void;
  readonly sleeps: Array<{ ms: number; from: number | undefined }>;
}

export interface FakeServer {
  readonly url: string;
  readonly requests: RecordedRequest[];
  readonly clock: FakeClock | null;
  route(method: string, path: string, handler: Handler): void;
  close(): Promise<void>;
}

export async function startFakeServer(options: { virtualClockStart?: number } = {}): Promise<FakeServer> {
  const routes = new Map<string, Handler>();
  const requests: RecordedRequest[] = [];
  const clock = options.virtualClockStart === undefined ? null : fakeClock(options.virtualClockStart);
  if (clock) installClockRoutes(routes, clock);
  let inFlight = 0;
  const server = createServer((req, res) => {
    inFlight++;
    void serve(req, res, routes, requests, inFlight - 1, clock).finally(() => inFlight--);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    clock,
    route: (method, path, handler) => routes.set(`${method} ${path}`, handler),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function serve(
  req: IncomingMessage,
  res: ServerResponse,
  routes: Map<string, Handler>,
  requests: RecordedRequest[],
  concurrent: number,
  clock: FakeClock | null,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const url = new URL(req.url ?? '/', 'http://localhost');
  const recorded: RecordedRequest = {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    rawHeaders: req.rawHeaders,
    body: Buffer.concat(chunks).toString('utf8'),
    concurrent,
  };
  requests.push(recorded);
  const handler = routes.get(`${recorded.method} ${recorded.path}`);
  const response = handler ? await handler(recorded) : { status: 404, body: 'no route' };
  if (response.delayMs) await new Promise((resolve) => setTimeout(resolve, response.delayMs));
  const headers: Record<string, string | string[]> = { ...(response.headers ?? {}) };
  if (clock) headers['x-sandbox-now'] = String(clock.now());
  res.writeHead(response.status ?? 200, headers);
  res.end(response.body ?? '');
}

function fakeClock(start: number): FakeClock {
  let now = start;
  return {
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    sleeps: [],
  };
}

function installClockRoutes(routes: Map<string, Handler>, clock: FakeClock): void {
  routes.set('GET /_sandbox/clock', () => json({ now: clock.now() }));
  routes.set('POST /_sandbox/clock/sleep', (request) => {
    const { ms, from } = JSON.parse(request.body) as { ms: number; from?: number };
    clock.sleeps.push({ ms, from });
    clock.advance(Math.max(0, (from ?? clock.now()) + ms - clock.now()));
    return json({ now: clock.now() });
  });
}

export function json(value: unknown, status = 200): FakeResponse {
  return {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: JSON.stringify(value),
  };
}
