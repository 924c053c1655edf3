import type { Runtime } from '../../sandbox/runtime';
import { startFakeServer, type FakeServer } from '../support/fake-server';
import { ALICE, BOB, runtimeFor } from './support/scripts';

const SCRIPT = `
function cache(scope) { return CacheService['get' + scope + 'Cache'](); }
function put(scope, key, value, ttl) { ttl === undefined ? cache(scope).put(key, value) : cache(scope).put(key, value, ttl); }
function get(scope, key) { return cache(scope).get(key); }
function bulk() {
  var c = cache('User');
  c.putAll({ a: '1', b: '2', c: '3' }, 100);
  var found = c.getAll(['a', 'b', 'missing']);
  c.removeAll(['a', 'c']);
  c.remove('nothing');
  return { found: found, after: c.getAll(['a', 'b', 'c']) };
}
function attempt(action) {
  try { action(); return 'ok'; } catch (e) { return String(e); }
}
function limits() {
  var c = cache('Script');
  return {
    key250: attempt(function () { c.put('k'.repeat(250), 'v'); }),
    key251: attempt(function () { c.put('k'.repeat(251), 'v'); }),
    getKey251: attempt(function () { c.get('k'.repeat(251)); }),
    value100k: attempt(function () { c.put('v', 'x'.repeat(100 * 1024)); }),
    value100kPlus: attempt(function () { c.put('v', 'x'.repeat(100 * 1024 + 1)); }),
    ttlMax: attempt(function () { c.put('t', 'v', 21600); }),
    ttlOverMax: attempt(function () { c.put('t', 'v', 21601); }),
    ttlZero: attempt(function () { c.put('t', 'v', 0); }),
  };
}
function fill(count) { var c = cache('Script'); for (var i = 0; i < count; i++) c.put('item' + i, 'v', 60 + i); }
function documentCache() { return CacheService.getDocumentCache(); }
`;

describe('CacheService', () => {
  let server: FakeServer;
  let runtime: Runtime;
  beforeAll(async () => {
    server = await startFakeServer({ virtualClockStart: Date.UTC(2025, 0, 1) });
  });
  beforeEach(() => {
    runtime = runtimeFor(SCRIPT, { clock: { kind: 'virtual', sandboxUrl: server.url } });
  });
  afterEach(() => runtime.close());
  afterAll(() => server.close());

  it('keeps a cache per user and one for the script', async () => {
    await runtime.run(ALICE, 'put', 'User', 'k', 'alice');
    await runtime.run(ALICE, 'put', 'Script', 'k', 'shared');
    expect((await runtime.run(BOB, 'get', 'User', 'k')).value).toBeNull();
    expect((await runtime.run(BOB, 'get', 'Script', 'k')).value).toBe('shared');
    expect(runtime.userCache(ALICE)).toEqual({ k: 'alice' });
  });

  it('has no document cache in a standalone script', async () => {
    expect((await runtime.run(ALICE, 'documentCache')).value).toBeNull();
  });

  it('supports getAll, putAll, remove and removeAll', async () => {
    expect((await runtime.run(ALICE, 'bulk')).value).toEqual({
      found: { a: '1', b: '2' },
      after: { b: '2' },
    });
  });

  it('expires entries by the clock: 600 s by default, or the given time', async () => {
    await runtime.run(ALICE, 'put', 'User', 'default', 'v');
    await runtime.run(ALICE, 'put', 'User', 'short', 'v', 30);
    server.clock?.advance(31_000);
    expect((await runtime.run(ALICE, 'get', 'User', 'short')).value).toBeNull();
    expect((await runtime.run(ALICE, 'get', 'User', 'default')).value).toBe('v');
    server.clock?.advance(570_000);
    expect((await runtime.run(ALICE, 'get', 'User', 'default')).value).toBeNull();
  });

  it('enforces key, value and expiry limits with Apps Script’s messages', async () => {
    expect((await runtime.run(ALICE, 'limits')).value).toEqual({
      key250: 'ok',
      key251: 'Exception: Argument too large: key',
      getKey251: 'Exception: Argument too large: key',
      value100k: 'ok',
      value100kPlus: 'Exception: Argument too large: value',
      ttlMax: 'ok',
      ttlOverMax: 'Exception: Invalid argument: expirationInSeconds',
      ttlZero: 'Exception: Invalid argument: expirationInSeconds',
    });
  });

  it('keeps the 900 entries farthest from expiry when more than 1,000 are stored', async () => {
    await runtime.run(ALICE, 'fill', 1001);
    const kept = Object.keys(runtime.scriptCache());
    expect(kept).toHaveLength(900);
    expect(kept).toContain('item1000');
    expect(kept).not.toContain('item100');
  });
});
