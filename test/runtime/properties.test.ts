import type { Runtime } from '../../sandbox/runtime';
import { ALICE, BOB, runtimeFor } from './support/scripts';

const QUOTA_TEXT =
  'Exception: You have exceeded the property storage quota. Please remove some properties and try again.';

const SCRIPT = `
function store(scope) { return PropertiesService['get' + scope + 'Properties'](); }
function set(scope, key, value) { store(scope).setProperty(key, value); return store(scope).getProperty(key); }
function get(scope, key) { return store(scope).getProperty(key); }
function all(scope) { return store(scope).getProperties(); }
function keys(scope) { return store(scope).getKeys().sort(); }
function setMany(scope, values, deleteOthers) { store(scope).setProperties(values, deleteOthers); return all(scope); }
function remove(scope, key) { store(scope).deleteProperty(key); return all(scope); }
function removeAll(scope) { store(scope).deleteAllProperties(); return all(scope); }
function nonStrings() { var p = store('User'); p.setProperty('n', 42); p.setProperty('b', true); return [typeof p.getProperty('n'), p.getProperty('n'), p.getProperty('b')]; }
function documentStore() { return PropertiesService.getDocumentProperties(); }
function tryWrite(scope, key, size) {
  try { store(scope).setProperty(key, 'x'.repeat(size)); return 'stored'; } catch (e) { return String(e); }
}
function fill(scope, count, size) {
  for (var i = 0; i < count; i++) {
    try { store(scope).setProperty('k' + i, 'x'.repeat(size)); } catch (e) { return { stored: i, error: String(e) }; }
  }
  return { stored: count };
}
function tryMany(scope, values) { try { store(scope).setProperties(values); return 'stored'; } catch (e) { return String(e); } }
`;

describe('PropertiesService', () => {
  let runtime: Runtime;
  beforeEach(() => {
    runtime = runtimeFor(SCRIPT, { scriptProperties: { JOBBER_CLIENT_ID: 'client' } });
  });
  afterEach(() => runtime.close());

  it('starts with the script properties the runtime was given', async () => {
    expect((await runtime.run(ALICE, 'get', 'Script', 'JOBBER_CLIENT_ID')).value).toBe('client');
  });

  it('keeps one user store per user and one script store shared by all', async () => {
    await runtime.run(ALICE, 'set', 'User', 'token', 'alice-token');
    await runtime.run(ALICE, 'set', 'Script', 'shared', 'yes');
    expect((await runtime.run(BOB, 'get', 'User', 'token')).value).toBeNull();
    expect((await runtime.run(BOB, 'get', 'Script', 'shared')).value).toBe('yes');
    expect(runtime.userProperties(ALICE)).toEqual({ token: 'alice-token' });
    expect(runtime.userProperties(BOB)).toEqual({});
  });

  it('has no document store in a standalone script, as a connector is', async () => {
    expect((await runtime.run(ALICE, 'documentStore')).value).toBeNull();
  });

  it('stores values as strings', async () => {
    expect((await runtime.run(ALICE, 'nonStrings')).value).toEqual(['string', '42', 'true']);
  });

  it('reads, lists, bulk-writes and deletes', async () => {
    await runtime.run(ALICE, 'set', 'User', 'a', '1');
    expect((await runtime.run(ALICE, 'setMany', 'User', { b: '2', c: '3' }, false)).value).toEqual({
      a: '1',
      b: '2',
      c: '3',
    });
    expect((await runtime.run(ALICE, 'keys', 'User')).value).toEqual(['a', 'b', 'c']);
    expect((await runtime.run(ALICE, 'remove', 'User', 'b')).value).toEqual({ a: '1', c: '3' });
    expect((await runtime.run(ALICE, 'setMany', 'User', { d: '4' }, true)).value).toEqual({ d: '4' });
    expect((await runtime.run(ALICE, 'removeAll', 'User')).value).toEqual({});
  });

  it('refuses a value over 9 KB with Apps Script’s quota message', async () => {
    expect((await runtime.run(ALICE, 'tryWrite', 'User', 'big', 9 * 1024)).value).toBe('stored');
    expect((await runtime.run(ALICE, 'tryWrite', 'User', 'big', 9 * 1024 + 1)).value).toBe(QUOTA_TEXT);
    expect(runtime.userProperties(ALICE).big).toHaveLength(9 * 1024);
  });

  it('counts UTF-8 bytes, not characters', async () => {
    const result = await runtime.run(ALICE, 'tryMany', 'User', { accents: 'é'.repeat(4700) });
    expect(result.value).toBe(QUOTA_TEXT);
  });

  it('refuses to grow a store past 500 KB and keeps what was stored', async () => {
    const result = await runtime.run(ALICE, 'fill', 'Script', 100, 9000);
    expect(result.value).toEqual({ stored: 56, error: QUOTA_TEXT });
    expect(Object.keys(runtime.scriptProperties())).toHaveLength(57);
  });

  it('writes setProperties all or nothing', async () => {
    const result = await runtime.run(ALICE, 'tryMany', 'User', { small: 'ok', huge: 'x'.repeat(10_000) });
    expect(result.value).toBe(QUOTA_TEXT);
    expect(runtime.userProperties(ALICE)).toEqual({});
  });
});
