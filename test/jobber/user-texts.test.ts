import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { authPageHtml, type AuthOutcome } from '../../src/auth/pages';
import {
  JobberFailure,
  accountInactive,
  appDisconnected,
  clientRejected,
  failureToConnectorError,
  lockUnavailable,
  queryTooWide,
  refreshTooLate,
  rangeTooLarge,
  reconnectRequired,
  setupIncomplete,
  timeBudgetExceeded,
  type ConnectorError,
  type JobberFailureKind,
} from '../../src/errors';
import { RETRY_TABLE } from '../../src/jobber/retry-policy';
import { ROOT } from '../support/paths';

const troubleshooting = readFileSync(join(ROOT, 'docs', 'troubleshooting.md'), 'utf8');

const accessErrors: Array<[string, ConnectorError]> = [
  ['reconnectRequired', reconnectRequired('')],
  ['appDisconnected', appDisconnected('')],
  ['accountInactive', accountInactive('')],
  ['setupIncomplete', setupIncomplete(['JOBBER_CLIENT_ID'])],
  ['clientRejected', clientRejected('')],
  ['timeBudgetExceeded', timeBudgetExceeded(300_000, '')],
  ['rangeTooLarge', rangeTooLarge(300_000, 50_162, 26_000, '')],
  ['queryTooWide', queryTooWide(20_000, 10_000)],
  ['lockUnavailable', lockUnavailable('')],
  ['refreshTooLate', refreshTooLate('')],
  ...(Object.keys(RETRY_TABLE) as JobberFailureKind[]).map((kind): [string, ConnectorError] => [
    kind,
    failureToConnectorError(new JobberFailure(kind, 'x')),
  ]),
];

describe('every Jobber access message a user can see', () => {
  it.each(accessErrors)('%s is listed in docs/troubleshooting.md', (_name, error) => {
    expect(troubleshooting).toContain(error.userText.slice(0, 40));
  });

  it('lists the refusal of a date range that holds too many records with its own explanation', () => {
    const text = rangeTooLarge(300_000, 50_162, 26_000, '').userText;
    expect(text).toContain('holds 50,162 records, and at most about 26,000 can be read');
    expect(troubleshooting).toContain(text.replace(/\d[\d,]*/g, '…').split('. Nothing')[0]);
  });

  it.each(accessErrors)('%s names a next step', (_name, error) => {
    expect(error.userText).toMatch(/reconnect|refresh|remove|administrator|report it|wait|choose|click/i);
  });

  it.each<AuthOutcome>(['connected', 'denied', 'failed', 'setup'])('the %s page is listed', (outcome) => {
    const heading = /<h1>(.*)<\/h1>/.exec(authPageHtml(outcome))?.[1] ?? '';
    if (outcome !== 'connected') expect(troubleshooting).toContain(`Page "${heading}"`);
  });
});
