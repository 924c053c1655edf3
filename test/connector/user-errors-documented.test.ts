/** Every user error the connector raises has an entry in docs/troubleshooting.md. */
import { runEntryPoint } from '../../src/connector/boundary';
import { parseDataRequest } from '../../src/connector/data-request';
import * as errors from '../../src/errors';
import { ConnectorError, JobberFailure, type JobberFailureKind } from '../../src/errors';
import type { Platform } from '../../src/platform/platform';
import { TROUBLESHOOTING as troubleshooting, expectDocumented, fixedPart } from '../support/troubleshooting';

const valid = {
  configParams: { object: 'invoices' },
  fields: [{ name: 'total' }],
  dateRange: { startDate: '2024-03-01', endDate: '2024-03-31' },
};

const MALFORMED: Record<string, unknown> = {
  'no object': { ...valid, configParams: {} },
  'unknown object': { ...valid, configParams: { object: 'spaceships' } },
  'unknown date': { ...valid, configParams: { object: 'invoices', dateField: 'startAt' } },
  'unknown currency': { ...valid, configParams: { object: 'invoices', currency: 'XYZ' } },
  'bad cache time': { ...valid, configParams: { object: 'invoices', cacheMinutes: 'soon' } },
  'no fields': { ...valid, fields: [] },
  'unknown field': { ...valid, fields: [{ name: 'profit' }] },
  'missing date range': { ...valid, dateRange: undefined },
  'malformed date': { ...valid, dateRange: { startDate: '2024-3-1', endDate: '2024-03-31' } },
  'inverted date range': { ...valid, dateRange: { startDate: '2024-04-01', endDate: '2024-03-31' } },
};

function userTextFor(request: unknown): string {
  try {
    parseDataRequest(request);
  } catch (error) {
    if (error instanceof ConnectorError) return error.userText;
    throw error;
  }
  throw new Error('no error raised');
}

describe('troubleshooting', () => {
  it.each(Object.entries(MALFORMED))('documents the error for %s', (_case, request) => {
    const text = userTextFor(request);
    expect(fixedPart(text).length).toBeGreaterThan(12);
    expect(troubleshooting).toContain(fixedPart(text));
  });
});

const SETUP_PAGE = 'https://script.google.com/macros/s/AKfycbExample/exec';

/** One entry per kind, so a new kind cannot be forgotten here (the compiler insists). */
const FAILURE_KINDS: Readonly<Record<JobberFailureKind, true>> = {
  throttled: true,
  rate_limited: true,
  server: true,
  network: true,
  daily_quota: true,
  unauthorized: true,
  disconnected: true,
  schema_mismatch: true,
  account_inactive: true,
  permission_hidden: true,
  malformed: true,
  graphql: true,
  http: true,
};

/** Every user error src/errors.ts can build, in each of its variants. */
const USER_ERRORS: Readonly<Record<string, () => ConnectorError[]>> = {
  reconnectRequired: () => [errors.reconnectRequired('debug')],
  appDisconnected: () => [errors.appDisconnected('debug')],
  accountInactive: () => [errors.accountInactive('debug')],
  setupIncomplete: () => [
    errors.setupIncomplete(['JOBBER_CLIENT_ID']),
    errors.setupIncomplete(['JOBBER_CLIENT_SECRET'], SETUP_PAGE),
  ],
  clientRejected: () => [errors.clientRejected('debug'), errors.clientRejected('debug', SETUP_PAGE)],
  timeBudgetExceeded: () => [errors.timeBudgetExceeded(300_000, 'debug')],
  rangeTooLarge: () => [errors.rangeTooLarge(300_000, 50_162, 26_000, 'debug')],
  queryTooWide: () => [errors.queryTooWide(12_000, 10_000)],
  lockUnavailable: () => [errors.lockUnavailable('debug')],
  refreshTooLate: () => [errors.refreshTooLate('debug')],
  waitedForSharedFetch: () => [errors.waitedForSharedFetch('invoices')],
  schemaChanged: () => [
    errors.schemaChanged(['"Visit title"'], [], 'debug'),
    errors.schemaChanged([], [], 'debug'),
  ],
  renameSchemaChanged: () => [
    errors.renameSchemaChanged(errors.schemaChanged([], [], 'debug'), ['the date range on "Start"']),
  ],
  noObjectChosen: () => [errors.noObjectChosen()],
  unknownObject: () => [errors.unknownObject('widgets')],
  unknownDateField: () => [errors.unknownDateField('paidAt', { label: 'Invoices', id: 'invoices' })],
  unknownCurrency: () => [errors.unknownCurrency('XYZ')],
  badCacheMinutes: () => [errors.badCacheMinutes('lots', 360)],
  noFields: () => [errors.noFields()],
  badPrivateCopy: () => [errors.badPrivateCopy('maybe')],
  badReconcileMinutes: () => [errors.badReconcileMinutes('2', 5, 1440)],
  copyInProgress: () => [
    errors.copyInProgress({ records: 'invoices', firstTime: true }, 12_400, 50_162),
    errors.copyInProgress({ records: 'visits', firstTime: false }, 300, null),
  ],
  unknownField: () => [errors.unknownField('total2', { label: 'Invoices', id: 'invoices' })],
  missingDateRange: () => [errors.missingDateRange()],
  invertedDateRange: () => [errors.invertedDateRange('2024-02-01', '2024-01-01')],
  notADate: () => [errors.notADate('yesterday')],
  failureToConnectorError: () =>
    (Object.keys(FAILURE_KINDS) as JobberFailureKind[]).map((kind) =>
      errors.failureToConnectorError(new JobberFailure(kind, 'message')),
    ),
};

/** Exports of src/errors.ts that build no user error. */
const NOT_USER_ERRORS = [
  'ConnectorError',
  'JobberFailure',
  'describeError',
  'redact',
  'isConnectorError',
  'isJobberFailure',
  // Texts and patterns, not errors: Jobber's own messages the classifier matches, the link the
  // schema errors point to, and the error boundary's text (checked by its own test below).
  'JOBBER_DISCONNECTED_TEXT',
  'JOBBER_INACTIVE_TEXT',
  'URLFETCH_DAILY_QUOTA_TEXT',
  'TROUBLESHOOTING_URL',
  'UNEXPECTED_PROBLEM_TEXT',
];

describe('every user error of src/errors.ts', () => {
  it('is listed here, so none can be added without its troubleshooting entry', () => {
    const factories = Object.keys(errors).filter((name) => !NOT_USER_ERRORS.includes(name));
    expect(factories.sort()).toEqual(Object.keys(USER_ERRORS).sort());
  });

  it.each(Object.entries(USER_ERRORS))('documents %s', (_name, build) => {
    for (const error of build()) expectDocumented(error.userText);
  });

  it('documents the text of anything unexpected (the error boundary)', () => {
    let text = '';
    const platform = {
      logger: { log: () => undefined },
      connectorApi: {
        newUserError: () => {
          const builder = {
            setText: (value: string) => ((text = value), builder),
            setDebugText: () => builder,
            throwException: (): never => {
              throw new Error('user error');
            },
          };
          return builder;
        },
      },
    } as unknown as Platform;
    expect(() =>
      runEntryPoint(
        'getData',
        () => {
          throw new TypeError('a bug');
        },
        () => platform,
      ),
    ).toThrow('user error');
    expect(troubleshooting).toContain(text);
  });
});
