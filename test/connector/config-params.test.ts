import { parseReportConfig } from '../../src/connector/config-params';
import { ConnectorError } from '../../src/errors';

function userError(params: Record<string, unknown>): ConnectorError {
  try {
    parseReportConfig(params);
  } catch (error) {
    if (error instanceof ConnectorError) return error;
    throw error;
  }
  throw new Error('expected a user error');
}

describe('the data source configuration', () => {
  it('defaults to the object’s first date, USD and 15 minutes', () => {
    const config = parseReportConfig({ object: 'invoices' });
    expect(config.object.id).toBe('invoices');
    expect(config.dateOption?.fieldId).toBe('issuedDate');
    expect(config.currency).toBe('USD');
    expect(config.cacheMinutes).toBe(15);
  });

  it('reads every option', () => {
    const config = parseReportConfig({
      object: 'jobs',
      dateField: 'completedAt',
      currency: 'CAD',
      cacheMinutes: '0',
    });
    expect(config.dateOption?.filterArgument).toBe('completedAt');
    expect(config.currency).toBe('CAD');
    expect(config.cacheMinutes).toBe(0);
    expect(parseReportConfig({ object: 'jobs', dateField: 'allTime' }).dateOption).toBeUndefined();
    expect(parseReportConfig({ object: 'users' }).dateOption).toBeUndefined();
  });

  it('refuses a missing or unknown object with a next step', () => {
    expect(userError({}).userText).toMatch(/choose what to report on/);
    const unknown = userError({ object: 'spaceships' });
    expect(unknown.code).toBe('INVALID_REQUEST');
    expect(unknown.userText).toMatch(/"spaceships".*choose one of the listed objects/);
  });

  it('refuses dates, currencies and cache times it cannot honour', () => {
    expect(userError({ object: 'invoices', dateField: 'startAt' }).userText).toMatch(
      /not one of the dates this data source can filter by \(Invoices\)/,
    );
    expect(userError({ object: 'invoices', currency: 'XYZ' }).userText).toMatch(/currency/);
    for (const minutes of ['-1', '361', 'soon', '1.5', '9999'])
      expect(userError({ object: 'invoices', cacheMinutes: minutes }).userText).toMatch(/0 to 360/);
    expect(parseReportConfig({ object: 'invoices', cacheMinutes: ' 360 ' }).cacheMinutes).toBe(360);
  });
});
