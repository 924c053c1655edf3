/**
 * The virtual clock as a discrete-event clock: time passes only while every running execution
 * waits for it (asleep, or blocked on a lock until its timeout), and then jumps to the earliest
 * wake-up. Executions that start, compute or wait for an answer hold it still. Everything here is
 * virtual time read by the scripts themselves; nothing depends on how fast the machine is.
 */
import type { Runtime, RuntimeOptions } from '../../sandbox/runtime';
import { json, startFakeServer, type FakeServer } from '../support/fake-server';
import { barrier, gate, until } from '../support/gates';
import { ALICE, BOB, runtimeFor } from './support/scripts';

const START = Date.UTC(2025, 5, 1, 9, 0, 0);
const LOCK_TIMEOUT = 'Exception: Lock timeout: another process was holding the lock for too long.';

const SCRIPT = `
var cache = CacheService.getScriptCache();
function visit(path) { return UrlFetchApp.fetch(BASE + path).getContentText(); }
function spin(rounds) { var x = 0; for (var i = 0; i < rounds; i++) { x = (x * 31 + i) % 1000003; } return x; }

function writeAfterWork(path, rounds) {
  var startedAt = Date.now();
  visit(path);
  spin(rounds);
  cache.put('entry', 'written');
  return { writtenAfter: Date.now() - startedAt };
}
function writeAfterSleep(ms) { Utilities.sleep(ms); cache.put('entry', 'written'); return 'written'; }
function readAfterSleep(readyPath, ms) {
  if (readyPath) visit(readyPath);
  var sleptAt = Date.now();
  Utilities.sleep(ms);
  return { entry: cache.get('entry'), slept: Date.now() - sleptAt };
}

function holdThenSleep(path, ms) {
  var lock = LockService.getScriptLock();
  lock.waitLock(1000);
  visit(path);
  Utilities.sleep(ms);
  lock.releaseLock();
  return 'released';
}
function waitLockFor(ms) {
  var before = Date.now();
  try { LockService.getScriptLock().waitLock(ms); return { outcome: 'acquired', waited: Date.now() - before }; }
  catch (e) { return { outcome: String(e), waited: Date.now() - before }; }
}
function tryLockFor(ms) {
  var before = Date.now();
  var acquired = LockService.getScriptLock().tryLock(ms);
  return { outcome: acquired, waited: Date.now() - before };
}
function lockBoth(first, second, path, ms) {
  var get = function (scope) { return scope === 'script' ? LockService.getScriptLock() : LockService.getUserLock(); };
  get(first).waitLock(1000);
  visit(path);
  var before = Date.now();
  try { get(second).waitLock(ms); return { outcome: 'acquired', waited: Date.now() - before }; }
  catch (e) { return { outcome: String(e), waited: Date.now() - before }; }
}

function openChart(chart, gatherMs) {
  var lock = LockService.getScriptLock();
  lock.waitLock(10000);
  var registered = JSON.parse(cache.get('registered') || '[]');
  registered.push(chart);
  cache.put('registered', JSON.stringify(registered));
  lock.releaseLock();
  Utilities.sleep(gatherMs);
  return JSON.parse(cache.get('registered')).length;
}
function sleepFor(ms) { var before = Date.now(); Utilities.sleep(ms); return Date.now() - before; }
function sleepMany(times, ms) { for (var i = 0; i < times; i++) { console.log('sleep ' + i); Utilities.sleep(ms); } return 'finished'; }
`;

describe('the virtual clock with concurrent executions', () => {
  let server: FakeServer;
  let runtime: Runtime;
  const open = (options: Omit<RuntimeOptions, 'bundlePath' | 'clock'> = {}, quietMs?: number): Runtime =>
    runtimeFor(`var BASE = '${server.url}';\n${SCRIPT}`, {
      maxConcurrentExecutions: 10,
      ...options,
      clock: { kind: 'virtual', sandboxUrl: server.url, ...(quietMs === undefined ? {} : { quietMs }) },
    });

  beforeEach(async () => {
    server = await startFakeServer({ virtualClockStart: START });
  });
  afterEach(async () => {
    await runtime.close();
    await server.close();
  });

  it('does not run ahead of an execution that is still computing: a one-second sleep sees what it finished meanwhile', async () => {
    runtime = open();
    const readerSleeps = gate();
    server.route('GET', '/reader-ready', () => {
      readerSleeps.open();
      return json('ready');
    });
    server.route('GET', '/writer-go', async () => {
      await readerSleeps.wait();
      return json('go');
    });

    const [writer, reader] = await Promise.all([
      runtime.run(ALICE, 'writeAfterWork', '/writer-go', 20_000_000),
      runtime.run(BOB, 'readAfterSleep', '/reader-ready', 1000),
    ]);

    expect(writer.value).toEqual({ writtenAfter: 0 });
    expect(reader.value).toEqual({ entry: 'written', slept: 1000 });
  });

  it('lets the first wake-up come first: what is written after two seconds is not there after one', async () => {
    runtime = open();
    const [writer, reader] = await Promise.all([
      runtime.run(ALICE, 'writeAfterSleep', 2000),
      runtime.run(BOB, 'readAfterSleep', '', 1000),
    ]);

    expect(reader.value).toEqual({ entry: null, slept: 1000 });
    expect(writer.virtualElapsedMs).toBe(2000);
    expect(runtime.scriptCache()).toEqual({ entry: 'written' });
    expect(server.clock?.now()).toBe(START + 2000);
  });

  it('times lock waiters out at exactly their timeout while the holder sleeps', async () => {
    runtime = open();
    const waitersQueued = gate();
    server.route('GET', '/held', async () => {
      await waitersQueued.wait();
      return json('held');
    });
    const holder = runtime.run(ALICE, 'holdThenSleep', '/held', 60_000);
    await waitersQueued.reached;
    const waiting = runtime.run(BOB, 'waitLockFor', 5000);
    const trying = runtime.run(BOB, 'tryLockFor', 3000);
    await until(() => runtime.lockWaiters('script') === 2, 'both waiters to queue');
    waitersQueued.open();

    expect((await trying).value).toEqual({ outcome: false, waited: 3000 });
    expect((await waiting).value).toEqual({ outcome: LOCK_TIMEOUT, waited: 5000 });
    expect(await holder).toMatchObject({ value: 'released', virtualElapsedMs: 60_000 });
  });

  it('ends a deadlock with the lock-timeout error of the earliest timeout, which frees the other', async () => {
    runtime = open();
    const bothHoldOne = barrier(2);
    server.route('GET', '/holding', async () => {
      await bothHoldOne.arrive();
      return json('holding');
    });

    const [first, second] = await Promise.all([
      runtime.run(ALICE, 'lockBoth', 'script', 'user', '/holding', 10_000),
      runtime.run(ALICE, 'lockBoth', 'user', 'script', '/holding', 20_000),
    ]);

    expect(first.value).toEqual({ outcome: LOCK_TIMEOUT, waited: 10_000 });
    expect(second.value).toEqual({ outcome: 'acquired', waited: 10_000 });
  });

  it('gives every chart of a 10-chart dashboard opened at once the registrations of all 10 after its gathering pause', async () => {
    runtime = open();
    const charts = Array.from({ length: 10 }, (_, chart) => runtime.run(ALICE, 'openChart', chart, 1000));

    const results = await Promise.all(charts);

    expect(results.map((result) => result.value)).toEqual(Array(10).fill(10));
    expect(results.map((result) => result.virtualElapsedMs)).toEqual(Array(10).fill(1000));
  });

  it('lets executions waiting for a worker thread neither hold time nor wait for it', async () => {
    runtime = open({ maxConcurrentExecutions: 2 });
    const results = await Promise.all([1, 2, 3, 4].map(() => runtime.run(ALICE, 'sleepFor', 1000)));

    expect(results.map((result) => result.value)).toEqual([1000, 1000, 1000, 1000]);
    expect(server.clock?.now()).toBe(START + 2000);
  });

  it('stops an execution at exactly its time limit, not at the end of the sleep that crosses it', async () => {
    runtime = open({ timeLimitMs: 10_000 });
    const result = await runtime.run(ALICE, 'sleepMany', 3, 4000);

    expect(result.error).toEqual({ kind: 'timeout', text: 'Exceeded maximum execution time' });
    expect(result.logs.map((line) => line.message)).toEqual(['sleep 0', 'sleep 1', 'sleep 2']);
    expect(result.virtualElapsedMs).toBe(10_000);
    expect(server.clock?.now()).toBe(START + 10_000);
  });

  it('moves time anyway after a quiet spell when an execution waits for something the runtime cannot see', async () => {
    runtime = open({}, 100);
    server.route('GET', '/once-time-moved', async () => {
      await until(() => (server.clock?.now() ?? 0) > START, 'virtual time to move', 30_000);
      return json('moved');
    });

    const [waiter, sleeper] = await Promise.all([
      runtime.run(ALICE, 'visit', '/once-time-moved'),
      runtime.run(BOB, 'sleepFor', 1000),
    ]);

    expect(waiter.value).toBe('"moved"');
    expect(sleeper.value).toBe(1000);
  });
});
