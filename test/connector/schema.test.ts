import { CATALOG } from '../../src/catalog/catalog';
import { createReportEntryPoints } from '../../src/connector/reports';
import { ConnectorError } from '../../src/errors';
import { reportPlatform } from '../support/report-platform';

interface FieldJson {
  name: string;
  label: string;
  description: string;
  group: string;
  dataType: string;
  isDefault?: boolean;
  defaultAggregationType?: string;
  semantics: { conceptType: string; semanticType: string };
}

function schemaOf(configParams: Record<string, string>): FieldJson[] {
  const reports = createReportEntryPoints({
    platform: reportPlatform(),
    jobberApi: () => fail('no Jobber call'),
  });
  return (reports.getSchema({ configParams }) as { schema: FieldJson[] }).schema;
}

function fail(reason: string): never {
  throw new Error(reason);
}

describe('getSchema', () => {
  it.each(CATALOG.map((object) => [object.id, object.fields.length]))(
    'describes every field of %s',
    (id, count) => {
      const schema = schemaOf({ object: String(id) });
      expect(schema).toHaveLength(Number(count));
      for (const field of schema) {
        expect(field.label.length).toBeGreaterThan(0);
        expect(field.description.length).toBeGreaterThan(0);
        expect(field.group.length).toBeGreaterThan(0);
      }
      expect(schema.filter((field) => field.isDefault)).toHaveLength(2);
    },
  );

  it('types each field for Looker Studio, money in the chosen currency', () => {
    const byName = new Map(
      schemaOf({ object: 'invoices', currency: 'CAD' }).map((field) => [field.name, field]),
    );
    expect(byName.get('total')?.semantics).toEqual({ conceptType: 'METRIC', semanticType: 'CURRENCY_CAD' });
    expect(byName.get('total')?.defaultAggregationType).toBe('SUM');
    expect(byName.get('issuedDate')?.semantics.semanticType).toBe('YEAR_MONTH_DAY');
    expect(byName.get('createdAt')?.semantics.semanticType).toBe('YEAR_MONTH_DAY_SECOND');
    expect(byName.get('isOverdue')?.dataType).toBe('BOOLEAN');
    expect(byName.get('jobberWebUri')?.semantics.semanticType).toBe('URL');
    expect(byName.get('billingCity')?.semantics.semanticType).toBe('CITY');
    expect(byName.get('daysToPay')?.defaultAggregationType).toBe('AVG');
    expect(byName.get('issuedDate')?.isDefault).toBe(true);
    const visits = new Map(schemaOf({ object: 'visits' }).map((field) => [field.name, field]));
    expect(visits.get('visitDuration')?.semantics.semanticType).toBe('DURATION');
    const quotes = new Map(schemaOf({ object: 'quotes' }).map((field) => [field.name, field]));
    expect(quotes.get('closeRate')?.semantics.semanticType).toBe('PERCENT');
  });

  it('refuses an unknown object with a user error', () => {
    expect(() => schemaOf({ object: 'spaceships' })).toThrow(ConnectorError);
  });
});
