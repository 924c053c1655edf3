import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { startSandbox, type SandboxHandle } from '../../sandbox/jobber/harness';
import { parseArgs } from '../../sandbox/playground/args';
import { startBackend, type Backend } from '../../sandbox/playground/backend';
import { listen, type PlaygroundServer } from '../../sandbox/playground/server';
import { PlaygroundSession } from '../../sandbox/playground/session';
import { parseTarget, TARGET_FLAGS } from '../../sandbox/playground/target';
import { LOCAL_SCRIPT_ID, scriptCallbackUrl } from '../../sandbox/shared/local-apps-script';
import { START_TIMEOUT_MS } from './support';

const targetOf = (argv: string[], env: NodeJS.ProcessEnv = {}) =>
  parseTarget(
    parseArgs(argv, { values: [...TARGET_FLAGS.values], booleans: [...TARGET_FLAGS.booleans] }),
    env,
  );

/** A GET with a chosen Host header, as a page reached through DNS rebinding would send. */
function statusWithHost(url: string, host: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', reject);
    req.end();
  });
}

function failureOf(body: () => unknown): string {
  try {
    body();
    return 'accepted';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

describe('choosing Jobber: the sandbox by default, the real API with --jobber', () => {
  const clientId = randomBytes(8).toString('hex');
  const clientSecret = randomBytes(16).toString('base64url');

  it('needs nothing for the sandbox', () => {
    expect(targetOf([])).toEqual({ kind: 'sandbox', size: 'small', seed: 1, clock: 'real' });
    expect(targetOf(['--size', 'tiny', '--clock', 'virtual', '--seed', '4'])).toEqual({
      kind: 'sandbox',
      size: 'tiny',
      seed: 4,
      clock: 'virtual',
    });
  });

  it('reads the app credentials from the environment, or from a git-ignored file', () => {
    expect(
      targetOf(['--jobber'], { JOBBER_CLIENT_ID: clientId, JOBBER_CLIENT_SECRET: clientSecret }),
    ).toEqual({
      kind: 'jobber',
      baseUrl: 'https://api.getjobber.com',
      clientId,
      clientSecret,
      source: 'JOBBER_CLIENT_ID / JOBBER_CLIENT_SECRET',
    });
    const file = join(mkdtempSync(join(tmpdir(), 'playground-')), 'jobber.json');
    writeFileSync(file, JSON.stringify({ clientId, clientSecret, baseUrl: 'https://jobber.example.com/' }));
    expect(targetOf(['--credentials', file])).toEqual({
      kind: 'sandbox',
      size: 'small',
      seed: 1,
      clock: 'real',
    });
    expect(targetOf(['--jobber', '--credentials', file])).toMatchObject({
      baseUrl: 'https://jobber.example.com',
      clientId,
      source: file,
    });
    expect(targetOf(['--jobber-url', 'http://127.0.0.1:9/', '--credentials', file])).toMatchObject({
      kind: 'jobber',
      baseUrl: 'http://127.0.0.1:9',
    });
  });

  it('says how to provide missing or broken credentials, never echoing a secret', () => {
    expect(failureOf(() => targetOf(['--jobber'], { JOBBER_CLIENT_ID: clientId }))).toMatch(
      /^Real Jobber mode needs your Jobber app’s client id and secret: set JOBBER_CLIENT_ID and JOBBER_CLIENT_SECRET/,
    );
    const file = join(mkdtempSync(join(tmpdir(), 'playground-')), 'jobber.json');
    writeFileSync(file, JSON.stringify({ clientId, client_secret: clientSecret }));
    const message = failureOf(() => targetOf(['--jobber', '--credentials', file]));
    expect(message).toBe(`${file} needs string fields "clientId" and "clientSecret"`);
    expect(failureOf(() => targetOf(['--jobber', '--size', 'tiny'], {}))).toBe(
      '--size applies to the sandbox, not to --jobber',
    );
  });
});

describe('the playground against a Jobber that is not the sandbox it starts (--jobber-url)', () => {
  let jobber: SandboxHandle;
  let server: PlaygroundServer;
  let backend: Backend;

  beforeAll(async () => {
    // A stand-in for the real API: a sandbox whose app registered the playground's callback, as
    // a person registers it in Jobber's Developer Center.
    server = await listen(0);
    jobber = await startSandbox({
      size: 'tiny',
      redirectUris: [scriptCallbackUrl(server.origin, LOCAL_SCRIPT_ID)],
    });
    backend = await startBackend({
      target: { kind: 'jobber', baseUrl: jobber.baseUrl, ...jobber.app, source: 'test' },
      scriptOrigin: server.origin,
    });
    server.attach(new PlaygroundSession(backend));
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await server?.close();
    await backend?.stop();
    await jobber?.stop();
  });

  const get = (url: string): Promise<Response> => fetch(url, { redirect: 'manual' });

  it('sends the browser to Jobber with the registered redirect URI and serves the callback itself', async () => {
    const start = await get(`${server.origin}/authorize`);
    expect(start.status).toBe(302);
    const authorizeUrl = new URL(start.headers.get('location') ?? '');
    expect(authorizeUrl.origin + authorizeUrl.pathname).toBe(`${jobber.baseUrl}/api/oauth/authorize`);
    expect(authorizeUrl.searchParams.get('redirect_uri')).toBe(backend.redirectUri);
    const consent = await get(authorizeUrl.toString());
    const callback = consent.headers.get('location') ?? '';
    expect(callback.startsWith(`${backend.redirectUri}?code=`)).toBe(true);
    const landing = await get(callback);
    expect(landing.status).toBe(200);
    expect(await landing.text()).toContain('data-authorized="true"');
    const status = (await (await get(`${server.origin}/api/status`)).json()) as Record<string, unknown>;
    expect(status).toMatchObject({ mode: 'jobber', authorized: true, jobberBaseUrl: jobber.baseUrl });
    expect(status).not.toHaveProperty('consent');
    expect(JSON.stringify(status)).not.toContain(jobber.app.clientSecret);
  });

  it('shows the connector’s user error when it cannot start the authorization', async () => {
    backend.runtime.setScriptProperty('JOBBER_CLIENT_SECRET', null);
    try {
      const page = await (await get(`${server.origin}/authorize`)).text();
      expect(page).toContain('<h1>Cannot start the authorization</h1>');
      expect(page).toContain('JOBBER_CLIENT_SECRET');
      expect(page).toContain('<code>/authorize</code>');
    } finally {
      backend.runtime.setScriptProperty('JOBBER_CLIENT_SECRET', jobber.app.clientSecret);
    }
  });

  it('answers only this machine’s names and JSON posts, and serves only the page’s files', async () => {
    const api = `${server.origin}/api/config`;
    const form = await fetch(api, { method: 'POST', body: 'a=1', headers: { 'Content-Type': 'text/plain' } });
    expect(form.status).toBe(415);
    const json = await fetch(api, {
      method: 'POST',
      body: '{}',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(json.status).toBe(200);
    expect((await get(`${server.origin}/%2e%2e/package.json`)).status).toBe(404);
    expect((await get(`${server.origin}/app.js`)).headers.get('content-type')).toBe(
      'text/javascript; charset=utf-8',
    );
    const page = await get(`${server.origin}/`);
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'self'/);
    expect(await statusWithHost(`${server.origin}/api/status`, 'rebound.example.com')).toBe(421);
    expect(await statusWithHost(`${server.origin}/api/status`, new URL(server.origin).host)).toBe(200);
  });
});
