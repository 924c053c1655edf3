/**
 * Who may reach which app data: ScriptApp.getOAuthToken()'s token (user × app × the manifest's
 * scopes), Drive's 401 and 403 answers, the manifest's whitelist and UrlFetchApp's quota, and the
 * isolation between users and between apps (OAuth clients) sharing one Drive.
 */
import { createDrive, type Runtime } from '../../sandbox/runtime';
import type { FakeServer } from '../support/fake-server';
import { DRIVE_MANIFEST, DRIVE_SCRIPT, EXTERNAL_REQUEST_SCOPE } from './support/drive-script';
import {
  driveRuntime,
  driveValue as value,
  startDriveServer,
  type DriveRuntimeOptions,
} from './support/drive-runtime';
import { ALICE, BOB } from './support/scripts';

const FILES = 'https://www.googleapis.com/drive/v3/files';
const LIST = `${FILES}?spaces=appDataFolder`;

describe('Drive access: tokens, scopes, manifest and isolation', () => {
  let server: FakeServer;
  const runtimes: Runtime[] = [];
  const start = (options: DriveRuntimeOptions = {}): Runtime => {
    const runtime = driveRuntime(server, DRIVE_SCRIPT, { maxConcurrentExecutions: 2, ...options });
    runtimes.push(runtime);
    return runtime;
  };

  beforeAll(async () => {
    server = await startDriveServer();
  });
  afterEach(async () => {
    await Promise.all(runtimes.splice(0).map((runtime) => runtime.close()));
  });
  afterAll(async () => {
    await server.close();
  });

  it('hands each user an opaque token of their own, stable within the hour', async () => {
    const runtime = start();
    const [first, again] = (await runtime.run(ALICE, 'tokens')).value as string[];
    expect(first).toMatch(/^ya29\.[A-Za-z0-9._-]{20,}$/);
    expect(again).toBe(first);
    expect((await runtime.run(ALICE, 'token')).value).toBe(first);
    expect((await runtime.run(BOB, 'token')).value).not.toBe(first);
  });

  it('answers 401 without a token, with a made-up one, or with another user’s', async () => {
    const runtime = start();
    const missing = await value(runtime, ALICE, 'call', 'get', LIST, { headers: {} });
    expect(missing.status).toBe(401);
    expect(missing.json).toEqual({
      error: {
        code: 401,
        message: expect.stringContaining('Request is missing required authentication credential'),
        errors: [
          {
            domain: 'global',
            reason: 'required',
            message: 'Login Required.',
            location: 'Authorization',
            locationType: 'header',
          },
        ],
        status: 'UNAUTHENTICATED',
      },
    });
    expect(missing.headers['WWW-Authenticate']).toContain('Bearer');
    const invalid = {
      error: expect.objectContaining({
        code: 401,
        errors: [expect.objectContaining({ reason: 'authError', message: 'Invalid Credentials' })],
      }),
    };
    expect((await value(runtime, ALICE, 'call', 'get', LIST, { token: 'ya29.made-up' })).json).toEqual(
      invalid,
    );
    const bobsToken = (await runtime.run(BOB, 'token')).value;
    expect((await value(runtime, ALICE, 'call', 'get', LIST, { token: bobsToken })).json).toEqual(invalid);
    expect((await value(runtime, BOB, 'call', 'get', LIST, { token: bobsToken })).status).toBe(200);
  });

  it('lets a token expire after an hour and revoked tokens fail at once', async () => {
    const runtime = start();
    await runtime.run(ALICE, 'saveToken');
    expect((await value(runtime, ALICE, 'listWithSavedToken')).status).toBe(200);
    server.clock?.advance(61 * 60_000);
    expect((await value(runtime, ALICE, 'listWithSavedToken')).status).toBe(401);
    expect((await value(runtime, ALICE, 'list', 'spaces=appDataFolder')).status).toBe(200);

    await runtime.run(ALICE, 'saveToken');
    await runtime.run(BOB, 'saveToken');
    runtime.drive.revokeTokens(ALICE);
    expect((await value(runtime, ALICE, 'listWithSavedToken')).status).toBe(401);
    expect((await value(runtime, BOB, 'listWithSavedToken')).status).toBe(200);
    expect((await value(runtime, ALICE, 'list', 'spaces=appDataFolder')).status).toBe(200);
  });

  it.each([
    [
      'explicit oauthScopes without drive.appdata',
      { ...DRIVE_MANIFEST, oauthScopes: [EXTERNAL_REQUEST_SCOPE] },
    ],
    ['no oauthScopes (Apps Script cannot detect a REST call’s scope)', { urlFetchWhitelist: null }],
  ])('answers 403 insufficient scopes with %s', async (_case, manifest) => {
    const runtime = start({ manifest });
    const answer = await value(runtime, ALICE, 'list', 'spaces=appDataFolder');
    expect(answer.status).toBe(403);
    expect(answer.json).toEqual({
      error: {
        code: 403,
        message: 'Request had insufficient authentication scopes.',
        errors: [{ domain: 'global', reason: 'insufficientPermissions', message: 'Insufficient Permission' }],
        status: 'PERMISSION_DENIED',
        details: [
          expect.objectContaining({
            reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
            metadata: { service: 'drive.googleapis.com', method: 'google.apps.drive.v3.DriveFiles.List' },
          }),
        ],
      },
    });
  });

  it('needs script.external_request among explicit oauthScopes for any UrlFetchApp call', async () => {
    const runtime = start({
      manifest: { ...DRIVE_MANIFEST, oauthScopes: [DRIVE_MANIFEST.oauthScopes[1] ?? ''] },
    });
    expect((await runtime.run(ALICE, 'attempt', 'get', LIST)).value).toBe(
      'Exception: You do not have permission to call UrlFetchApp.fetch. Required permissions: ' +
        EXTERNAL_REQUEST_SCOPE,
    );
  });

  it('obeys the whitelist (both Drive prefixes needed) and counts Drive calls in the UrlFetch quota', async () => {
    const readOnly = start({
      manifest: { ...DRIVE_MANIFEST, urlFetchWhitelist: ['https://www.googleapis.com/drive/v3/'] },
      urlFetchDailyQuota: 3,
    });
    expect((await value(readOnly, ALICE, 'list', 'spaces=appDataFolder')).status).toBe(200);
    expect(
      String(
        (
          await readOnly.run(
            ALICE,
            'attempt',
            'post',
            'https://www.googleapis.com/upload/drive/v3/files?uploadType=multipart',
            {},
          )
        ).value,
      ),
    ).toBe(
      'Exception: Request to https://www.googleapis.com/upload/drive/v3/files? failed because the URL has not been whitelisted in the script manifest.',
    );
    expect(readOnly.urlFetchCount(ALICE)).toBe(1);
    await readOnly.run(ALICE, 'list', 'spaces=appDataFolder');
    await readOnly.run(ALICE, 'list', 'spaces=appDataFolder');
    expect((await readOnly.run(ALICE, 'attempt', 'get', LIST)).value).toBe(
      'Exception: Service invoked too many times for one day: urlfetch.',
    );
  });

  it('shares app data between deployments of one project, never with another app', async () => {
    const world = createDrive();
    const deployment = start({ drive: world, scriptId: 'script-a' });
    const secondDeployment = start({ drive: world, scriptId: 'script-a' });
    const otherApp = start({ drive: world, scriptId: 'script-a', cloudProject: 'another-project' });
    expect(deployment.drive.app).toBe('script-a');
    expect(otherApp.drive.app).toBe('another-project');

    const id = String((await value(deployment, ALICE, 'create', 'shared', 'rows')).json.id);
    expect((await secondDeployment.run(ALICE, 'read', id)).value).toBe('rows');
    expect((await value(otherApp, ALICE, 'list', 'spaces=appDataFolder')).json.files).toEqual([]);
    expect((await value(otherApp, ALICE, 'get', id)).status).toBe(404);
    expect(otherApp.drive.files(ALICE)).toEqual([]);
    expect(otherApp.drive.files(ALICE, { app: 'script-a' }).map((file) => file.name)).toEqual(['shared']);

    const tokenOfOtherApp = (await otherApp.run(ALICE, 'token')).value;
    expect((await value(deployment, ALICE, 'call', 'get', LIST, { token: tokenOfOtherApp })).status).toBe(
      401,
    );
  });

  it('keeps app data across executions until the runtime that owns it closes', async () => {
    const runtime = start();
    await value(runtime, ALICE, 'create', 'kept', 'rows');
    const id = runtime.drive.file(ALICE, 'kept').id;
    expect((await runtime.run(ALICE, 'read', id)).value).toBe('rows');
    const shared = createDrive();
    const borrower = start({ drive: shared });
    await value(borrower, ALICE, 'create', 'borrowed', 'rows');
    await runtime.close();
    await borrower.close();
    expect(runtime.drive.files(ALICE)).toEqual([]);
    expect(borrower.drive.files(ALICE).map((file) => file.name)).toEqual(['borrowed']);
  });
});
