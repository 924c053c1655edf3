import type { Runtime } from '../../sandbox/runtime';
import { LOCAL_REDIRECT_URI, LOCAL_SCRIPT_ID } from '../../sandbox/shared/local-apps-script';
import { startFakeServer, type FakeServer } from '../support/fake-server';
import { ALICE, BOB, runtimeFor } from './support/scripts';

const SCRIPT = `
function token(timeout) {
  var builder = ScriptApp.newStateToken().withMethod('callback').withArgument('serviceName', 'jobber').withArgument('n', 7);
  if (timeout) builder.withTimeout(timeout);
  return builder.createToken();
}
function tokenWithTimeout(seconds) { try { return token(seconds); } catch (e) { return String(e); } }
function callback(request) { return { request: request, user: Session.getActiveUser().getEmail() }; }
function identity() {
  return { scriptId: ScriptApp.getScriptId(), effective: Session.getEffectiveUser().getEmail(),
    active: Session.getActiveUser().getEmail(), zone: Session.getScriptTimeZone(), locale: Session.getActiveUserLocale() };
}
function html() {
  var output = HtmlService.createHtmlOutput('<b>Hi</b>').append(' there').appendUntrusted('<script>');
  return [output.getContent(), output.setTitle('T').getTitle()];
}
function logger() { Logger.log('a'); Logger.log({ b: 1 }); var log = Logger.getLog(); Logger.clear(); return [log, Logger.getLog()]; }
`;

describe('ScriptApp state tokens and the /usercallback endpoint', () => {
  let server: FakeServer;
  let runtime: Runtime;
  beforeAll(async () => {
    server = await startFakeServer({ virtualClockStart: Date.UTC(2025, 0, 1) });
    runtime = runtimeFor(SCRIPT, {
      clock: { kind: 'virtual', sandboxUrl: server.url },
      manifest: { timeZone: 'America/Denver' },
    });
  });
  afterAll(async () => {
    await runtime.close();
    await server.close();
  });

  const callbackUrl = (state: unknown, extra = '') =>
    `${LOCAL_REDIRECT_URI}?code=abc${extra}&state=${String(state)}`;

  it('uses the local script id and its callback URL', async () => {
    expect(runtime.scriptId).toBe(LOCAL_SCRIPT_ID);
    expect(runtime.redirectUri).toBe(LOCAL_REDIRECT_URI);
    expect((await runtime.run(ALICE, 'identity')).value).toEqual({
      scriptId: LOCAL_SCRIPT_ID,
      effective: ALICE,
      active: ALICE,
      zone: 'America/Denver',
      locale: 'en',
    });
  });

  it('calls the token’s function with the query parameters and the token’s arguments', async () => {
    const state = (await runtime.run(ALICE, 'token')).value;
    const result = await runtime.deliverCallback(ALICE, callbackUrl(state, '&code=second'));
    expect(result.value).toEqual({
      user: ALICE,
      request: {
        parameter: { code: 'abc', state, serviceName: 'jobber', n: '7' },
        parameters: { code: ['abc', 'second'], state: [state], serviceName: ['jobber'], n: ['7'] },
        queryString: `code=abc&code=second&state=${String(state)}`,
        contextPath: '',
        contentLength: -1,
      },
    });
  });

  it('accepts a token once, from its own user, before it expires (60 s by default)', async () => {
    const invalid = {
      kind: 'exception',
      text: 'The state token is invalid or has expired. Please try again.',
    };
    const used = (await runtime.run(ALICE, 'token')).value;
    await runtime.deliverCallback(ALICE, callbackUrl(used));
    expect((await runtime.deliverCallback(ALICE, callbackUrl(used))).error).toEqual(invalid);
    const stolen = (await runtime.run(ALICE, 'token')).value;
    expect((await runtime.deliverCallback(BOB, callbackUrl(stolen))).error).toEqual(invalid);
    const stale = (await runtime.run(ALICE, 'token')).value;
    server.clock?.advance(61_000);
    await runtime.run(ALICE, 'identity');
    expect((await runtime.deliverCallback(ALICE, callbackUrl(stale))).error).toEqual(invalid);
    const lasting = (await runtime.run(ALICE, 'token', 3600)).value;
    server.clock?.advance(3_000_000);
    await runtime.run(ALICE, 'identity');
    expect((await runtime.deliverCallback(ALICE, callbackUrl(lasting))).ok).toBe(true);
    expect((await runtime.deliverCallback(ALICE, callbackUrl('made-up'))).error).toEqual(invalid);
  });

  it('refuses a timeout over one hour and a callback URL of another script', async () => {
    expect((await runtime.run(ALICE, 'tokenWithTimeout', 3601)).value).toBe(
      'Exception: Invalid argument: seconds',
    );
    const state = (await runtime.run(ALICE, 'token')).value;
    const other = await runtime.deliverCallback(
      ALICE,
      `https://script.google.com/macros/d/other/usercallback?state=${String(state)}`,
    );
    expect(other.error?.text).toMatch(/^Not this script's callback/);
  });
});

describe('HtmlService and Logger', () => {
  it('build pages and keep a log', async () => {
    const runtime = runtimeFor(SCRIPT);
    try {
      expect((await runtime.run(ALICE, 'html')).value).toEqual(['<b>Hi</b> there&#60;script&#62;', 'T']);
      expect((await runtime.run(ALICE, 'logger')).value).toEqual(['a\n{"b":1}\n', '']);
    } finally {
      await runtime.close();
    }
  });
});
