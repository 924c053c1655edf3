import type { Runtime } from '../../sandbox/runtime';
import { ALICE, runtimeFor } from './support/scripts';

const SCRIPT = `
var cc = DataStudioApp.createCommunityConnector();
function attempt(action) { try { return action(); } catch (e) { return String(e); } }
function authType() { return cc.newAuthTypeResponse().setAuthType(cc.AuthType.OAUTH2).build(); }
function config() {
  var config = cc.getConfig();
  config.newInfo().setId('intro').setText('Connect Jobber');
  config.newSelectSingle().setId('object').setName('Object').setHelpText('What to report on').setAllowOverride(true)
    .addOption(config.newOptionBuilder().setLabel('Invoices').setValue('invoices'))
    .addOption(config.newOptionBuilder().setLabel('Jobs').setValue('jobs'));
  config.newTextInput().setId('days').setName('Days').setPlaceholder('30');
  config.newCheckbox().setId('archived').setName('Include archived');
  config.setDateRangeRequired(true).setIsSteppedConfig(false);
  return config.build();
}
function fields() {
  var f = cc.getFields();
  f.newDimension().setId('issued').setName('Issued').setType(cc.FieldType.YEAR_MONTH_DAY).setGroup('Dates');
  f.newMetric().setId('total').setName('Total').setType(cc.FieldType.CURRENCY_USD).setAggregation(cc.AggregationType.SUM)
    .setDescription('Before tax').setIsReaggregatable(true);
  f.newDimension().setId('minute').setName('Minute').setType(cc.FieldType.YEAR_MONTH_DAY_MINUTE).setIsHidden(true);
  f.newMetric().setId('paid').setName('Paid').setType(cc.FieldType.BOOLEAN).setFormula('$total > 0');
  f.setDefaultDimension('issued');
  f.setDefaultMetric('total');
  return f;
}
function schema() { return cc.newGetSchemaResponse().setFields(fields()).build(); }
function schemaOfIds(ids) { return cc.newGetSchemaResponse().setFields(fields().forIds(ids)).build(); }
function data() {
  return cc.newGetDataResponse().setFields(fields().forIds(['issued', 'total']))
    .addRow(['20250101', '12.5']).addAllRows([['20250102', '3']]).setFiltersApplied(false).build();
}
function getters() {
  var field = fields().getFieldById('total');
  return [field.getId(), field.getName(), String(field.getType()), String(field.getAggregation()), field.isMetric(),
    field.isDimension(), field.isDefault(), fields().getDefaultDimension().getId(), String(cc.FieldType.NUMBER)];
}
function rejections() {
  return {
    duplicateField: attempt(function () { var f = cc.getFields(); f.newDimension().setId('a').setName('A').setType(cc.FieldType.TEXT);
      f.newMetric().setId('a').setName('A2').setType(cc.FieldType.NUMBER); return f.build(); }),
    missingType: attempt(function () { var f = cc.getFields(); f.newDimension().setId('a').setName('A'); return f.build(); }),
    missingId: attempt(function () { var f = cc.getFields(); f.newDimension().setName('A').setType(cc.FieldType.TEXT); return f.build(); }),
    stringType: attempt(function () { return cc.getFields().newDimension().setType('TEXT'); }),
    unknownAggregation: attempt(function () { return cc.getFields().newMetric().setAggregation('MEDIAN'); }),
    unknownAuthType: attempt(function () { return cc.newAuthTypeResponse().setAuthType('OAUTH3').build(); }),
    noAuthType: attempt(function () { return cc.newAuthTypeResponse().build(); }),
    duplicateConfig: attempt(function () { var c = cc.getConfig(); c.newTextInput().setId('x').setName('X'); c.newTextArea().setId('x').setName('Y'); return c.build(); }),
    selectWithoutOptions: attempt(function () { var c = cc.getConfig(); c.newSelectMultiple().setId('x').setName('X'); return c.build(); }),
    unnamedInput: attempt(function () { var c = cc.getConfig(); c.newTextInput().setId('x'); return c.build(); }),
    nonStringRow: attempt(function () { return cc.newGetDataResponse().addRow(['a', 1]); }),
    wrongRowWidth: attempt(function () { return cc.newGetDataResponse().setFields(fields().forIds(['issued'])).addRow(['a', 'b']).build(); }),
    unknownId: attempt(function () { return fields().forIds(['nope']); }),
    bigQuery: attempt(function () { return cc.newBigQueryConfig(); }),
  };
}
`;

describe('DataStudioApp.createCommunityConnector()', () => {
  let runtime: Runtime;
  beforeAll(() => {
    runtime = runtimeFor(SCRIPT);
  });
  afterAll(() => runtime.close());

  it('builds the auth type response', async () => {
    expect((await runtime.run(ALICE, 'authType')).value).toEqual({ type: 'OAUTH2' });
  });

  it('builds the config Looker Studio receives', async () => {
    expect((await runtime.run(ALICE, 'config')).value).toEqual({
      configParams: [
        { type: 'INFO', name: 'intro', text: 'Connect Jobber' },
        {
          type: 'SELECT_SINGLE',
          name: 'object',
          displayName: 'Object',
          helpText: 'What to report on',
          parameterControl: { allowOverride: true },
          options: [
            { label: 'Invoices', value: 'invoices' },
            { label: 'Jobs', value: 'jobs' },
          ],
        },
        { type: 'TEXTINPUT', name: 'days', displayName: 'Days', placeholder: '30' },
        { type: 'CHECKBOX', name: 'archived', displayName: 'Include archived' },
      ],
      dateRangeRequired: true,
      isSteppedConfig: false,
    });
  });

  it('builds field JSON with data types derived from semantic types', async () => {
    expect((await runtime.run(ALICE, 'schema')).value).toEqual({
      schema: [
        {
          name: 'issued',
          label: 'Issued',
          dataType: 'STRING',
          group: 'Dates',
          isDefault: true,
          semantics: { conceptType: 'DIMENSION', semanticType: 'YEAR_MONTH_DAY' },
        },
        {
          name: 'total',
          label: 'Total',
          dataType: 'NUMBER',
          description: 'Before tax',
          defaultAggregationType: 'SUM',
          isDefault: true,
          semantics: { conceptType: 'METRIC', semanticType: 'CURRENCY_USD', isReaggregatable: true },
        },
        {
          name: 'minute',
          label: 'Minute',
          dataType: 'STRING',
          isHidden: true,
          semantics: { conceptType: 'DIMENSION', semanticType: 'YEAR_MONTH_DAY_MINUTE' },
        },
        {
          name: 'paid',
          label: 'Paid',
          dataType: 'BOOLEAN',
          formula: '$total > 0',
          semantics: { conceptType: 'METRIC', semanticType: 'BOOLEAN' },
        },
      ],
    });
  });

  it('keeps declaration order in forIds, whatever order the ids come in', async () => {
    const result = (await runtime.run(ALICE, 'schemaOfIds', ['total', 'issued'])).value as {
      schema: Array<{ name: string }>;
    };
    expect(result.schema.map((field) => field.name)).toEqual(['issued', 'total']);
  });

  it('builds getData responses with string rows', async () => {
    const result = (await runtime.run(ALICE, 'data')).value as Record<string, unknown>;
    expect(result.rows).toEqual([{ values: ['20250101', '12.5'] }, { values: ['20250102', '3'] }]);
    expect(result.filtersApplied).toBe(false);
    expect((result.schema as unknown[]).length).toBe(2);
  });

  it('answers getters with enum members', async () => {
    expect((await runtime.run(ALICE, 'getters')).value).toEqual([
      'total',
      'Total',
      'CURRENCY_USD',
      'SUM',
      true,
      false,
      true,
      'issued',
      'NUMBER',
    ]);
  });

  it('rejects what Looker Studio rejects', async () => {
    expect((await runtime.run(ALICE, 'rejections')).value).toEqual({
      duplicateField: 'Exception: Invalid fields: the id "a" is used by more than one field.',
      missingType: 'Exception: Invalid field "a": it needs a type (setType).',
      missingId: 'Exception: Invalid field: every field needs an id (setId).',
      stringType: 'Exception: Invalid argument: type (TEXT is not a FieldType)',
      unknownAggregation: 'Exception: Invalid argument: aggregation (MEDIAN is not an AggregationType)',
      unknownAuthType: 'Exception: Invalid argument: authType (OAUTH3 is not an AuthType)',
      noAuthType: 'Exception: Invalid auth type response: setAuthType was not called.',
      duplicateConfig: 'Exception: Invalid config: the id "x" is used twice.',
      selectWithoutOptions: 'Exception: Invalid config "x": a select needs options.',
      unnamedInput: 'Exception: Invalid config "x": it needs a name (setName).',
      nonStringRow: 'Exception: Invalid argument: row (an array of strings)',
      wrongRowWidth: 'Exception: Invalid data response: row 0 has 2 values for 1 fields.',
      unknownId: 'Exception: Invalid argument: no field with id "nope"',
      bigQuery: 'Exception: BigQuery configs are not available in the local runtime.',
    });
  });
});
