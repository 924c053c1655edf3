/**
 * The Drive stand-in's faults for tests: injected errors with Drive's status and JSON, counted and
 * filtered; writes that happen although the answer is an error; time-outs; storage quotas; files
 * corrupted, truncated or deleted behind the script's back.
 */
import type { DriveFaultKind } from '../../sandbox/runtime';
import { DRIVE_SCRIPT } from './support/drive-script';
import { useDriveRuntime } from './support/drive-runtime';
import { ALICE, BOB } from './support/scripts';

describe('Drive faults, quotas and damaged files', () => {
  const suite = useDriveRuntime(DRIVE_SCRIPT);
  const { run } = suite;
  const list = (user = ALICE) => run(user, 'list', 'spaces=appDataFolder');

  afterEach(() => {
    suite.runtime.drive.clearFaults();
    for (const user of [ALICE, BOB]) {
      suite.runtime.drive.setStorageQuota(user, null);
      for (const file of suite.runtime.drive.files(user)) suite.runtime.drive.remove(user, file.id);
    }
  });

  const usageLimit = (status: number, reason: string, message: string) => ({
    status,
    domain: 'usageLimits',
    reason,
    message,
  });
  const global = (status: number, reason: string, message: string) => ({
    status,
    domain: 'global',
    reason,
    message,
  });
  it.each<[DriveFaultKind, { status: number; domain: string; reason: string; message: string }]>([
    ['userRateLimitExceeded', usageLimit(403, 'userRateLimitExceeded', 'User Rate Limit Exceeded')],
    ['rateLimitExceeded', usageLimit(403, 'rateLimitExceeded', 'Rate Limit Exceeded')],
    ['tooManyRequests', usageLimit(429, 'rateLimitExceeded', 'Rate Limit Exceeded')],
    ['backendError', global(500, 'backendError', 'Backend Error')],
    ['badGateway', global(502, 'backendError', 'Backend Error')],
    ['serviceUnavailable', global(503, 'backendError', 'The service is currently unavailable.')],
    ['insufficientScopes', global(403, 'insufficientPermissions', 'Insufficient Permission')],
    ['domainPolicy', global(403, 'domainPolicy', 'The domain administrators have disabled Drive apps.')],
    [
      'storageQuotaExceeded',
      usageLimit(403, 'storageQuotaExceeded', "The user's Drive storage quota has been exceeded."),
    ],
    ['authError', global(401, 'authError', 'Invalid Credentials')],
  ])('injects %s with Drive’s status and JSON, once', async (kind, expected) => {
    suite.runtime.drive.injectFault({ kind });
    const failed = await list();
    expect(failed.status).toBe(expected.status);
    expect(failed.json).toEqual({
      error: expect.objectContaining({
        code: expected.status,
        message: expect.any(String),
        errors: [
          expect.objectContaining({
            domain: expected.domain,
            reason: expected.reason,
            message: expected.message,
          }),
        ],
      }),
    });
    expect(suite.runtime.drive.pendingFaults()).toBe(0);
    expect((await list()).status).toBe(200);
  });

  it('fails the next N matching requests only: by operation and by user', async () => {
    suite.runtime.drive.injectFault({ kind: 'tooManyRequests', times: 2, operation: 'create', user: ALICE });
    expect((await list()).status).toBe(200);
    expect((await run(BOB, 'create', 'bob', 'x')).status).toBe(200);
    expect((await run(ALICE, 'create', 'a', 'x')).status).toBe(429);
    expect((await run(ALICE, 'create', 'a', 'x')).status).toBe(429);
    expect(suite.runtime.drive.files(ALICE)).toEqual([]);
    expect((await run(ALICE, 'create', 'a', 'x')).status).toBe(200);
    expect(suite.runtime.drive.files(ALICE).map((file) => file.name)).toEqual(['a']);
  });

  it('keeps a standing fault (Drive disabled by an admin) until cleared', async () => {
    suite.runtime.drive.injectFault({ kind: 'domainPolicy', times: Infinity });
    for (let i = 0; i < 3; i++) expect((await list()).status).toBe(403);
    expect(suite.runtime.drive.pendingFaults()).toBe(Infinity);
    suite.runtime.drive.clearFaults();
    expect((await list()).status).toBe(200);
  });

  it('can apply a write and still answer with an error, as a 5xx after the fact does', async () => {
    suite.runtime.drive.injectFault({ kind: 'backendError', operation: 'create', afterEffect: true });
    expect((await run(ALICE, 'create', 'written', 'rows')).status).toBe(500);
    expect(suite.runtime.drive.files(ALICE).map((file) => file.name)).toEqual(['written']);
  });

  it('times a request out after UrlFetchApp’s 60 s, in virtual time', async () => {
    suite.runtime.drive.injectFault({ kind: 'timeout', operation: 'list' });
    const result = await suite.runtime.run(
      ALICE,
      'attempt',
      'get',
      'https://www.googleapis.com/drive/v3/files?spaces=appDataFolder',
    );
    expect(result.value).toBe(
      'Exception: Timeout: https://www.googleapis.com/drive/v3/files?spaces=appDataFolder',
    );
    expect(result.virtualElapsedMs).toBeGreaterThanOrEqual(60_000);
    expect(result.fetches[0]).toMatchObject({ ms: 60_000, responseBytes: 0 });
  });

  it('refuses writes over the user’s storage quota, shared by all their apps, and no one else’s', async () => {
    suite.runtime.drive.setStorageQuota(ALICE, 100);
    const first = await run(ALICE, 'createSized', { name: 'a', parents: ['appDataFolder'] }, 60);
    expect(first.status).toBe(200);
    expect(suite.runtime.drive.storageUsed(ALICE)).toBe(60);
    const over = await run(ALICE, 'createSized', { name: 'b', parents: ['appDataFolder'] }, 60);
    expect(over.status).toBe(403);
    expect(over.json).toEqual({
      error: expect.objectContaining({
        errors: [
          {
            domain: 'usageLimits',
            reason: 'storageQuotaExceeded',
            message: "The user's Drive storage quota has been exceeded.",
          },
        ],
      }),
    });
    suite.runtime.drive.putFile(
      ALICE,
      { name: 'other app', content: Buffer.alloc(30) },
      { app: 'another-project' },
    );
    expect(suite.runtime.drive.storageUsed(ALICE)).toBe(90);
    expect((await run(ALICE, 'createSized', { name: 'c', parents: ['appDataFolder'] }, 11)).status).toBe(403);
    expect((await run(ALICE, 'createSized', { name: 'c', parents: ['appDataFolder'] }, 10)).status).toBe(200);
    expect((await run(BOB, 'createSized', { name: 'b', parents: ['appDataFolder'] }, 500)).status).toBe(200);
    const id = String(first.json.id);
    expect(
      (await run(ALICE, 'replace', id, 'a much longer text than sixty bytes, compressed or not, surely'))
        .status,
    ).toBe(403);
    expect((await run(ALICE, 'patch', id, { name: 'renamed' })).status).toBe(200);
    expect((await run(ALICE, 'remove', id)).status).toBe(204);
    expect(suite.runtime.drive.storageUsed(ALICE)).toBe(40);
    suite.runtime.drive.remove(ALICE, 'other app', { app: 'another-project' });
  });

  it('corrupts a file as another writer would: Drive’s checksum describes the bytes it holds', async () => {
    const id = String((await run(ALICE, 'create', 'shard', '{"rows":[1,2,3,4,5,6,7,8]}')).json.id);
    const before = suite.runtime.drive.file(ALICE, id);
    suite.runtime.drive.corrupt(ALICE, 'shard');
    const after = suite.runtime.drive.file(ALICE, id);
    expect(after.md5Checksum).not.toBe(before.md5Checksum);
    expect(after.version).toBeGreaterThan(before.version);
    expect((await suite.runtime.run(ALICE, 'tryRead', id)).value).toBe(
      'Exception: Could not decompress gzip.',
    );
    const metadata = await run(ALICE, 'get', id, 'fields=md5Checksum');
    expect(metadata.json.md5Checksum).toBe((await suite.runtime.run(ALICE, 'md5Of', id)).value);
  });

  it('can leave Drive’s checksum stale, and truncate or delete a file', async () => {
    const id = String((await run(ALICE, 'create', 'shard', '{"rows":[1,2,3,4,5,6,7,8]}')).json.id);
    const before = suite.runtime.drive.file(ALICE, id);
    suite.runtime.drive.corrupt(ALICE, id, { at: 12, metadata: 'unchanged' });
    expect(suite.runtime.drive.file(ALICE, id)).toEqual(before);
    expect((await run(ALICE, 'get', id, 'fields=md5Checksum')).json.md5Checksum).not.toBe(
      (await suite.runtime.run(ALICE, 'md5Of', id)).value,
    );
    suite.runtime.drive.truncate(ALICE, id, 10);
    expect(suite.runtime.drive.file(ALICE, id).size).toBe(10);
    expect((await run(ALICE, 'get', id, 'fields=size')).json.size).toBe('10');
    expect((await suite.runtime.run(ALICE, 'tryRead', id)).value).toBe(
      'Exception: Could not decompress gzip.',
    );
    suite.runtime.drive.remove(ALICE, id);
    expect((await run(ALICE, 'get', id)).status).toBe(404);
  });
});
