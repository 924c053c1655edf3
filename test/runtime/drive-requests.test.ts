/**
 * What the Drive stand-in accepts and refuses in a request: the search language, ordering, the
 * metadata a request may write, malformed bodies and unknown parameters.
 */
import { DRIVE_SCRIPT } from './support/drive-script';
import { useDriveRuntime, type DriveAnswer as Answer } from './support/drive-runtime';
import { ALICE } from './support/scripts';

const UPLOAD = 'https://www.googleapis.com/upload/drive/v3/files';
const FILES = 'https://www.googleapis.com/drive/v3/files';

const SCRIPT = `${DRIVE_SCRIPT}
/** A multipart create whose line ends are bare LF. */
function createWithLf() {
  var body = '--b\\nContent-Type: application/json\\n\\n{"name":"lf","parents":["appDataFolder"]}\\n--b\\n' +
    'Content-Type: text/plain\\n\\nx\\n--b--';
  return call('post', UPLOAD + '?uploadType=multipart', { payload: body, contentType: 'multipart/related; boundary=b' });
}
`;

describe('Drive requests: search, order, metadata and malformed input', () => {
  const suite = useDriveRuntime(SCRIPT);
  const run = (name: string, ...args: unknown[]) => suite.run(ALICE, name, ...args);
  const names = async (q: string, extra = ''): Promise<string[]> => {
    const answer = await run('list', `spaces=appDataFolder&q=${encodeURIComponent(q)}${extra}`);
    if (answer.status !== 200) throw new Error(`q=${q}: ${JSON.stringify(answer.json)}`);
    return (answer.json.files ?? []).map((file) => String(file.name));
  };

  beforeAll(async () => {
    await run('create', "it's", 'a', { object: 'invoices', part: '1' });
    suite.server.clock?.advance(60_000);
    await run('create', 'beta', 'b', { object: 'invoices', part: '2' });
    suite.server.clock?.advance(60_000);
    await run('create', 'alpha', 'c', { object: 'visits' });
  });

  it('searches by name, properties, time, with and, or, not and parentheses', async () => {
    expect(await names("name = 'it\\'s'")).toEqual(["it's"]);
    expect((await names("appProperties has { key='object' and value='invoices' }")).sort()).toEqual([
      'beta',
      "it's",
    ]);
    expect(
      await names("appProperties has { key='object' and value='invoices' } and not name = 'beta'"),
    ).toEqual(["it's"]);
    expect((await names("(name = 'alpha' or name = 'beta') and 'appDataFolder' in parents")).sort()).toEqual([
      'alpha',
      'beta',
    ]);
    expect(await names("modifiedTime > '2025-06-01T09:02:00Z'")).toEqual(['alpha']);
    expect(await names("mimeType != 'application/gzip'")).toEqual([]);
    expect((await names('trashed = false')).length).toBe(3);
    expect(await names("'some-other-folder' in parents")).toEqual([]);
  });

  it('orders by name or time when asked', async () => {
    expect(await names('', '&orderBy=name')).toEqual(['alpha', 'beta', "it's"]);
    expect(await names('', '&orderBy=createdTime%20desc')).toEqual(['alpha', 'beta', "it's"]);
    expect(await names('', '&orderBy=modifiedTime')).toEqual(["it's", 'beta', 'alpha']);
  });

  it('gives the app data folder itself, with its real id as every file’s parent', async () => {
    const folder = await run('get', 'appDataFolder', 'fields=id,name,mimeType');
    expect(folder.json).toMatchObject({
      name: 'Application Data',
      mimeType: 'application/vnd.google-apps.folder',
    });
    const listed = await run('list', 'spaces=appDataFolder&fields=files(parents)');
    expect(listed.json.files?.[0]).toEqual({ parents: [folder.json.id] });
  });

  it.each([
    ['parents in an update', { parents: ['appDataFolder'] }, 403, 'fieldNotWritable'],
    ['a read-only field', { size: '1' }, 403, 'fieldNotWritable'],
    ['an unknown field', { colour: 'red' }, 400, 'badRequest'],
    ['a property over 124 bytes', { appProperties: { k: 'v'.repeat(124) } }, 400, 'badRequest'],
    ['a non-string property', { appProperties: { k: 1 } }, 400, 'badRequest'],
  ])('refuses %s in a metadata PATCH', async (_case, metadata, status, reason) => {
    const id = suite.runtime.drive.file(ALICE, 'alpha').id;
    const answer = await run('patch', id, metadata);
    expect(answer.status).toBe(status);
    expect(answer.json).toEqual({
      error: expect.objectContaining({ errors: [expect.objectContaining({ reason })] }),
    });
  });

  it('allows 30 appProperties on a file and refuses a 31st', async () => {
    const id = suite.runtime.drive.file(ALICE, 'alpha').id;
    const thirty: Record<string, string> = {};
    for (let i = 0; i < 29; i++) thirty[`p${i}`] = 'x';
    expect((await run('patch', id, { appProperties: thirty })).status).toBe(200);
    expect((await run('patch', id, { appProperties: { extra: 'y' } })).status).toBe(400);
    const none: Record<string, null> = Object.fromEntries(Object.keys(thirty).map((key) => [key, null]));
    expect((await run('patch', id, { appProperties: none })).status).toBe(200);
    expect(suite.runtime.drive.file(ALICE, 'alpha').appProperties).toEqual({ object: 'visits' });
  });

  it('refuses malformed bodies, a JSON body sent as a form, and unknown parameters', async () => {
    const id = suite.runtime.drive.file(ALICE, 'alpha').id;
    const bad = (answer: Answer) => [
      answer.status,
      (answer.json.error as { errors: Array<{ reason: string }> }).errors[0]?.reason,
    ];
    expect(
      bad(
        await run('call', 'patch', `${FILES}/${id}`, {
          payload: '{"name":',
          contentType: 'application/json',
        }),
      ),
    ).toEqual([400, 'parseError']);
    expect(bad(await run('call', 'patch', `${FILES}/${id}`, { payload: '{"name":"x"}' }))).toEqual([
      400,
      'badRequest',
    ]);
    expect(bad(await run('list', 'spaces=appDataFolder&pagesize=1000'))).toEqual([400, 'badRequest']);
    expect(bad(await run('createWithLf'))).toEqual([400, 'badRequest']);
    expect(
      bad(
        await run('call', 'post', `${UPLOAD}?uploadType=multipart`, {
          payload: 'x',
          contentType: 'text/plain',
        }),
      ),
    ).toEqual([400, 'badRequest']);
    expect(suite.runtime.drive.files(ALICE).map((file) => file.name)).toEqual(["it's", 'beta', 'alpha']);
  });
});
