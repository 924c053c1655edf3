import type { Runtime } from '../../sandbox/runtime';
import { until } from '../support/gates';
import { ALICE, BOB, runtimeFor } from './support/scripts';

const SCRIPT = `
var evaluations = 0;
evaluations++;
function countEvaluations() { globalThis.seen = (globalThis.seen || 0) + 1; return { evaluations: evaluations, seen: globalThis.seen }; }
function echo(request) { return { request: request, user: Session.getEffectiveUser().getEmail() }; }
function nothing() {}
function page() { return HtmlService.createHtmlOutput('<p>Done</p>').setTitle('Connected'); }
function typeError() { return null.field; }
function throwString() { throw 'plain text'; }
function legacyUserError() { throw new Error('DS_USER: Please reconnect'); }
function userError() {
  DataStudioApp.createCommunityConnector().newUserError().setText('Pick a date range').setDebugText('range missing').throwException();
}
function debugError() { DataStudioApp.createCommunityConnector().newDebugError().setText('internal').throwException(); }
function caughtServiceError() {
  try { CacheService.getUserCache().get('k'.repeat(251)); } catch (e) { return [e instanceof Error, e.name, e.message, String(e)]; }
}
function nodeGlobals() {
  return ['Buffer', 'process', 'require', 'setTimeout', 'setInterval', 'fetch', 'URL', 'TextEncoder', 'structuredClone', 'queueMicrotask']
    .filter(function (name) { return typeof globalThis[name] !== 'undefined'; });
}
function appsScriptGlobals() {
  return ['UrlFetchApp', 'PropertiesService', 'CacheService', 'LockService', 'Utilities', 'ScriptApp', 'HtmlService',
    'Session', 'DataStudioApp', 'console', 'Logger', 'OAuth2'].filter(function (name) { return typeof globalThis[name] === 'undefined'; });
}
function logs() { console.log('one', 2, { three: 3 }); console.warn('careful'); console.error(new Error('bad')); Logger.log('%s has %s', 'list', 2); }
function spin(ms) { var end = Date.now() + ms; while (Date.now() < end) {} return 'spun'; }
function spinHoldingTheScriptLock(ms) { LockService.getScriptLock().waitLock(1000); return spin(ms); }
var arrowEntry = () => 'arrow';
const constEntry = function () { return 'const'; };
`;

describe('executions', () => {
  let runtime: Runtime;
  beforeAll(() => {
    runtime = runtimeFor(SCRIPT, { timeLimitMs: 1500 });
  });
  afterAll(() => runtime.close());

  it('evaluate the script anew for every call, so nothing leaks between executions but services', async () => {
    const first = await runtime.run(ALICE, 'countEvaluations');
    const second = await runtime.run(ALICE, 'countEvaluations');
    expect(first.value).toEqual({ evaluations: 1, seen: 1 });
    expect(second.value).toEqual({ evaluations: 1, seen: 1 });
  });

  it('pass arguments and return values as JSON, and run as the given user', async () => {
    const result = await runtime.run(BOB, 'echo', { fields: [{ name: 'a' }], n: 1 });
    expect(result).toMatchObject({
      ok: true,
      value: { request: { fields: [{ name: 'a' }], n: 1 }, user: BOB },
    });
  });

  it('return no value for a function that returns undefined', async () => {
    const result = await runtime.run(ALICE, 'nothing');
    expect(result.ok).toBe(true);
    expect('value' in result).toBe(false);
  });

  it('turn an HtmlOutput into its html and title', async () => {
    expect((await runtime.run(ALICE, 'page')).value).toEqual({ html: '<p>Done</p>', title: 'Connected' });
  });

  it('call only top-level function declarations by name, as Apps Script does', async () => {
    for (const name of ['missing', 'arrowEntry', 'constEntry']) {
      const result = await runtime.run(ALICE, name);
      expect(result.error).toEqual({ kind: 'exception', text: `Script function not found: ${name}` });
    }
  });

  it('report a thrown error as an exception with its name, message and stack', async () => {
    const result = await runtime.run(ALICE, 'typeError');
    expect(result.ok).toBe(false);
    expect(result.error?.kind).toBe('exception');
    expect(result.error?.text).toBe("TypeError: Cannot read properties of null (reading 'field')");
    expect(result.error?.stack).toContain('Code.js');
    expect((await runtime.run(ALICE, 'throwString')).error).toEqual({
      kind: 'exception',
      text: 'plain text',
    });
  });

  it('tell a Looker Studio user error (text and debug text) from an exception', async () => {
    expect((await runtime.run(ALICE, 'userError')).error).toEqual({
      kind: 'user',
      text: 'Pick a date range',
      debugText: 'range missing',
    });
    expect((await runtime.run(ALICE, 'legacyUserError')).error).toEqual({
      kind: 'user',
      text: 'Please reconnect',
    });
  });

  it('do not count a debug error as a user error', async () => {
    expect((await runtime.run(ALICE, 'debugError')).error).toEqual({
      kind: 'exception',
      text: 'Debug error: internal',
    });
  });

  it('throw service failures as errors of the script realm named Exception', async () => {
    const result = await runtime.run(ALICE, 'caughtServiceError');
    expect(result.value).toEqual([
      true,
      'Exception',
      'Argument too large: key',
      'Exception: Argument too large: key',
    ]);
  });

  it('offer Apps Script globals and none of Node', async () => {
    expect((await runtime.run(ALICE, 'nodeGlobals')).value).toEqual([]);
    expect((await runtime.run(ALICE, 'appsScriptGlobals')).value).toEqual([]);
  });

  it('collect console and Logger lines in the result', async () => {
    const { logs } = await runtime.run(ALICE, 'logs');
    expect(logs.map((line) => line.level)).toEqual(['log', 'warn', 'error', 'logger']);
    expect(logs[0]?.message).toBe('one 2 {"three":3}');
    expect(logs[2]?.message).toMatch(/^Error: bad/);
    expect(logs[3]?.message).toBe('list has 2');
  });

  it('stop an execution at the time limit with Apps Script’s message, and keep serving others', async () => {
    const result = await runtime.run(ALICE, 'spin', 60_000);
    expect(result.error).toEqual({ kind: 'timeout', text: 'Exceeded maximum execution time' });
    expect((await runtime.run(ALICE, 'spin', 1)).value).toBe('spun');
  });

  it('end running executions when the runtime closes', async () => {
    const other = runtimeFor(SCRIPT);
    const running = other.run(ALICE, 'spinHoldingTheScriptLock', 60_000);
    await until(() => other.isLocked('script'), 'the execution to run');
    await other.close();
    expect((await running).error).toEqual({ kind: 'exception', text: 'The runtime was closed' });
  });

  it('end executions still waiting for a worker when the runtime closes', async () => {
    const single = runtimeFor(SCRIPT, { maxConcurrentExecutions: 1 });
    const first = single.run(ALICE, 'spinHoldingTheScriptLock', 60_000);
    await until(() => single.isLocked('script'), 'the first execution to run');
    const queued = single.run(ALICE, 'spin', 1);
    await single.close();
    const closed = { kind: 'exception', text: 'The runtime was closed' };
    expect((await first).error).toEqual(closed);
    expect((await queued).error).toEqual(closed);
    expect((await single.run(ALICE, 'spin', 1)).error).toEqual(closed);
  });

  it('report busy time separately from elapsed time', async () => {
    const result = await runtime.run(ALICE, 'spin', 50);
    expect(result.busyMs).toBeGreaterThan(0);
    expect(result.elapsedMs).toBeGreaterThanOrEqual(result.busyMs - 1);
  });
});
