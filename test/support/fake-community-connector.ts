/**
 * A small stand-in for DataStudioApp.createCommunityConnector() that builds the raw JSON Looker
 * Studio receives, for unit tests of getConfig and getSchema. (The end-to-end tests use the local
 * runtime's full implementation.)
 */
type Json = Record<string, unknown>;

const FIELD_TYPES = [
  'YEAR_MONTH_DAY',
  'YEAR_MONTH_DAY_SECOND',
  'DURATION',
  'COUNTRY',
  'REGION',
  'CITY',
  'LATITUDE_LONGITUDE',
  'NUMBER',
  'PERCENT',
  'TEXT',
  'BOOLEAN',
  'URL',
  'CURRENCY_USD',
  'CURRENCY_CAD',
  'CURRENCY_EUR',
  'CURRENCY_GBP',
  'CURRENCY_AUD',
] as const;
const AGGREGATIONS = [
  'AVG',
  'COUNT',
  'COUNT_DISTINCT',
  'MAX',
  'MIN',
  'SUM',
  'AUTO',
  'NO_AGGREGATION',
] as const;

const enumOf = (names: readonly string[]): Record<string, string> =>
  Object.fromEntries(names.map((name) => [name, name]));

function dataTypeOf(type: string): string {
  if (type === 'BOOLEAN') return 'BOOLEAN';
  if (['NUMBER', 'PERCENT', 'DURATION'].includes(type) || type.startsWith('CURRENCY_')) return 'NUMBER';
  return 'STRING';
}

class FakeField {
  readonly json: Json = {};
  constructor(readonly concept: 'DIMENSION' | 'METRIC') {}
  setId(id: string) {
    this.json['name'] = id;
    return this;
  }
  setName(name: string) {
    this.json['label'] = name;
    return this;
  }
  setDescription(text: string) {
    this.json['description'] = text;
    return this;
  }
  setGroup(group: string) {
    this.json['group'] = group;
    return this;
  }
  setType(type: string) {
    if (!FIELD_TYPES.includes(type as (typeof FIELD_TYPES)[number])) throw new Error(`unknown type ${type}`);
    this.json['dataType'] = dataTypeOf(type);
    this.json['semantics'] = { conceptType: this.concept, semanticType: type };
    return this;
  }
  setAggregation(aggregation: string) {
    this.json['defaultAggregationType'] = aggregation;
    return this;
  }
}

class FakeFields {
  private readonly list: FakeField[] = [];
  newDimension() {
    return this.add(new FakeField('DIMENSION'));
  }
  newMetric() {
    return this.add(new FakeField('METRIC'));
  }
  setDefaultDimension(id: string) {
    this.markDefault(id);
  }
  setDefaultMetric(id: string) {
    this.markDefault(id);
  }
  build(): Json[] {
    const ids = this.list.map((field) => field.json['name']);
    if (new Set(ids).size !== ids.length) throw new Error('a field id is used by more than one field');
    return this.list.map((field) => ({ ...field.json }));
  }
  private markDefault(id: string) {
    const field = this.list.find((candidate) => candidate.json['name'] === id);
    if (!field) throw new Error(`no field ${id}`);
    field.json['isDefault'] = true;
  }
  private add(field: FakeField) {
    this.list.push(field);
    return field;
  }
}

class FakeEntry {
  readonly json: Json;
  constructor(type: string) {
    this.json = { type };
  }
  setId(id: string) {
    this.json['name'] = id;
    return this;
  }
  setName(name: string) {
    this.json['displayName'] = name;
    return this;
  }
  setHelpText(text: string) {
    this.json['helpText'] = text;
    return this;
  }
  setText(text: string) {
    this.json['text'] = text;
    return this;
  }
  setPlaceholder(text: string) {
    this.json['placeholder'] = text;
    return this;
  }
  setIsDynamic(dynamic: boolean) {
    this.json['isDynamic'] = dynamic;
    return this;
  }
  setAllowOverride(allow: boolean) {
    this.json['parameterControl'] = { allowOverride: allow };
    return this;
  }
  addOption(option: FakeOption) {
    const options = (this.json['options'] as Json[] | undefined) ?? [];
    options.push(option.json);
    this.json['options'] = options;
    return this;
  }
}

class FakeOption {
  readonly json: Json = {};
  setLabel(label: string) {
    this.json['label'] = label;
    return this;
  }
  setValue(value: string) {
    this.json['value'] = value;
    return this;
  }
}

class FakeConfig {
  private readonly entries: FakeEntry[] = [];
  private dateRangeRequired = false;
  private stepped = false;
  newSelectSingle = () => this.add(new FakeEntry('SELECT_SINGLE'));
  newTextInput = () => this.add(new FakeEntry('TEXTINPUT'));
  newInfo = () => this.add(new FakeEntry('INFO'));
  newCheckbox = () => this.add(new FakeEntry('CHECKBOX'));
  newOptionBuilder = () => new FakeOption();
  setDateRangeRequired(required: boolean) {
    this.dateRangeRequired = required;
    return this;
  }
  setIsSteppedConfig(stepped: boolean) {
    this.stepped = stepped;
    return this;
  }
  build(): Json {
    return {
      configParams: this.entries.map((entry) => ({ ...entry.json })),
      dateRangeRequired: this.dateRangeRequired,
      isSteppedConfig: this.stepped,
    };
  }
  private add(entry: FakeEntry) {
    this.entries.push(entry);
    return entry;
  }
}

/** What a user error builder throws in this fake: the texts Looker Studio would show. */
export interface ThrownUserError {
  readonly text: string;
  readonly debugText: string;
}

function newUserError() {
  const error = { text: '', debugText: '' };
  const builder = {
    setText: (text: string) => ((error.text = text), builder),
    setDebugText: (text: string) => ((error.debugText = text), builder),
    throwException: (): never => {
      throw error satisfies ThrownUserError;
    },
  };
  return builder;
}

export function fakeCommunityConnector(): GoogleAppsScript.Data_Studio.CommunityConnector {
  const connector = {
    FieldType: enumOf(FIELD_TYPES),
    AggregationType: enumOf(AGGREGATIONS),
    AuthType: { OAUTH2: 'OAUTH2' },
    getFields: () => new FakeFields(),
    getConfig: () => new FakeConfig(),
    newAuthTypeResponse: () => ({ setAuthType: (type: string) => ({ build: () => ({ type }) }) }),
    newUserError,
  };
  return connector as unknown as GoogleAppsScript.Data_Studio.CommunityConnector;
}
