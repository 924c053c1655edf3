/**
 * Size limits and time on the Drive path: Drive's 5 MB ceiling for simple and multipart uploads,
 * UrlFetchApp's 50 MB request and response limits, and the latency model on the virtual clock.
 */
import { DRIVE_SCRIPT } from './support/drive-script';
import { useDriveRuntime } from './support/drive-runtime';
import { ALICE } from './support/scripts';

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
  const suite = useDriveRuntime(SCRIPT, { maxConcurrentExecutions: 1 });
  const run = (name: string, ...args: unknown[]) => suite.run(ALICE, name, ...args);

  afterEach(() => {
    suite.runtime.drive.setLatency({ perRequestMs: 120, bytesPerSecond: 20_000_000 });
    for (const file of suite.runtime.drive.files(ALICE)) suite.runtime.drive.remove(ALICE, file.id);
  });

  it('takes a multipart upload of exactly 5 MB and refuses one byte more with 413', async () => {
    const atLimit = await run('createSized', { name: 'at-limit', parents: ['appDataFolder'] }, FIVE_MB);
    expect(atLimit.status).toBe(200);
    expect(suite.runtime.drive.file(ALICE, 'at-limit').size).toBe(FIVE_MB);
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
    expect(suite.runtime.drive.files(ALICE).map((file) => file.name)).toEqual(['at-limit']);
  });

  it('refuses a request body over 50 MB before it is sent, and a response over 50 MB', async () => {
    const before = suite.runtime.urlFetchCount(ALICE);
    expect((await suite.runtime.run(ALICE, 'postString', FIFTY_MIB + 1)).value).toBe(
      'Exception: Limit Exceeded: URLFetch POST Size.',
    );
    expect(suite.runtime.urlFetchCount(ALICE)).toBe(before);
    const big = suite.runtime.drive.putFile(ALICE, { name: 'big', content: Buffer.alloc(FIFTY_MIB + 1) });
    expect((await suite.runtime.run(ALICE, 'download', big.id)).value).toBe(
      `Exception: Response too large (over 50 MB): https://www.googleapis.com/drive/v3/files/${big.id}?alt=media`,
    );
  });

  it('models latency on the virtual clock: a fixed cost per request plus bytes over throughput', async () => {
    const small = await suite.runtime.run(ALICE, 'list', 'spaces=appDataFolder');
    const [listFetch] = small.fetches;
    expect(listFetch?.ms).toBeGreaterThanOrEqual(120);
    expect(listFetch?.ms).toBeLessThan(130);
    expect(small.virtualElapsedMs).toBe(listFetch?.ms);

    suite.runtime.drive.setLatency({ perRequestMs: 50, bytesPerSecond: 1_000_000 });
    const upload = await suite.runtime.run(
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
    suite.runtime.drive.setLatency({ perRequestMs: 300 });
    const result = await suite.runtime.run(ALICE, 'listMany', 4);
    expect(result.value).toEqual([200, 200, 200, 200]);
    expect(result.fetches).toHaveLength(4);
    expect(result.virtualElapsedMs).toBe(Math.max(...result.fetches.map((fetch) => fetch.ms)));
  });
});
