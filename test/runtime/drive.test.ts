/**
 * The Drive v3 app data stand-in, driven the way the connector will drive it: an Apps Script
 * project calling the REST API with UrlFetchApp and ScriptApp.getOAuthToken(), on a virtual clock.
 */
import { DRIVE_SCRIPT } from './support/drive-script';
import { useDriveRuntime, type DriveAnswer as Answer } from './support/drive-runtime';
import { ALICE, BOB } from './support/scripts';

const UPLOAD = 'https://www.googleapis.com/upload/drive/v3/files';
const FILES = 'https://www.googleapis.com/drive/v3/files';

function driveError(status: number, reason: string, message: string, domain = 'global') {
  return {
    error: expect.objectContaining({
      code: status,
      errors: [expect.objectContaining({ domain, reason, message })],
    }),
  };
}

describe('Drive app data through UrlFetchApp', () => {
  const suite = useDriveRuntime(DRIVE_SCRIPT);
  const { run } = suite;

  it('round-trips gzip bytes: create, list, get, download, replace, patch, delete', async () => {
    const created = await run(ALICE, 'create', 'invoices-0.json.gz', '{"rows":[1,2,3]}', { schema: '3' });
    expect(created.status).toBe(200);
    expect(Object.keys(created.json).sort()).toEqual(['id', 'kind', 'mimeType', 'name']);
    const id = String(created.json.id);
    expect(created.json).toEqual({
      kind: 'drive#file',
      id,
      name: 'invoices-0.json.gz',
      mimeType: 'application/gzip',
    });

    const listed = await run(
      ALICE,
      'list',
      `spaces=appDataFolder&q=${encodeURIComponent("name = 'invoices-0.json.gz' and 'appDataFolder' in parents")}` +
        '&fields=files(id,name,size,version,appProperties,md5Checksum)',
    );
    const stored = suite.runtime.drive.file(ALICE, 'invoices-0.json.gz');
    expect(listed.json).toEqual({
      files: [
        {
          id,
          name: 'invoices-0.json.gz',
          size: String(stored.size),
          version: String(stored.version),
          md5Checksum: stored.md5Checksum,
          appProperties: { schema: '3' },
        },
      ],
    });
    expect((await suite.runtime.run(ALICE, 'read', id)).value).toBe('{"rows":[1,2,3]}');
    expect(suite.runtime.drive.content(ALICE, id).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));

    const replaced = await run(ALICE, 'replace', id, '{"rows":[4]}');
    expect(Number(replaced.json.version)).toBeGreaterThan(stored.version);
    expect(replaced.json.md5Checksum).not.toBe(stored.md5Checksum);
    expect((await suite.runtime.run(ALICE, 'read', id)).value).toBe('{"rows":[4]}');

    const patched = await run(
      ALICE,
      'patch',
      id,
      { name: 'renamed', appProperties: { schema: null, rows: '1' } },
      'fields=*',
    );
    expect(patched.json).toMatchObject({
      name: 'renamed',
      appProperties: { rows: '1' },
      spaces: ['appDataFolder'],
    });
    expect(Number(patched.json.version)).toBeGreaterThan(Number(replaced.json.version));

    const removed = await run(ALICE, 'remove', id);
    expect(removed.status).toBe(204);
    const gone = await run(ALICE, 'get', id);
    expect(gone.status).toBe(404);
    expect(gone.json).toEqual(driveError(404, 'notFound', `File not found: ${id}.`));
    expect(suite.runtime.drive.files(ALICE)).toEqual([]);
  });

  it('answers a file with all its fields on request, int64 values as strings', async () => {
    const id = String((await run(ALICE, 'create', 'all-fields', 'x')).json.id);
    const all = await run(ALICE, 'get', id, 'fields=*');
    expect(all.json).toMatchObject({
      kind: 'drive#file',
      id,
      size: expect.stringMatching(/^\d+$/),
      version: expect.stringMatching(/^\d+$/),
      md5Checksum: expect.stringMatching(/^[0-9a-f]{32}$/),
      createdTime: expect.stringMatching(/^2025-06-01T09:\d\d:\d\d\.\d{3}Z$/),
      trashed: false,
    });
    expect(all.json.modifiedTime).toBe(all.json.createdTime);
    expect(await run(ALICE, 'md5Of', id)).toBe(all.json.md5Checksum);
    const bad = await run(ALICE, 'get', id, 'fields=id,colour');
    expect(bad.json).toEqual(driveError(400, 'invalidParameter', 'Invalid field selection colour'));
    await run(ALICE, 'remove', id);
  });

  it('lists with Drive’s default fields, pages, and leaves out nextPageToken unless fields asks for it', async () => {
    for (let i = 0; i < 5; i++) await run(ALICE, 'create', `page-${i}`, String(i));
    const first = await run(ALICE, 'list', 'spaces=appDataFolder&pageSize=2');
    expect(first.json.kind).toBe('drive#fileList');
    expect(first.json.files?.map((file) => Object.keys(file).sort())).toEqual([
      ['id', 'kind', 'mimeType', 'name'],
      ['id', 'kind', 'mimeType', 'name'],
    ]);
    const names: string[] = [];
    let token: unknown = undefined;
    let pages = 0;
    do {
      const page: Answer = await run(
        ALICE,
        'list',
        `spaces=appDataFolder&pageSize=2&fields=nextPageToken,files(name)` +
          (token ? `&pageToken=${encodeURIComponent(String(token))}` : ''),
      );
      names.push(...(page.json.files ?? []).map((file) => String(file.name)));
      token = page.json.nextPageToken;
      pages += 1;
    } while (token);
    expect(pages).toBe(3);
    expect(names.sort()).toEqual(['page-0', 'page-1', 'page-2', 'page-3', 'page-4']);

    const withoutToken = await run(ALICE, 'list', 'spaces=appDataFolder&pageSize=2&fields=files(id)');
    expect(withoutToken.json).not.toHaveProperty('nextPageToken');
    const prefix = await run(
      ALICE,
      'list',
      `spaces=appDataFolder&q=${encodeURIComponent("name contains 'page-'")}`,
    );
    expect(prefix.json.files).toHaveLength(5);
    const suffix = await run(
      ALICE,
      'list',
      `spaces=appDataFolder&q=${encodeURIComponent("name contains '-4'")}`,
    );
    expect(suffix.json.files).toEqual([]);
    for (const file of suite.runtime.drive.files(ALICE)) suite.runtime.drive.remove(ALICE, file.id);
  });

  it.each([
    ['pageSize=0', 'pageSize', "Invalid value '0'. Values must be within the range: [1, 1000]"],
    ['pageSize=1001', 'pageSize', "Invalid value '1001'. Values must be within the range: [1, 1000]"],
    [`q=${encodeURIComponent("fullText contains 'x'")}`, 'q', 'Invalid Value'],
    [`q=${encodeURIComponent("name = 'a' and")}`, 'q', 'Invalid Value'],
    ['pageToken=made-up', 'pageToken', 'Invalid Value'],
    ['orderBy=size', 'orderBy', 'Invalid Value'],
  ])('refuses %s with a 400 on %s', async (query, location, message) => {
    const answer = await run(ALICE, 'list', `spaces=appDataFolder&${query}`);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      error: expect.objectContaining({
        code: 400,
        errors: [{ domain: 'global', reason: 'invalid', message, location, locationType: 'parameter' }],
      }),
    });
  });

  it('refuses a listing without spaces=appDataFolder, as the drive.appdata scope cannot see My Drive', async () => {
    for (const query of ['pageSize=10', 'spaces=drive', 'spaces=drive,appDataFolder']) {
      const answer = await run(ALICE, 'list', query);
      expect(answer.status).toBe(403);
      expect(answer.json).toEqual(
        driveError(
          403,
          'insufficientScopes',
          'The granted scopes do not give access to all of the requested spaces.',
        ),
      );
    }
  });

  it('refuses files outside the app data folder, simple-upload creates and resumable uploads', async () => {
    const noParent = await run(ALICE, 'createSized', { name: 'loose' }, 3);
    expect(noParent.status).toBe(403);
    expect(noParent.json.error).toMatchObject({
      message: 'Request had insufficient authentication scopes.',
      details: [expect.objectContaining({ reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT' })],
    });
    const root = await run(ALICE, 'createSized', { name: 'root', parents: ['root'] }, 3);
    expect(root.status).toBe(403);
    const simple = await run(ALICE, 'call', 'post', `${UPLOAD}?uploadType=media`, { payload: 'abc' });
    expect(simple.status).toBe(403);
    const resumable = await run(ALICE, 'call', 'post', `${UPLOAD}?uploadType=resumable`, { payload: '{}' });
    expect(resumable.status).toBe(501);
    expect(suite.runtime.drive.files(ALICE)).toEqual([]);
  });

  it('refuses to trash, share or move app data', async () => {
    const id = String((await run(ALICE, 'create', 'kept', 'x')).json.id);
    const refusal = driveError(
      403,
      'notSupportedForAppDataFolderFiles',
      'Method not supported for files within the Application Data folder.',
    );
    expect((await run(ALICE, 'patch', id, { trashed: true })).json).toEqual(refusal);
    expect((await run(ALICE, 'patch', id, {}, 'addParents=root&removeParents=appDataFolder')).json).toEqual(
      refusal,
    );
    const share = await run(ALICE, 'call', 'post', `${FILES}/${id}/permissions`, {
      payload: JSON.stringify({ role: 'reader', type: 'anyone' }),
      contentType: 'application/json',
    });
    expect(share.json).toEqual(refusal);
    expect(suite.runtime.drive.files(ALICE).map((file) => file.name)).toEqual(['kept']);
    suite.runtime.drive.remove(ALICE, id);
  });

  it('has no preconditions: If-Match is refused rather than silently ignored', async () => {
    const id = String((await run(ALICE, 'create', 'precondition', 'x')).json.id);
    const token = (await suite.runtime.run(ALICE, 'token')).value;
    const answer = await run(ALICE, 'call', 'patch', `${UPLOAD}/${id}?uploadType=media`, {
      headers: { Authorization: `Bearer ${String(token)}`, 'If-Match': '"1"' },
      payload: 'y',
    });
    expect(answer.status).toBe(501);
    suite.runtime.drive.remove(ALICE, id);
  });

  it('keeps files across executions, for each user apart', async () => {
    const id = String((await run(ALICE, 'create', 'alice-only', 'secret rows')).json.id);
    expect((await suite.runtime.run(ALICE, 'read', id)).value).toBe('secret rows');
    expect((await run(BOB, 'list', 'spaces=appDataFolder')).json.files).toEqual([]);
    expect((await run(BOB, 'get', id)).status).toBe(404);
    expect((await run(BOB, 'remove', id)).status).toBe(404);
    expect(suite.runtime.drive.files(BOB)).toEqual([]);
    expect(suite.runtime.drive.files(ALICE).map((file) => file.name)).toEqual(['alice-only']);
    suite.runtime.drive.remove(ALICE, id);
  });
});
