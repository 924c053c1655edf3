import { REPORT_OWNER, useWorld } from '../support/e2e';
import { scriptFile } from '../runtime/support/scripts';
import { TEST_CONNECTOR } from './support/test-connector';

/** The driver's OAuth dance against the real sandbox (own process), with a connector wired the documented way. */
describe('authorization against the Jobber sandbox', () => {
  const world = useWorld({
    runtime: {
      bundlePath: scriptFile(TEST_CONNECTOR),
      manifest: { timeZone: 'Etc/UTC', urlFetchWhitelist: ['https://api.getjobber.com/api/'] },
    },
  });

  it('goes from the authorize URL through the sandbox’s 302 to the script’s /usercallback and authCallback', async () => {
    const outcome = await world().studio().authorize();
    expect(outcome).toMatchObject({
      validBefore: false,
      valid: true,
      page: { html: 'Connected. You can close this tab.' },
    });
    expect(new URL(outcome.authorizeUrl).origin).toBe(world().sandbox.baseUrl);
    const log = await world().sandbox.control.requests.list();
    expect(log.map((entry) => `${entry.endpoint} ${entry.outcome ?? ''}`)).toEqual(
      expect.arrayContaining(['authorize approved', 'token issued']),
    );
    expect(Object.keys(world().runtime.userProperties(REPORT_OWNER))).toEqual(['oauth2.jobber']);
  });

  it('connects a user through the world helper', async () => {
    const studio = await world().connect('second@example.com');
    expect(await studio.isAuthValid()).toBe(true);
  });

  it('ends at Apps Script’s refusal when the sandbox denies, since the denial carries no state', async () => {
    await world().sandbox.control.setConsent({ mode: 'deny' });
    const outcome = await world().studio('denied@example.com').authorize();
    expect(outcome).toMatchObject({ page: null, valid: false });
  });
});
