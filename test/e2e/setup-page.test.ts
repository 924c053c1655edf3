/**
 * The owner's setup page, end to end: dist/Code.js served as Apps Script's web app by the runtime,
 * the credentials checked against the sandbox's token endpoint, the connector then working in the
 * Looker Studio driver. Every page, log line and fetch record is kept and scanned for secrets.
 */
import { randomUUID } from 'node:crypto';
import { CONNECTOR_BUNDLE } from '../../sandbox/paths';
import { createRuntime, type ExecutionResult, type Runtime } from '../../sandbox/runtime';
import { LOCAL_DEPLOYMENT_ID } from '../../sandbox/shared/local-apps-script';
import { REPORT_OWNER, useWorld } from '../support/e2e';
import { expectDocumented } from '../support/troubleshooting';
import { CLIENTS_CHART, clientsSource, userErrorOf } from './auth-support';

const WRONG_SECRET = 'wrong-secret-4f1d2c9e7b';
const CREDENTIAL_PROPERTIES = ['JOBBER_CLIENT_ID', 'JOBBER_CLIENT_SECRET', 'ADMIN_EMAILS'];

interface Page {
  readonly html: string;
  readonly title: string;
}

describe('the setup page (doGet/doPost as the owner’s web app)', () => {
  const world = useWorld();
  const results: ExecutionResult[] = [];
  const notices = new Set<string>();
  const secrets = (): string[] => [world().sandbox.app.clientSecret, WRONG_SECRET];

  beforeAll(() => {
    for (const key of CREDENTIAL_PROPERTIES) world().runtime.setScriptProperty(key, null);
  });

  async function open(method: 'GET' | 'POST', params: Record<string, string> = {}, visitor = REPORT_OWNER) {
    const result = await world().runtime.webApp(visitor, method, params);
    results.push(result);
    return result;
  }

  async function pageOf(method: 'GET' | 'POST', params: Record<string, string> = {}): Promise<Page> {
    const result = await open(method, params);
    expect(result.error).toBeUndefined();
    const page = result.value as Page;
    for (const match of page.html.matchAll(/<p class="notice \w+">(.*?)<\/p>/g)) notices.add(match[1] ?? '');
    return page;
  }

  function formTokenOf(page: Page): string {
    const match = /name="formToken" value="([^"]+)"/.exec(page.html);
    if (!match?.[1]) throw new Error('the page has no form token');
    return match[1];
  }

  /** Opens the page, then posts its form with these fields. */
  async function submit(fields: Record<string, string>): Promise<Page> {
    const form = await pageOf('GET');
    return pageOf('POST', { formToken: formTokenOf(form), ...fields });
  }

  const app = () => world().sandbox.app;

  it('shows the owner the form, the exact callback URL, the scopes and the Looker Studio link', async () => {
    const page = await pageOf('GET');
    expect(page.title).toBe('Jobber connector setup');
    expect(page.html).toContain(`<code>${world().runtime.redirectUri}</code>`);
    expect(page.html).toContain(`action="${world().runtime.webAppUrl ?? 'none'}" target="_top"`);
    expect(page.html).toContain('Scheduled items: read');
    expect(page.html).toContain(`connectorId=${LOCAL_DEPLOYMENT_ID}`);
    expect(page.html).toContain('No secret is stored yet.');
    expect(page.html).toContain(`name="adminEmails" value="${REPORT_OWNER}"`);
  });

  it('is closed to anyone but the owner before any code runs', async () => {
    const result = await open('GET', {}, 'someone@example.com');
    expect(result).toMatchObject({ ok: false, refused: true });
    expect(result.logs).toEqual([]);
  });

  it('saves nothing from a post without a form token this page issued, or with a used one', async () => {
    const forged = await pageOf('POST', {
      formToken: randomUUID(), // well formed, but never issued
      clientId: app().clientId,
      clientSecret: app().clientSecret,
    });
    expect(forged.html).toContain('did not come from this page, so nothing was saved');
    const form = await pageOf('GET');
    const fields = { formToken: formTokenOf(form), clientId: 'x', clientSecret: WRONG_SECRET };
    await pageOf('POST', fields);
    expect((await pageOf('POST', fields)).html).toContain('nothing was saved');
    expect(world().runtime.scriptProperties()).not.toHaveProperty('JOBBER_CLIENT_ID');
  });

  it('says which field is wrong and keeps what was typed, except the secret', async () => {
    const page = await submit({ clientId: '', clientSecret: '', adminEmails: 'me@example.com, <b>x' });
    expect(page.html).toContain('Paste the Client ID: it is empty.');
    expect(page.html).toContain('Paste the Client Secret: none is stored yet.');
    expect(page.html).toContain('&quot;&lt;b&gt;x&quot; is not an email address');
    expect(page.html).toContain('value="me@example.com, &lt;b&gt;x"');
    expect(page.html).not.toContain('<b>x');
  });

  it('refuses credentials Jobber rejects (invalid_client) and stores nothing', async () => {
    const page = await submit({ clientId: app().clientId, clientSecret: WRONG_SECRET, adminEmails: '' });
    expect(page.html).toContain('Jobber rejected this Client ID and Secret (invalid_client)');
    expect(world().runtime.scriptProperties()).not.toHaveProperty('JOBBER_CLIENT_SECRET');
    const tokenCall = results.at(-1)?.fetches.at(-1);
    expect(tokenCall).toMatchObject({ method: 'POST', status: 401 });
    expect(tokenCall?.url).toBe(`${world().sandbox.baseUrl}/api/oauth/token`);
  });

  it('escapes what was typed when showing it again', async () => {
    const page = await submit({ clientId: '"><script>alert(1)</script>', clientSecret: WRONG_SECRET });
    expect(page.html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(page.html).not.toContain('<script>');
  });

  it('stores credentials Jobber accepts (invalid_grant for a code that cannot exist) and never shows the secret', async () => {
    const page = await submit({
      clientId: app().clientId,
      clientSecret: app().clientSecret,
      adminEmails: `${REPORT_OWNER}, Second@Example.com`,
    });
    expect(page.html).toContain('Saved. Jobber accepted the Client ID and Secret');
    expect(page.html).toContain('A secret is stored.');
    expect(world().runtime.scriptProperties()).toMatchObject({
      JOBBER_CLIENT_ID: app().clientId,
      JOBBER_CLIENT_SECRET: app().clientSecret,
      ADMIN_EMAILS: `${REPORT_OWNER}, second@example.com`,
    });
    const log = await world().sandbox.control.requests.list();
    expect(log.at(-1)).toMatchObject({ endpoint: 'token', status: 400, outcome: 'invalid_grant' });
  });

  it('keeps the stored secret when the field is left empty, still checking the pair', async () => {
    const page = await submit({ clientId: app().clientId, clientSecret: '', adminEmails: REPORT_OWNER });
    expect(page.html).toContain('Saved. Jobber accepted');
    expect(world().runtime.scriptProperties()).toMatchObject({
      JOBBER_CLIENT_SECRET: app().clientSecret,
      ADMIN_EMAILS: REPORT_OWNER,
    });
  });

  it('saves with a warning when Jobber gives no verdict', async () => {
    await world().sandbox.control.faults.inject({ kind: 'http', status: 503, endpoint: 'token' });
    const page = await submit({ clientId: app().clientId, clientSecret: '', adminEmails: REPORT_OWNER });
    expect(page.html).toContain('Saved, but the credentials could not be checked: Jobber answered HTTP 503');
  });

  it('leaves a connector that works in Looker Studio, with the owner as admin', async () => {
    const studio = await world().connect();
    const source = await clientsSource(studio);
    expect((await source.getData(CLIENTS_CHART)).rows.length).toBeGreaterThan(0);
    expect(await studio.isAdminUser()).toBe(true);
  });

  it('shows only messages listed in docs/troubleshooting.md', () => {
    expect(notices.size).toBeGreaterThanOrEqual(7);
    for (const notice of notices) expectDocumented(notice);
  });

  it('never shows, logs or records the secret', async () => {
    expect(results.length).toBeGreaterThan(10);
    const said = results.flatMap((result) => [
      JSON.stringify(result.value ?? null),
      JSON.stringify(result.error ?? null),
      ...result.logs.map((line) => line.message),
      ...result.fetches.map((record) => JSON.stringify(record)),
    ]);
    said.push(JSON.stringify(await world().sandbox.control.requests.list()));
    for (const secret of secrets()) for (const text of said) expect(text).not.toContain(secret);
  });
});

describe('the setup page behind a loosened deployment', () => {
  let runtime: Runtime;
  beforeAll(() => {
    runtime = createRuntime({
      bundlePath: CONNECTOR_BUNDLE,
      owner: 'owner@corp.example',
      manifest: {
        oauthScopes: ['https://www.googleapis.com/auth/userinfo.email'],
        webapp: { executeAs: 'USER_DEPLOYING', access: 'ANYONE' },
      },
    });
  });
  afterAll(() => runtime.close());

  it.each(['colleague@corp.example', 'stranger@example.com'])(
    'still refuses %s, who is not the owner, and changes nothing',
    async (visitor) => {
      for (const method of ['GET', 'POST'] as const) {
        const result = await runtime.webApp(visitor, method, { clientId: 'x', clientSecret: 'y' });
        expect((result.value as Page).html).toContain('This page is only for the connector&#39;s owner');
        expect((result.value as Page).html).not.toContain('<form');
      }
      expect(runtime.scriptProperties()).toEqual({});
    },
  );

  it('opens for the owner', async () => {
    const result = await runtime.webApp('owner@corp.example', 'GET');
    expect((result.value as Page).html).toContain('<form method="post"');
  });
});

describe('the connector sends the admin to the setup page', () => {
  const world = useWorld();

  it('when the app credentials are missing', async () => {
    world().runtime.setScriptProperty('JOBBER_CLIENT_SECRET', null);
    try {
      const error = await userErrorOf(world().studio('setup@example.com').get3PAuthorizationUrls());
      expect(error.text).toContain(`setup page (${world().runtime.webAppUrl ?? 'none'})`);
      expect(error.debugText).toContain('JOBBER_CLIENT_SECRET');
    } finally {
      world().runtime.setScriptProperty('JOBBER_CLIENT_SECRET', world().sandbox.app.clientSecret);
    }
  });

  it('when Jobber rejects them while renewing a token', async () => {
    const studio = await world().connect('rejected@example.com');
    const source = await clientsSource(studio);
    world().runtime.setScriptProperty('JOBBER_CLIENT_SECRET', WRONG_SECRET);
    try {
      await world().sandbox.control.clock.advance(2 * 3_600_000);
      const error = await userErrorOf(source.getData(CLIENTS_CHART));
      expect(error.text).toContain("Jobber rejected this connector's app credentials");
      expect(error.text).toContain(`setup page (${world().runtime.webAppUrl ?? 'none'})`);
    } finally {
      world().runtime.setScriptProperty('JOBBER_CLIENT_SECRET', world().sandbox.app.clientSecret);
    }
  });
});

describe('without a deployed web app', () => {
  const world = useWorld({ runtime: { manifest: { webapp: null } } });

  it('names the script properties instead', async () => {
    world().runtime.setScriptProperty('JOBBER_CLIENT_ID', null);
    const error = await userErrorOf(world().studio().get3PAuthorizationUrls());
    expect(world().runtime.webAppUrl).toBeNull();
    expect(error.text).toContain('(script properties JOBBER_CLIENT_ID) to the Apps Script project');
  });
});
