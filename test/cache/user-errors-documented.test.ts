/** Every user error the report cache raises has an entry in docs/troubleshooting.md. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createReportCache } from '../../src/cache';
import { ConnectorError } from '../../src/errors';
import { ROOT } from '../support/paths';
import { FakeUser } from '../support/fake-user';
import { PeerExecution } from './peers';
import { ALL_FIELDS, INVOICES_Q1, invoices, recordingFetch } from './report-data';

const troubleshooting = readFileSync(join(ROOT, 'docs', 'troubleshooting.md'), 'utf8');

describe('troubleshooting', () => {
  it('documents the error of a chart that waited too long for another chart’s fetch', () => {
    const user = new FakeUser();
    new PeerExecution(user, INVOICES_Q1).lead(ALL_FIELDS, 'fetching');
    let thrown: unknown;
    try {
      createReportCache(user.execution()).getOrFetch(
        INVOICES_Q1,
        ['total'],
        recordingFetch(invoices(3)).fetch,
        {
          deadline: user.clock.now() + 1_000,
        },
      );
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(ConnectorError);
    expect(troubleshooting).toContain((thrown as ConnectorError).userText);
  });
});
