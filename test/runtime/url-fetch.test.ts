import type { FetchEvent, Runtime } from '../../sandbox/runtime';
import { json, startFakeServer, type FakeServer } from '../support/fake-server';
import { barrier } from '../support/gates';
import { ALICE, BOB, runtimeFor } from './support/scripts';

const SCRIPT = `
function call(path, params) {
  var response = UrlFetchApp.fetch(BASE + path, params);
  return { status: response.getResponseCode(), text: response.getContentText(), headers: response.getHeaders(),
    all: response.getAllHeaders(), blobType: response.getBlob().getContentType(), bytes: response.getContent().slice(0, 4) };
}
function attempt(url, params) { try { return UrlFetchApp.fetch(url, params).getResponseCode(); } catch (e) { return String(e); } }
function all(paths) {
  return UrlFetchApp.fetchAll(paths.map(function (p) { return typeof p === 'string' ? BASE + p : { url: BASE + p.path, method: 'post', payload: p.body }; }))
    .map(function (r) { return r.getContentText(); });
}
function attemptAll(paths) { try { return all(paths); } catch (e) { return String(e); } }
function postForm() { return call('/echo', { method: 'post', payload: { code: 'a b&c', n: 1, missing: undefined } }); }
function describe(params) { return UrlFetchApp.getRequest(BASE + '/x', params); }
`;

function lastRequest(server: FakeServer, path: string) {
  const found = [...server.requests].reverse().find((request) => request.path === path);
  if (!found) throw new Error(`no request to ${path}`);
  return found;
}

describe('UrlFetchApp', () => {
  let server: FakeServer;
  let runtime: Runtime;
  beforeAll(async () => {
    server = await startFakeServer();
    server.route('GET', '/hello', () => ({
      headers: {
        'Content-Type': 'text/plain; charset=utf-8',
        'Set-Cookie': ['a=1', 'b=2'],
        'X-Trace': 'abc',
      },
      body: 'héllo',
    }));
    server.route('POST', '/echo', (request) =>
      json({ type: request.headers['content-type'], body: request.body }),
    );
    server.route('GET', '/missing', () => json({ error: 'not here' }, 404));
    server.route('GET', '/moved', () => ({ status: 302, headers: { Location: '/hello' } }));
    server.route('POST', '/moved', () => ({ status: 302, headers: { Location: '/hello' } }));
    server.route('GET', '/away', () => ({
      status: 302,
      headers: { Location: 'https://elsewhere.example.com/' },
    }));
    runtime = runtimeFor(`var BASE = '${server.url}';\n${SCRIPT}`, {
      manifest: { urlFetchWhitelist: ['https://api.getjobber.com/api/'] },
      allowedOrigins: [server.url, 'http://127.0.0.1:1'],
      urlFetchDailyQuota: 1000,
    });
  });
  afterAll(async () => {
    await runtime.close();
    await server.close();
  });

  it('fetches synchronously and reads status, text, headers, blob and bytes', async () => {
    const result = await runtime.run(ALICE, 'call', '/hello');
    expect(result.value).toEqual({
      status: 200,
      text: 'héllo',
      headers: expect.objectContaining({
        'Content-Type': 'text/plain; charset=utf-8',
        'Set-Cookie': 'b=2',
        'X-Trace': 'abc',
      }),
      all: expect.objectContaining({ 'Set-Cookie': ['a=1', 'b=2'], 'X-Trace': 'abc' }),
      blobType: 'text/plain; charset=utf-8',
      bytes: [104, -61, -87, 108],
    });
    expect(lastRequest(server, '/hello').headers['user-agent']).toContain('Google-Apps-Script');
  });

  it('form-encodes an object payload, as Apps Script does', async () => {
    const result = await runtime.run(ALICE, 'postForm');
    expect(JSON.parse((result.value as { text: string }).text)).toEqual({
      type: 'application/x-www-form-urlencoded',
      body: 'code=a+b%26c&n=1&missing=undefined',
    });
  });

  it('sends a string payload as is with its content type', async () => {
    const params = {
      method: 'POST',
      contentType: 'application/json',
      payload: JSON.stringify({ query: '{ a }' }),
    };
    const result = await runtime.run(ALICE, 'call', '/echo', params);
    expect(JSON.parse((result.value as { text: string }).text)).toEqual({
      type: 'application/json',
      body: '{"query":"{ a }"}',
    });
  });

  it('sends the headers it is given', async () => {
    await runtime.run(ALICE, 'call', '/hello', {
      headers: { Authorization: 'Bearer t', 'X-JOBBER-GRAPHQL-VERSION': 'v' },
    });
    const request = lastRequest(server, '/hello');
    expect(request.rawHeaders).toEqual(
      expect.arrayContaining(['Authorization', 'Bearer t', 'X-JOBBER-GRAPHQL-VERSION', 'v']),
    );
  });

  it('throws Apps Script’s exception on a status of 400 or more, unless muted', async () => {
    expect((await runtime.run(ALICE, 'attempt', `${server.url}/missing`)).value).toBe(
      `Exception: Request failed for ${server.url} returned code 404. Truncated server response: ` +
        '{"error":"not here"} (use muteHttpExceptions option to examine full response)',
    );
    expect((await runtime.run(ALICE, 'call', '/missing', { muteHttpExceptions: true })).value).toMatchObject({
      status: 404,
      text: '{"error":"not here"}',
    });
  });

  it('follows redirects unless told not to, and then returns the redirect without throwing', async () => {
    expect((await runtime.run(ALICE, 'call', '/moved')).value).toMatchObject({ status: 200, text: 'héllo' });
    expect(
      (await runtime.run(ALICE, 'call', '/moved', { method: 'post', payload: 'x' })).value,
    ).toMatchObject({ status: 200 });
    expect((await runtime.run(ALICE, 'call', '/moved', { followRedirects: false })).value).toMatchObject({
      status: 302,
      headers: expect.objectContaining({ Location: '/hello' }),
    });
  });

  it('refuses URLs outside the manifest’s whitelist and the allowed origins, redirects included', async () => {
    expect((await runtime.run(ALICE, 'attempt', 'https://api.getjobber.com/other?x=1')).value).toBe(
      'Exception: Request to https://api.getjobber.com/other? failed because the URL has not been whitelisted in the script manifest.',
    );
    expect((await runtime.run(ALICE, 'attempt', `${server.url}/away`)).value).toBe(
      'Exception: Request to https://elsewhere.example.com/ failed because the URL has not been whitelisted in the script manifest.',
    );
  });

  it('reports a connection failure as Apps Script does', async () => {
    expect((await runtime.run(ALICE, 'attempt', 'http://127.0.0.1:1/nothing')).value).toBe(
      'Exception: Address unavailable: http://127.0.0.1:1/nothing',
    );
  });

  it('refuses URLs over 2 KB and unknown methods', async () => {
    expect((await runtime.run(ALICE, 'attempt', `${server.url}/${'a'.repeat(2100)}`)).value).toBe(
      'Exception: Limit Exceeded: URLFetch URL Length.',
    );
    expect((await runtime.run(ALICE, 'attempt', `${server.url}/hello`, { method: 'head' })).value).toBe(
      'Exception: Invalid argument: method head',
    );
  });

  it('runs fetchAll’s requests at the same time and answers in order', async () => {
    const together = barrier(3);
    server.route('GET', '/slow', async () => {
      await together.arrive();
      return { body: 'slow' };
    });
    server.route('POST', '/slow', async (request) => {
      await together.arrive();
      return { body: request.body };
    });
    const result = await runtime.run(ALICE, 'all', ['/slow', { path: '/slow', body: 'second' }, '/slow']);
    expect(result.value).toEqual(['slow', 'second', 'slow']);
    expect((await runtime.run(ALICE, 'attemptAll', ['/hello', '/missing'])).value).toMatch(
      /^Exception: Request failed for .* returned code 404/,
    );
  });

  it('lists every request in the execution’s result', async () => {
    const result = await runtime.run(ALICE, 'call', '/echo', { method: 'post', payload: 'body' });
    expect(result.fetches).toEqual([
      {
        method: 'POST',
        url: `${server.url}/echo`,
        requestBody: 'body',
        status: 200,
        responseBytes: expect.any(Number),
        ms: expect.any(Number),
      },
    ]);
  });

  it('keeps credentials out of the recorded request bodies', async () => {
    const form = { code: 'c0de', client_secret: 'shh', grant_type: 'authorization_code' };
    const result = await runtime.run(ALICE, 'call', '/echo', { method: 'post', payload: form });
    expect(result.fetches[0]?.requestBody).toBe(
      'code=[redacted]&client_secret=[redacted]&grant_type=authorization_code',
    );
    const jsonBody = JSON.stringify({ refresh_token: 'r', query: '{ a }' });
    const second = await runtime.run(ALICE, 'call', '/echo', {
      method: 'post',
      payload: jsonBody,
      contentType: 'application/json',
    });
    expect(second.fetches[0]?.requestBody).toBe('{"refresh_token":"[redacted]","query":"{ a }"}');
  });

  it('describes a request with getRequest without sending it', async () => {
    const before = server.requests.length;
    const result = await runtime.run(ALICE, 'describe', { method: 'post', payload: { a: '1' } });
    expect(result.value).toMatchObject({
      method: 'post',
      payload: 'a=1',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(server.requests.length).toBe(before);
  });
});

describe('the onFetch observer', () => {
  it('hears of each request as it completes, with the execution, the record and the response', async () => {
    const server = await startFakeServer();
    server.route('GET', '/hello', () => ({ body: 'hi' }));
    const events: FetchEvent[] = [];
    const runtime = runtimeFor(`var BASE = '${server.url}';\n${SCRIPT}`, {
      allowedOrigins: [server.url],
      onFetch: (event) => events.push(event),
    });
    try {
      const result = await runtime.run(ALICE, 'all', ['/hello', '/hello']);
      const refused = await runtime.run(BOB, 'attempt', 'https://elsewhere.example.com/');
      expect(events.map((event) => [event.executionId, event.user, event.functionName])).toEqual([
        [result.executionId, ALICE, 'all'],
        [result.executionId, ALICE, 'all'],
        [refused.executionId, BOB, 'attempt'],
      ]);
      expect(events[0]?.record).toBe(result.fetches[0]);
      expect(events[0]?.response?.status).toBe(200);
      expect(events[0]?.response?.body.toString()).toBe('hi');
      expect(events[2]?.response).toBeUndefined();
      expect(refused.executionId).toBe(result.executionId + 1);
    } finally {
      await runtime.close();
      await server.close();
    }
  });

  it('cannot break an execution: an observer that throws changes nothing the script sees', async () => {
    const server = await startFakeServer();
    server.route('GET', '/hello', () => ({ body: 'hi' }));
    const runtime = runtimeFor(`var BASE = '${server.url}';\n${SCRIPT}`, {
      allowedOrigins: [server.url],
      onFetch: () => {
        throw new Error('observer bug');
      },
    });
    const warning = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      expect((await runtime.run(ALICE, 'all', ['/hello'])).value).toEqual(['hi']);
      expect(warning).toHaveBeenCalledWith(expect.stringContaining('observer bug'));
    } finally {
      warning.mockRestore();
      await runtime.close();
      await server.close();
    }
  });
});

describe('UrlFetchApp quota', () => {
  it('resets 24 h after the user’s first call of the day, not at midnight', async () => {
    // 23:00 UTC: a calendar-day quota would reset an hour later.
    const server = await startFakeServer({ virtualClockStart: Date.UTC(2025, 3, 1, 23) });
    server.route('GET', '/ok', () => ({ body: 'ok' }));
    const runtime = runtimeFor(`var BASE = '${server.url}';\n${SCRIPT}`, {
      urlFetchDailyQuota: 1,
      clock: { kind: 'virtual', sandboxUrl: server.url },
    });
    const refused = 'Exception: Service invoked too many times for one day: urlfetch.';
    try {
      expect((await runtime.run(ALICE, 'attempt', `${server.url}/ok`)).value).toBe(200);
      server.clock?.advance(2 * 3_600_000);
      expect((await runtime.run(ALICE, 'attempt', `${server.url}/ok`)).value).toBe(refused);
      server.clock?.advance(21 * 3_600_000 + 59 * 60_000);
      expect((await runtime.run(ALICE, 'attempt', `${server.url}/ok`)).value).toBe(refused);
      server.clock?.advance(60_000);
      expect((await runtime.run(ALICE, 'attempt', `${server.url}/ok`)).value).toBe(200);
    } finally {
      await runtime.close();
      await server.close();
    }
  });

  it('counts calls per user per day and refuses past the daily quota', async () => {
    const server = await startFakeServer();
    server.route('GET', '/ok', () => ({ body: 'ok' }));
    const runtime = runtimeFor(`var BASE = '${server.url}';\n${SCRIPT}`, { urlFetchDailyQuota: 2 });
    try {
      expect((await runtime.run(ALICE, 'all', ['/ok', '/ok'])).value).toEqual(['ok', 'ok']);
      expect((await runtime.run(ALICE, 'attempt', `${server.url}/ok`)).value).toBe(
        'Exception: Service invoked too many times for one day: urlfetch.',
      );
      expect((await runtime.run(BOB, 'attempt', `${server.url}/ok`)).value).toBe(200);
      expect(runtime.urlFetchCount(ALICE)).toBe(2);
    } finally {
      await runtime.close();
      await server.close();
    }
  });
});
