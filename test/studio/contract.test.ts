import { rowPasses } from '../../sandbox/studio/filters';
import { addDays, dateIn, defaultDateRange, sampleDateRange } from '../../sandbox/studio/requests';
import type { DimensionsFilter, GetDataRequest, SchemaField } from '../../sandbox/studio/types';
import { configProblems, encodeAnswers } from '../../sandbox/studio/validate-config';
import { dataProblems } from '../../sandbox/studio/validate-data';
import { schemaProblems } from '../../sandbox/studio/validate-schema';
import { valueProblem } from '../../sandbox/studio/value-formats';

const field = (
  name: string,
  semanticType: string,
  dataType: SchemaField['dataType'] = 'STRING',
): SchemaField => ({
  name,
  label: name,
  dataType,
  semantics: { conceptType: dataType === 'NUMBER' ? 'METRIC' : 'DIMENSION', semanticType },
});

describe('row value formats per field type', () => {
  it.each([
    ['YEAR_MONTH_DAY', '20250228'],
    ['YEAR_MONTH_DAY_SECOND', '20250228235959'],
    ['YEAR_MONTH_DAY_MINUTE', '202502282359'],
    ['YEAR_MONTH', '202512'],
    ['YEAR_QUARTER', '20254'],
    ['DAY_OF_WEEK', '0'],
    ['MONTH_DAY', '0229'],
    ['NUMBER', 12.5],
    ['NUMBER', '-3.25'],
    ['CURRENCY_CAD', '99.95'],
    ['PERCENT', 1.37],
    ['DURATION', '3600'],
    ['BOOLEAN', true],
    ['BOOLEAN', 'false'],
    ['TEXT', 'Acme'],
    ['URL', 'https://secure.getjobber.com/invoices/1'],
    ['LATITUDE_LONGITUDE', '51.5074, -0.1278'],
    ['YEAR_MONTH_DAY', null],
    ['NUMBER', ''],
  ])('accept %s %j', (type, value) => {
    expect(valueProblem(type, value)).toBeNull();
  });

  it.each([
    ['YEAR_MONTH_DAY', '2025-02-28'],
    ['YEAR_MONTH_DAY', '20250230'],
    ['YEAR_MONTH_DAY', 20250228],
    ['YEAR_MONTH_DAY_SECOND', '2025022823595'],
    ['YEAR_MONTH_DAY_HOUR', '2025022824'],
    ['YEAR_MONTH', '202513'],
    ['DAY_OF_WEEK', '7'],
    ['NUMBER', '12,5'],
    ['NUMBER', '$12'],
    ['CURRENCY_USD', Number.NaN],
    ['BOOLEAN', 'yes'],
    ['TEXT', 12],
    ['URL', 'secure.getjobber.com'],
  ])('refuse %s %j', (type, value) => {
    expect(valueProblem(type, value)).toMatch(/is not a valid/);
  });
});

describe('dimension filters', () => {
  const values: Record<string, string | number> = { status: 'paid', total: 150, day: '20250310' };
  const valueOf = (name: string) => values[name];
  const filter = (
    fieldName: string,
    operator: DimensionsFilter['operator'],
    list: string[],
    type: 'INCLUDE' | 'EXCLUDE' = 'INCLUDE',
  ): DimensionsFilter => ({
    fieldName,
    operator,
    values: list,
    type,
  });

  it('AND the outer groups and OR the filters inside each', () => {
    expect(
      rowPasses(
        [[filter('status', 'EQUALS', ['paid'])], [filter('total', 'NUMERIC_GREATER_THAN', ['100'])]],
        valueOf,
      ),
    ).toBe(true);
    expect(
      rowPasses(
        [[filter('status', 'EQUALS', ['draft']), filter('status', 'IN_LIST', ['paid', 'sent'])]],
        valueOf,
      ),
    ).toBe(true);
    expect(
      rowPasses(
        [[filter('status', 'EQUALS', ['paid'])], [filter('total', 'NUMERIC_LESS_THAN', ['100'])]],
        valueOf,
      ),
    ).toBe(false);
  });

  it('apply EXCLUDE, ranges and regular expressions, and leave unknown fields undecided', () => {
    expect(rowPasses([[filter('status', 'CONTAINS', ['ai'], 'EXCLUDE')]], valueOf)).toBe(false);
    expect(rowPasses([[filter('day', 'BETWEEN', ['20250301', '20250331'])]], valueOf)).toBe(true);
    expect(rowPasses([[filter('status', 'REGEXP_EXACT_MATCH', ['pa.'])]], valueOf)).toBe(false);
    expect(rowPasses([[filter('status', 'REGEXP_PARTIAL_MATCH', ['pa.'])]], valueOf)).toBe(true);
    expect(rowPasses([[filter('client', 'IS_NULL', [])]], valueOf)).toBeUndefined();
  });
});

describe('config, schema and data checks', () => {
  it('find what Looker Studio would refuse in a config', () => {
    expect(configProblems({ configParams: [{ type: 'TEXTINPUT', name: 'a', displayName: 'A' }] })).toEqual(
      [],
    );
    expect(
      configProblems({
        configParams: [
          { type: 'DROPDOWN', name: 'a', displayName: 'A' },
          { type: 'SELECT_SINGLE', name: 'a', displayName: 'B', options: [] },
          { type: 'TEXTINPUT', name: 'c' },
        ],
        isSteppedConfig: 'yes',
      }),
    ).toEqual([
      'config "a" has an unknown type DROPDOWN',
      'config "a" appears twice',
      'config "a" is a select without options',
      'config "c" has no displayName',
      'isSteppedConfig is not a boolean',
    ]);
  });

  it('encode answers as Looker Studio sends them: strings, joined choices, checkbox booleans', () => {
    const config = {
      configParams: [
        {
          type: 'SELECT_MULTIPLE' as const,
          name: 'objects',
          displayName: 'O',
          options: [
            { label: 'A', value: 'a' },
            { label: 'B', value: 'b' },
          ],
        },
        { type: 'CHECKBOX' as const, name: 'archived', displayName: 'Archived' },
        { type: 'TEXTINPUT' as const, name: 'days', displayName: 'Days' },
      ],
    };
    expect(encodeAnswers(config, { objects: ['a', 'b'], archived: true, days: '30' })).toEqual({
      objects: 'a,b',
      archived: true,
      days: '30',
    });
  });

  it('find what Looker Studio would refuse in a schema', () => {
    expect(schemaProblems({ schema: [field('total', 'CURRENCY_USD', 'NUMBER')] })).toEqual([]);
    expect(
      schemaProblems({
        schema: [
          field('total', 'CURRENCY_USD', 'STRING'),
          field('total', 'MONEY'),
          { ...field('bad id', 'TEXT'), label: '' },
        ],
      }),
    ).toEqual([
      'field "total" has dataType STRING; CURRENCY_USD needs NUMBER',
      'field "total" appears twice',
      'field "total" has an unknown semanticType MONEY',
      'field 2 has no valid id: "bad id"',
      'field "bad id" has no label',
    ]);
  });

  it('require forFilterOnly fields unless filters were applied, and then rows that pass them', () => {
    const schema = [field('client', 'TEXT'), field('status', 'TEXT')];
    const request: GetDataRequest = {
      configParams: {},
      scriptParams: { lastRefresh: '1' },
      fields: [{ name: 'client' }, { name: 'status', forFilterOnly: true }],
      dimensionsFilters: [[{ fieldName: 'client', values: ['Acme'], type: 'INCLUDE', operator: 'EQUALS' }]],
    };
    const first = schema[0] as SchemaField;
    expect(
      dataProblems(request, { schema, rows: [{ values: ['Birch', 'paid'] }], filtersApplied: false }, schema),
    ).toEqual([]);
    expect(
      dataProblems(request, { schema: [first], rows: [{ values: ['Acme'] }], filtersApplied: true }, schema),
    ).toEqual([]);
    expect(
      dataProblems(request, { schema: [first], rows: [{ values: ['Birch'] }], filtersApplied: true }, schema),
    ).toEqual(['row 0 does not pass the filters, yet filtersApplied is true']);
    expect(dataProblems(request, { schema, rows: [], filtersApplied: true }, schema)).toEqual([
      'the schema lists [client, status]; the request asked for [client] in that order (forFilterOnly fields dropped, as filters were applied)',
    ]);
    expect(
      dataProblems(request, { schema: [{ ...first, dataType: 'NUMBER' }, schema[1]], rows: [] }, schema),
    ).toContain('field "client" differs from what getSchema declared');
  });
});

describe('date ranges', () => {
  it('default to the last 28 days without today, and sample one day two days back', () => {
    expect(defaultDateRange('2025-03-01')).toEqual({ startDate: '2025-02-01', endDate: '2025-02-28' });
    expect(sampleDateRange('2025-03-01')).toEqual({ startDate: '2025-02-27', endDate: '2025-02-27' });
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });

  it('take today in the report’s time zone', () => {
    const instant = Date.UTC(2025, 2, 15, 3);
    expect(dateIn(instant, 'UTC')).toBe('2025-03-15');
    expect(dateIn(instant, 'America/Denver')).toBe('2025-03-14');
  });
});
