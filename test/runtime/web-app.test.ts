import type { Runtime, WebAppConfig } from '../../sandbox/runtime';
import { ACCESS_DENIED_TEXT, NO_OUTPUT_TEXT, NO_WEB_APP_TEXT } from '../../sandbox/runtime/host/web-app';
import { ALICE, BOB, runtimeFor } from './support/scripts';

const SCRIPT = `
function seen(event) {
  PropertiesService.getUserProperties().setProperty('visited', 'yes');
  return { event: event, effective: Session.getEffectiveUser().getEmail(),
    active: Session.getActiveUser().getEmail(), url: ScriptApp.getService().getUrl() };
}
function doGet(event) {
  return HtmlService.createHtmlOutput(JSON.stringify(seen(event))).setTitle('Seen');
}
function doPost(event) {
  if (event.parameter.answer === 'nothing') return { not: 'a page' };
  return HtmlService.createHtmlOutput(JSON.stringify(seen(event)));
}
function serviceUrl() { return ScriptApp.getService().getUrl(); }
function whoIsActive() { return Session.getActiveUser().getEmail(); }
`;

const OWNER = 'owner@corp.example';
const COLLEAGUE = 'colleague@corp.example';

function pageOf(result: Awaited<ReturnType<Runtime['webApp']>>): Record<string, unknown> {
  expect(result.error).toBeUndefined();
  const { html } = result.value as { html: string };
  return JSON.parse(html) as Record<string, unknown>;
}

function runtimeWith(webapp: WebAppConfig | null, oauthScopes: string[] | null = null): Runtime {
  return runtimeFor(SCRIPT, {
    owner: OWNER,
    deploymentId: 'AKfy-test-deployment',
    manifest: { webapp, oauthScopes },
  });
}

describe('the web app endpoint (/exec)', () => {
  const runtimes: Runtime[] = [];
  const open = (webapp: WebAppConfig | null, scopes: string[] | null = null): Runtime => {
    const runtime = runtimeWith(webapp, scopes);
    runtimes.push(runtime);
    return runtime;
  };
  afterAll(async () => Promise.all(runtimes.map((runtime) => runtime.close())));
  const ownerOnly: WebAppConfig = { executeAs: 'USER_DEPLOYING', access: 'MYSELF' };

  it('calls doGet with the query in the event object and answers its HtmlOutput', async () => {
    const runtime = open(ownerOnly);
    const result = await runtime.webApp(OWNER, 'GET', { page: 'setup', tag: ['a', 'b'] });
    expect((result.value as { title: string }).title).toBe('Seen');
    expect(pageOf(result)).toEqual({
      event: {
        parameter: { page: 'setup', tag: 'a' },
        parameters: { page: ['setup'], tag: ['a', 'b'] },
        queryString: 'page=setup&tag=a&tag=b',
        contextPath: '',
        contentLength: -1,
      },
      effective: OWNER,
      active: OWNER,
      url: 'https://script.google.com/macros/s/AKfy-test-deployment/exec',
    });
  });

  it('calls doPost with the form-encoded body in postData and its fields in parameter', async () => {
    const runtime = open(ownerOnly);
    const page = pageOf(await runtime.webApp(OWNER, 'POST', { name: 'a b&c', n: '1' }));
    const contents = 'name=a+b%26c&n=1';
    expect(page.event).toEqual({
      parameter: { name: 'a b&c', n: '1' },
      parameters: { name: ['a b&c'], n: ['1'] },
      queryString: '',
      contextPath: '',
      contentLength: contents.length,
      postData: {
        length: contents.length,
        type: 'application/x-www-form-urlencoded',
        contents,
        name: 'postData',
      },
    });
  });

  it('refuses everyone but the owner when access is MYSELF, without running anything', async () => {
    const runtime = open(ownerOnly);
    for (const visitor of [COLLEAGUE, BOB, '']) {
      const result = await runtime.webApp(visitor, 'POST', { any: 'thing' });
      expect(result).toMatchObject({ ok: false, refused: true, error: { text: ACCESS_DENIED_TEXT } });
    }
    expect(runtime.userProperties(OWNER)).toEqual({});
  });

  it('runs as the deployer and reveals only visitors of its own domain when executing as USER_DEPLOYING', async () => {
    const runtime = open({ executeAs: 'USER_DEPLOYING', access: 'ANYONE' });
    expect(pageOf(await runtime.webApp(COLLEAGUE, 'GET'))).toMatchObject({
      effective: OWNER,
      active: COLLEAGUE,
    });
    expect(pageOf(await runtime.webApp(BOB, 'GET'))).toMatchObject({ effective: OWNER, active: '' });
    expect(runtime.userProperties(OWNER)).toEqual({ visited: 'yes' });
    expect(runtime.userProperties(BOB)).toEqual({});
    expect((await runtime.webApp('', 'GET')).refused).toBe(true);
  });

  it('runs as the visitor when executing as USER_ACCESSING', async () => {
    const runtime = open({ executeAs: 'USER_ACCESSING', access: 'ANYONE' });
    expect(pageOf(await runtime.webApp(BOB, 'GET'))).toMatchObject({ effective: BOB, active: BOB });
    expect(runtime.userProperties(BOB)).toEqual({ visited: 'yes' });
  });

  it('says when the function returns something other than an HtmlOutput', async () => {
    const runtime = open(ownerOnly);
    const result = await runtime.webApp(OWNER, 'POST', { answer: 'nothing' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'exception', text: NO_OUTPUT_TEXT } });
  });

  it('has no endpoint and no service URL without a webapp block in the manifest', async () => {
    const runtime = open(null);
    expect(runtime.webAppUrl).toBeNull();
    expect(await runtime.webApp(OWNER, 'GET')).toMatchObject({
      refused: true,
      error: { text: NO_WEB_APP_TEXT },
    });
    expect((await runtime.run(ALICE, 'serviceUrl')).value).toBeNull();
  });

  it('has neither when the script is not deployed (deploymentId null)', async () => {
    const runtime = runtimeFor(SCRIPT, { owner: OWNER, deploymentId: null, manifest: { webapp: ownerOnly } });
    runtimes.push(runtime);
    expect(runtime.webAppUrl).toBeNull();
    expect((await runtime.webApp(OWNER, 'GET')).refused).toBe(true);
    expect((await runtime.run(ALICE, 'serviceUrl')).value).toBeNull();
  });

  it('tells any execution the web app URL through ScriptApp.getService()', async () => {
    const runtime = open(ownerOnly);
    expect(runtime.webAppUrl).toBe('https://script.google.com/macros/s/AKfy-test-deployment/exec');
    expect((await runtime.run(ALICE, 'serviceUrl')).value).toBe(runtime.webAppUrl);
  });
});

describe('Session and the manifest’s explicit scopes', () => {
  const runtimes: Runtime[] = [];
  afterAll(async () => Promise.all(runtimes.map((runtime) => runtime.close())));

  it('refuses the user’s email when the listed scopes lack userinfo.email', async () => {
    const runtime = runtimeWith(null, ['https://www.googleapis.com/auth/script.external_request']);
    runtimes.push(runtime);
    const result = await runtime.run(ALICE, 'whoIsActive');
    expect(result.error?.text).toBe(
      'Exception: You do not have permission to call Session.getActiveUser. Required permissions: ' +
        'https://www.googleapis.com/auth/userinfo.email',
    );
  });

  it('gives it with userinfo.email listed, or with no scopes listed', async () => {
    const listed = runtimeWith(null, ['https://www.googleapis.com/auth/userinfo.email']);
    const detected = runtimeWith(null, null);
    runtimes.push(listed, detected);
    expect((await listed.run(ALICE, 'whoIsActive')).value).toBe(ALICE);
    expect((await detected.run(ALICE, 'whoIsActive')).value).toBe(ALICE);
  });
});
