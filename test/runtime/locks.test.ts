import type { Runtime } from '../../sandbox/runtime';
import { json, startFakeServer, type FakeServer } from '../support/fake-server';
import { barrier, gate, until } from '../support/gates';
import { ALICE, BOB, runtimeFor } from './support/scripts';

const SCRIPT = `
function lockOf(scope) { return LockService['get' + scope + 'Lock'](); }
function visit(path) { return UrlFetchApp.fetch(BASE + path).getContentText(); }
function holdWhile(scope, path) {
  var lock = lockOf(scope);
  lock.waitLock(1000);
  visit(path);
  lock.releaseLock();
  return 'released';
}
function tryFor(scope, ms) { return lockOf(scope).tryLock(ms); }
function waitFor(scope, ms) { try { lockOf(scope).waitLock(ms); return 'acquired'; } catch (e) { return String(e); } }
function holdAndReturn(scope) { lockOf(scope).waitLock(1000); return 'kept'; }
function holdAndThrow(scope) { lockOf(scope).waitLock(1000); throw new Error('after locking'); }
function holdThenSleep(scope, path, ms) { var lock = lockOf(scope); lock.waitLock(1000); visit(path); Utilities.sleep(ms); lock.releaseLock(); }
function objects() {
  var first = LockService.getUserLock();
  var second = LockService.getUserLock();
  var steps = [first.hasLock(), first.tryLock(0), first.hasLock(), second.hasLock(), second.tryLock(0)];
  first.releaseLock();
  steps.push(first.hasLock(), second.tryLock(0), second.hasLock());
  return steps;
}
function gather() { return visit('/gather'); }
`;

describe('LockService', () => {
  let server: FakeServer;
  let runtime: Runtime;
  beforeAll(async () => {
    server = await startFakeServer();
  });
  beforeEach(() => {
    runtime = runtimeFor(`var BASE = '${server.url}';\n${SCRIPT}`, { maxConcurrentExecutions: 4 });
  });
  afterEach(() => runtime.close());
  afterAll(() => server.close());

  it('lets executions run at the same time in separate workers', async () => {
    const everyone = barrier(3);
    server.route('GET', '/gather', async () => {
      await everyone.arrive();
      return json('together');
    });
    const results = await Promise.all([1, 2, 3].map(() => runtime.run(ALICE, 'gather')));
    expect(results.map((r) => r.value)).toEqual(['"together"', '"together"', '"together"']);
  });

  it('keeps a held lock from every other execution until it is released', async () => {
    const hold = gate();
    server.route('GET', '/hold', async () => {
      await hold.wait();
      return json('done');
    });
    const holder = runtime.run(ALICE, 'holdWhile', 'Script', '/hold');
    await hold.reached;
    expect((await runtime.run(BOB, 'tryFor', 'Script', 50)).value).toBe(false);
    expect((await runtime.run(BOB, 'waitFor', 'Script', 50)).value).toBe(
      'Exception: Lock timeout: another process was holding the lock for too long.',
    );
    const waiter = runtime.run(BOB, 'waitFor', 'Script', 10_000);
    await until(() => runtime.lockWaiters('script') === 1, 'the waiter to queue');
    hold.open();
    expect((await holder).value).toBe('released');
    expect((await waiter).value).toBe('acquired');
  });

  it('keeps user locks per user and the script lock across users', async () => {
    const hold = gate();
    server.route('GET', '/hold-user', async () => {
      await hold.wait();
      return json('done');
    });
    const holder = runtime.run(ALICE, 'holdWhile', 'User', '/hold-user');
    await hold.reached;
    expect((await runtime.run(ALICE, 'tryFor', 'User', 0)).value).toBe(false);
    expect((await runtime.run(BOB, 'tryFor', 'User', 0)).value).toBe(true);
    expect((await runtime.run(BOB, 'tryFor', 'Script', 0)).value).toBe(true);
    hold.open();
    await holder;
  });

  it('releases an execution’s locks when it ends, returned or thrown', async () => {
    await runtime.run(ALICE, 'holdAndReturn', 'User');
    expect(runtime.isLocked({ user: ALICE })).toBe(false);
    expect((await runtime.run(ALICE, 'holdAndThrow', 'Script')).error?.text).toBe('Error: after locking');
    expect(runtime.isLocked('script')).toBe(false);
    expect((await runtime.run(BOB, 'tryFor', 'Script', 0)).value).toBe(true);
  });

  it('gives ownership to the Lock object that acquired it', async () => {
    expect((await runtime.run(ALICE, 'objects')).value).toEqual([
      false,
      true,
      true,
      false,
      false,
      false,
      true,
      true,
    ]);
  });
});

describe('LockService on a virtual clock', () => {
  let server: FakeServer;
  let runtime: Runtime;
  beforeAll(async () => {
    server = await startFakeServer({ virtualClockStart: Date.UTC(2025, 0, 1) });
    runtime = runtimeFor(`var BASE = '${server.url}';\n${SCRIPT}`, {
      clock: { kind: 'virtual', sandboxUrl: server.url },
    });
  });
  afterAll(async () => {
    await runtime.close();
    await server.close();
  });

  it('times a waiter out when virtual time passes its timeout, as wall time would', async () => {
    const hold = gate();
    server.route('GET', '/hold-then-sleep', async () => {
      await hold.wait();
      return json('done');
    });
    const holder = runtime.run(ALICE, 'holdThenSleep', 'Script', '/hold-then-sleep', 60_000);
    await hold.reached;
    const waiter = runtime.run(BOB, 'waitFor', 'Script', 30_000);
    await until(() => runtime.lockWaiters('script') === 1, 'the waiter to queue');
    hold.open();
    expect((await waiter).value).toBe(
      'Exception: Lock timeout: another process was holding the lock for too long.',
    );
    expect((await holder).ok).toBe(true);
  });
});
