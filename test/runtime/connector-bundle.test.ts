import { createRuntime, type Runtime } from '../../sandbox/runtime';
import { ALICE, BOB } from './support/scripts';

/** The very file clasp pushes, with the manifest next to it, answers as Looker Studio calls it. */
describe('dist/Code.js in the runtime', () => {
  let runtime: Runtime;
  beforeAll(() => {
    runtime = createRuntime({
      scriptProperties: { ADMIN_EMAILS: `${ALICE}, someone@example.com` },
      maxConcurrentExecutions: 2,
    });
  });
  afterAll(() => runtime.close());

  it('loads and answers getAuthType with OAUTH2', async () => {
    expect(await runtime.run(ALICE, 'getAuthType')).toMatchObject({ ok: true, value: { type: 'OAUTH2' } });
  });

  it('answers isAdminUser from the ADMIN_EMAILS script property and the effective user', async () => {
    expect((await runtime.run(ALICE, 'isAdminUser')).value).toBe(true);
    expect((await runtime.run(BOB, 'isAdminUser')).value).toBe(false);
  });
});
