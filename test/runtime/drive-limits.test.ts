/**
 * Size limits and time on the Drive path: Drive's 5 MB ceiling for simple and multipart uploads,
 * UrlFetchApp's 50 MB request and response limits, and the latency model on the virtual clock.
 */
import type { Runtime } from '../../sandbox/runtime';
import { startFakeServer, type FakeServer } from '../support/fake-server';
import { DRIVE_MANIFEST, DRIVE_SCRIPT } from './support/drive-script';
import { ALICE, runtimeFor } from './support/scripts';

interface Answer {
  status: number;
  json: Record<string, unknown>;
}

const FIVE_MB = 5_000_000;
const FIFTY_MIB = 50 * 1024 * 1024;

const SCRIPT = `${DRIVE_SCRIPT}
function postString(bytes) {
  return attempt('post', UPLOAD + '?uploadType=multipart', { payload: 'x'.repeat(bytes), contentType: 'text/plain' });
}
function replaceSized(id, bytes) {
  return call('patch', UPLOAD + '/' + id + '?uploadType=media', { payload: '\\u0007'.repeat(bytes), contentType: 'application/octet-stream' });
}
function download(id) { return attempt('get', FILES + '/' + id + '?alt=media'); }
`;

describe('Drive sizes and latency', () => {
  let server: FakeServer;
  let runtime: Runtime;
  const run = async (name: string, ...args: unknown[]): Promise<Answer> => {
    const result = await runtime.run(ALICE, name, ...args);
    if (!result.ok) throw new Error(`${name} failed: ${result.error?.text}`);
    return result.value as Answer;
  };

  beforeAll(async () => {
    server = await startFakeServer({ virtualClockStart: Date.UTC(2025, 5, 1, 9) });
    runtime = runtimeFor(SCRIPT, {
      clock: { kind: 'virtual', sandboxUrl: server.url },
      manifest: DRIVE_MANIFEST,
      allowedOrigins: [server.url],
      maxConcurrentExecutions: 1,
    });
  });
  afterEach(() => {
    runtime.drive.setLatency({ perRequestMs: 120, bytesPerSecond: 20_000_000 });
    for (const file of runtime.drive.files(ALICE)) runtime.drive.remove(ALICE, file.id);
  });
  afterAll(async () => {
    await runtime.close();
    await server.close();
  });

  it('takes a multipart upload of exactly 5 MB and refuses one byte more with 413', async () => {
    const atLimit = await run('createSized', { name: 'at-limit', parents: ['appDataFolder'] }, FIVE_MB);
    expect(atLimit.status).toBe(200);
    expect(runtime.drive.file(ALICE, 'at-limit').size).toBe(FIVE_MB);
    const over = await run('createSized', { name: 'over', parents: ['appDataFolder'] }, FIVE_MB + 1);
    expect(over.status).toBe(413);
    expect(over.json).toEqual({
      error: expect.objectContaining({
        code: 413,
        errors: [expect.objectContaining({ reason: 'uploadTooLarge' })],
      }),
    });
    const id = String(atLimit.json.id);
    expect((await run('replaceSized', id, FIVE_MB + 1)).status).toBe(413);
    expect((await run('replaceSized', id, FIVE_MB)).status).toBe(200);
    expect(runtime.drive.files(ALICE).map((file) => file.name)).toEqual(['at-limit']);
  });

  it('refuses a request body over 50 MB before it is sent, and a response over 50 MB', async () => {
    const before = runtime.urlFetchCount(ALICE);
    expect((await runtime.run(ALICE, 'postString', FIFTY_MIB + 1)).value).toBe(
      'Exception: Limit Exceeded: URLFetch POST Size.',
    );
    expect(runtime.urlFetchCount(ALICE)).toBe(before);
    const big = runtime.drive.putFile(ALICE, { name: 'big', content: Buffer.alloc(FIFTY_MIB + 1) });
    expect((await runtime.run(ALICE, 'download', big.id)).value).toBe(
      `Exception: Response too large (over 50 MB): https://www.googleapis.com/drive/v3/files/${big.id}?alt=media`,
    );
  });

  it('models latency on the virtual clock: a fixed cost per request plus bytes over throughput', async () => {
    const small = await runtime.run(ALICE, 'list', 'spaces=appDataFolder');
    const [listFetch] = small.fetches;
    expect(listFetch?.ms).toBeGreaterThanOrEqual(120);
    expect(listFetch?.ms).toBeLessThan(130);
    expect(small.virtualElapsedMs).toBe(listFetch?.ms);

    runtime.drive.setLatency({ perRequestMs: 50, bytesPerSecond: 1_000_000 });
    const upload = await runtime.run(
      ALICE,
      'createSized',
      { name: 'two-mb', parents: ['appDataFolder'] },
      2_000_000,
    );
    const [uploadFetch] = upload.fetches;
    expect(uploadFetch?.ms).toBeGreaterThanOrEqual(2_050);
    expect(uploadFetch?.ms).toBeLessThan(2_100);
    expect(upload.virtualElapsedMs).toBe(uploadFetch?.ms);
  });

  it('lets the requests of one fetchAll overlap: it takes as long as the slowest', async () => {
    runtime.drive.setLatency({ perRequestMs: 300 });
    const result = await runtime.run(ALICE, 'listMany', 4);
    expect(result.value).toEqual([200, 200, 200, 200]);
    expect(result.fetches).toHaveLength(4);
    expect(result.virtualElapsedMs).toBe(Math.max(...result.fetches.map((fetch) => fetch.ms)));
  });
});
