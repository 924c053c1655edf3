/**
 * A discrete-event front for the sandbox's virtual clock, between the runtime and the sandbox.
 *
 * The runtime's virtual clock moves as soon as one execution sleeps, even while other executions
 * of the same dashboard are still starting or computing in real time. A 1.5 s pause of one chart
 * (the cache's gathering window) then ends before the other charts have even run a line. Here a
 * sleep only moves the clock once every tracked execution is waiting: asleep, or blocked on a lock
 * (`setBlockedCounter`). As a safety net against a wait it cannot see, the clock also moves when
 * nothing has happened for `quietMs` of real time. For a single execution this is exactly the
 * runtime's clock; computing costs no virtual time in either.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EventClock {
  /** Give this to the runtime as its virtual clock's sandbox URL. */
  readonly url: string;
  /** Counts `run` as an execution that may still act until it settles. */
  track<T>(run: Promise<T>): Promise<T>;
  /** How many tracked executions wait for something other than a sleep (a lock). */
  setBlockedCounter(count: () => number): void;
  close(): Promise<void>;
}

interface Sleeper {
  readonly wake: number;
  readonly ms: number;
  readonly from: number;
  readonly answer: (now: number) => void;
}

const DEFAULT_QUIET_MS = 20_000;
const CHECK_EVERY_MS = 10;

export async function startEventClock(sandboxUrl: string, quietMs = DEFAULT_QUIET_MS): Promise<EventClock> {
  const sleepers: Sleeper[] = [];
  let active = 0;
  let advancing = false;
  let lastActivity = Date.now();
  let blocked = (): number => 0;
  const sandbox = sandboxUrl.replace(/\/+$/, '');

  const advance = async (): Promise<void> => {
    advancing = true;
    try {
      sleepers.sort((a, b) => a.wake - b.wake);
      const next = sleepers[0];
      if (!next) return;
      const { now } = await clockCall(`${sandbox}/_sandbox/clock/sleep`, { ms: next.ms, from: next.from });
      for (const sleeper of sleepers.filter((candidate) => candidate.wake <= now)) {
        sleepers.splice(sleepers.indexOf(sleeper), 1);
        sleeper.answer(now);
      }
    } finally {
      advancing = false;
      lastActivity = Date.now();
    }
  };
  const check = (): void => {
    if (advancing || sleepers.length === 0) return;
    const everyoneWaits = sleepers.length + blocked() >= active;
    if (everyoneWaits || Date.now() - lastActivity >= quietMs) void advance();
  };
  const checker = setInterval(check, CHECK_EVERY_MS);
  const activity = (): void => {
    lastActivity = Date.now();
    check();
  };

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method === 'POST' && request.url === '/_sandbox/clock/sleep') {
      const { ms, from } = JSON.parse(await readBody(request)) as { ms: number; from: number };
      sleepers.push({ ms, from, wake: from + ms, answer: (now) => reply(response, { now }) });
      activity();
      return;
    }
    const body = request.method === 'POST' ? JSON.parse(await readBody(request)) : undefined;
    reply(response, await clockCall(`${sandbox}${request.url ?? ''}`, body, request.method));
    activity();
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    track: async (run) => {
      active += 1;
      activity();
      try {
        return await run;
      } finally {
        active -= 1;
        activity();
      }
    },
    setBlockedCounter: (count) => {
      blocked = count;
    },
    close: () => closeServer(server, () => clearInterval(checker)),
  };
}

async function clockCall(url: string, body?: unknown, method = 'POST'): Promise<{ now: number }> {
  const response = await fetch(url, {
    method: body === undefined ? method : 'POST',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`The sandbox clock answered ${url} with HTTP ${response.status}`);
  return (await response.json()) as { now: number };
}

function reply(response: ServerResponse, body: unknown): void {
  response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => resolve(text));
    request.on('error', reject);
  });
}

function closeServer(server: Server, before: () => void): Promise<void> {
  before();
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
