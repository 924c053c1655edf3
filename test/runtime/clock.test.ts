import type { Runtime } from '../../sandbox/runtime';
import { json, startFakeServer, type FakeServer } from '../support/fake-server';
import { ALICE, runtimeFor } from './support/scripts';

const START = Date.UTC(2025, 2, 10, 15, 0, 0);

const SCRIPT = `
function readClock() {
  return { now: Date.now(), constructed: new Date().getTime(), text: Date(), fixed: new Date(2020, 0, 2).getTime(),
    parsed: Date.parse('2021-01-01T00:00:00Z'), isDate: new Date() instanceof Date, utc: Date.UTC(2022, 0, 1) };
}
function sleepFor(ms) { var before = Date.now(); Utilities.sleep(ms); return Date.now() - before; }
function tick() { var before = Date.now(); UrlFetchApp.fetch(BASE + '/tick'); return Date.now() - before; }
function sleepMany(times, ms) { for (var i = 0; i < times; i++) { console.log('sleep ' + i); Utilities.sleep(ms); } return 'finished'; }
`;

describe('the virtual clock', () => {
  let server: FakeServer;
  let runtime: Runtime;
  beforeEach(async () => {
    server = await startFakeServer({ virtualClockStart: START });
    server.route('GET', '/tick', () => {
      server.clock?.advance(5_000);
      return json('ticked');
    });
    runtime = runtimeFor(`var BASE = '${server.url}';\n${SCRIPT}`, {
      clock: { kind: 'virtual', sandboxUrl: server.url },
    });
  });
  afterEach(async () => {
    await runtime.close();
    await server.close();
  });

  it('gives the script the sandbox’s time in Date and Date.now(); explicit dates are unchanged', async () => {
    server.clock?.advance(1234);
    expect((await runtime.run(ALICE, 'readClock')).value).toEqual({
      now: START + 1234,
      constructed: START + 1234,
      text: new Date(START + 1234).toString(),
      fixed: new Date(2020, 0, 2).getTime(),
      parsed: Date.UTC(2021, 0, 1),
      isDate: true,
      utc: Date.UTC(2022, 0, 1),
    });
    expect(runtime.now()).toBe(START + 1234);
  });

  it('sleeps by asking the sandbox to move its clock from the caller’s now', async () => {
    const result = await runtime.run(ALICE, 'sleepFor', 90_000);
    expect(result.value).toBe(90_000);
    expect(result.virtualElapsedMs).toBe(90_000);
    expect(server.clock?.sleeps).toEqual([{ ms: 90_000, from: START }]);
  });

  it('follows the x-sandbox-now header of sandbox responses during an execution', async () => {
    expect((await runtime.run(ALICE, 'tick')).value).toBe(5_000);
  });

  it('enforces the time limit in virtual time, since Apps Script’s limit is wall time and includes sleeps', async () => {
    const result = await runtime.run(ALICE, 'sleepMany', 3, 200_000);
    expect(result.error).toEqual({ kind: 'timeout', text: 'Exceeded maximum execution time' });
    expect(result.logs.map((line) => line.message)).toEqual(['sleep 0', 'sleep 1']);
  });
});

describe('the real clock', () => {
  it('gives the script real time and really sleeps', async () => {
    const runtime = runtimeFor(SCRIPT);
    try {
      const before = Date.now();
      const result = await runtime.run(ALICE, 'sleepFor', 20);
      expect(result.value).toBeGreaterThanOrEqual(20);
      expect((await runtime.run(ALICE, 'readClock')).value).toMatchObject({ now: expect.any(Number) });
      expect(runtime.now()).toBeGreaterThanOrEqual(before);
      expect(result.virtualElapsedMs).toBeUndefined();
    } finally {
      await runtime.close();
    }
  });
});
