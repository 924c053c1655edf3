import type { Runtime } from '../../sandbox/runtime';
import { LOCAL_REDIRECT_URI } from '../../sandbox/shared/local-apps-script';
import {
  ContractViolation,
  LookerUserError,
  createStudio,
  type DataSource,
  type LookerStudio,
} from '../../sandbox/studio';
import { installFakeOAuth, type FakeOAuth } from '../support/fake-oauth';
import { json, startFakeServer, type FakeServer } from '../support/fake-server';
import { until } from '../support/gates';
import { ALICE, BOB, runtimeFor } from '../runtime/support/scripts';
import { TEST_CONNECTOR } from './support/test-connector';

const START = Date.UTC(2025, 2, 15, 10);
const ROWS = [
  { day: '20250301', client: 'Acme Lawns', total: 120.5 },
  { day: '20250302', client: 'Birch HVAC', total: 80 },
];

describe('the Looker Studio driver', () => {
  let server: FakeServer;
  let oauth: FakeOAuth;
  let runtime: Runtime;
  let studio: LookerStudio;

  beforeAll(async () => {
    server = await startFakeServer({ virtualClockStart: START });
    oauth = installFakeOAuth(server, LOCAL_REDIRECT_URI);
    server.route('GET', '/rows', (request) =>
      oauth.authorizes(request.headers.authorization) ? json(ROWS) : json({}, 401),
    );
    runtime = runtimeFor(TEST_CONNECTOR, {
      clock: { kind: 'virtual', sandboxUrl: server.url },
      manifest: { urlFetchWhitelist: ['https://api.getjobber.com/api/'] },
      allowedOrigins: [server.url],
      scriptProperties: {
        JOBBER_CLIENT_ID: oauth.clientId,
        JOBBER_CLIENT_SECRET: oauth.clientSecret,
        JOBBER_BASE_URL: server.url,
      },
    });
    studio = createStudio(runtime, ALICE);
  });
  afterAll(async () => {
    await runtime.close();
    await server.close();
  });

  describe('authorization', () => {
    it('goes through the authorize redirect and the state-token callback to authCallback', async () => {
      const outcome = await studio.authorize();
      expect(outcome).toMatchObject({
        validBefore: false,
        valid: true,
        page: { html: 'Connected. You can close this tab.', title: 'Jobber' },
      });
      expect(outcome.callbackUrl.startsWith(`${LOCAL_REDIRECT_URI}?code=`)).toBe(true);
      expect(studio.executions.map((execution) => execution.functionName)).toEqual([
        'getAuthType',
        'isAuthValid',
        'get3PAuthorizationUrls',
        'authCallback',
        'isAuthValid',
      ]);
    });

    it('shows Apps Script’s refusal when a denial comes back without the state token', async () => {
      oauth.consent = 'deny';
      try {
        const outcome = await createStudio(runtime, BOB).authorize();
        expect(outcome).toMatchObject({
          page: null,
          refusal: 'The state token is invalid or has expired. Please try again.',
          valid: false,
        });
      } finally {
        oauth.consent = 'approve';
      }
    });
  });

  describe('a data source', () => {
    let source: DataSource;
    beforeAll(async () => {
      source = await studio.connect({ object: 'invoices', archived: true });
    });

    it('walks the stepped config with the answers so far, then gets the schema', () => {
      const configCalls = studio.executions.filter((execution) => execution.functionName === 'getConfig');
      expect(configCalls.map((execution) => execution.args[0])).toEqual([
        { languageCode: 'en' },
        { languageCode: 'en', configParams: { object: 'invoices' } },
      ]);
      expect(source.configParams).toEqual({ object: 'invoices', archived: true });
      expect(source.schema.map((field) => field.name)).toEqual(['day', 'client', 'total']);
    });

    it('refuses an answer that is not one of the options', async () => {
      await expect(studio.connect({ object: 'quotes' })).rejects.toThrow(
        '"quotes" is not an option of config "object"',
      );
    });

    it('builds requests like Looker Studio’s: chart order, filter-only fields, 28 days to yesterday', () => {
      const filters = [
        [{ fieldName: 'day', values: ['20250301'], type: 'INCLUDE' as const, operator: 'EQUALS' as const }],
      ];
      expect(source.request({ fields: ['client', 'total'], filterOnly: ['day'], filters })).toEqual({
        configParams: { object: 'invoices', archived: true },
        scriptParams: { lastRefresh: String(START) },
        dateRange: { startDate: '2025-02-15', endDate: '2025-03-14' },
        fields: [{ name: 'client' }, { name: 'total' }, { name: 'day', forFilterOnly: true }],
        dimensionsFilters: filters,
      });
      expect(source.request({ fields: ['day'], sampleExtraction: true })).toMatchObject({
        scriptParams: { lastRefresh: String(START), sampleExtraction: true },
        dateRange: { startDate: '2025-03-13', endDate: '2025-03-13' },
      });
      expect(() => source.request({ fields: ['nope'] })).toThrow('uses fields the schema lacks: nope');
      expect(() => source.request({ fields: ['total', 'total'] })).toThrow(
        /^The chart lists the field total twice$/,
      );
    });

    it('keeps one lastRefresh per data source until the data is refreshed, as Looker Studio does', async () => {
      const before = source.request({ fields: ['total'] }).scriptParams.lastRefresh;
      await studio.getAuthType(); // time passes between report views
      expect(source.request({ fields: ['client'] }).scriptParams.lastRefresh).toBe(before);
      source.refreshData();
      expect(Number(source.request({ fields: ['total'] }).scriptParams.lastRefresh)).toBeGreaterThan(
        Number(before),
      );
    });

    it('returns getData answers that pass the contract checks', async () => {
      const response = await source.getData({ fields: ['total', 'client'] });
      expect(response.rows).toEqual([{ values: [120.5, 'Acme Lawns'] }, { values: [80, 'Birch HVAC'] }]);
    });

    it('runs a dashboard’s charts at once in separate workers that share the user lock and cache', async () => {
      runtime.clearCaches();
      const before = server.requests.filter((request) => request.path === '/rows').length;
      server.route('GET', '/rows', async () => {
        await until(
          () => runtime.lockWaiters({ user: ALICE }) === 3,
          'three charts waiting for the user lock',
        );
        return json(ROWS);
      });
      const charts = [
        { name: 'by day', fields: ['day', 'total'] },
        { name: 'by client', fields: ['client', 'total'] },
        { name: 'table', fields: ['day', 'client', 'total'] },
        { name: 'scorecard', fields: ['total'] },
      ];
      const outcomes = await source.dashboard(charts);
      expect(
        outcomes.map((outcome) =>
          'response' in outcome ? outcome.response.schema.map((f) => f.name) : null,
        ),
      ).toEqual(charts.map((chart) => chart.fields));
      expect(server.requests.filter((request) => request.path === '/rows').length - before).toBe(1);
    });
  });

  describe('contract checks', () => {
    const sourceIn = (mode: string) => studio.connect({ object: 'jobs', mode });
    const chart = { fields: ['day', 'total'] };

    it.each([
      ['misordered', 'the schema lists [total, day]; the request asked for [day, total] in that order'],
      ['wide-row', 'row 0 has 3 values for 2 fields'],
      ['bad-date', 'row 0, field "day": "2025-01-01" is not a valid YEAR_MONTH_DAY value'],
      ['claims-filters', 'filtersApplied is true but the request had no dimensionsFilters'],
      [
        'crash',
        "threw an error not built with newUserError: TypeError: Cannot read properties of null (reading 'rows')",
      ],
    ])('fail loudly when getData answers %s', async (mode, problem) => {
      const source = await sourceIn(mode);
      const failure = await source.getData(chart).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ContractViolation);
      expect((failure as ContractViolation).problems).toContain(problem);
    });

    it('pass a user error on as what the user sees', async () => {
      const source = await sourceIn('user-error');
      const failure = await source.getData(chart).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(LookerUserError);
      expect(failure).toMatchObject({ text: 'Reconnect Jobber', debugText: 'token revoked' });
      const outcomes = await source.dashboard([chart, chart]);
      expect(outcomes.map((outcome) => ('userError' in outcome ? outcome.userError.text : null))).toEqual([
        'Reconnect Jobber',
        'Reconnect Jobber',
      ]);
    });

    it('fail a whole dashboard loudly when one chart breaks the contract', async () => {
      const source = await sourceIn('misordered');
      await expect(
        source.dashboard([
          { name: 'a', fields: ['day'] },
          { name: 'b', ...chart },
        ]),
      ).rejects.toThrow(/chart b: the schema lists \[total, day\]/);
    });
  });
});
