import { buildConfig } from '../../src/connector/config';
import { fakeCommunityConnector } from '../support/fake-community-connector';

interface ConfigEntry {
  type: string;
  name: string;
  helpText?: string;
  text?: string;
  isDynamic?: boolean;
  options?: Array<{ label: string; value: string }>;
}
interface ConfigJson {
  configParams: ConfigEntry[];
  dateRangeRequired: boolean;
  isSteppedConfig: boolean;
}

function config(configParams?: Record<string, string>): ConfigJson {
  return buildConfig(fakeCommunityConnector(), { languageCode: 'en', configParams }) as ConfigJson;
}

const entry = (json: ConfigJson, name: string): ConfigEntry | undefined =>
  json.configParams.find((candidate) => candidate.name === name);

describe('getConfig', () => {
  it('first asks only which Jobber object to report on, offering all 15', () => {
    const first = config();
    expect(first.isSteppedConfig).toBe(true);
    expect(first.configParams.map((candidate) => candidate.name)).toEqual(['object']);
    const object = entry(first, 'object');
    expect(object?.isDynamic).toBe(true);
    expect(object?.options).toHaveLength(15);
    expect(object?.options?.[0]).toEqual({ label: 'Invoices', value: 'invoices' });
  });

  it('then offers the object’s dates, "all time", the currency, the cache time and the private copy, and requires a date range', () => {
    const second = config({ object: 'invoices' });
    expect(second.isSteppedConfig).toBe(false);
    expect(second.dateRangeRequired).toBe(true);
    expect(second.configParams.map((candidate) => candidate.name)).toEqual([
      'object',
      'dateField',
      'currency',
      'cacheMinutes',
      'privateCopy',
      'reconcileMinutes',
    ]);
    expect(entry(second, 'privateCopy')?.options?.map((option) => option.value)).toEqual(['true', 'false']);
    expect(entry(second, 'dateField')?.options?.map((option) => option.value)).toEqual([
      'issuedDate',
      'dueDate',
      'createdAt',
      'updatedAt',
      'allTime',
    ]);
    expect(entry(second, 'dateField')?.isDynamic).toBe(true);
    expect(entry(second, 'currency')?.options?.[0]).toEqual({ label: 'USD', value: 'USD' });
  });

  it('offers no private copy for objects kept live only (properties)', () => {
    const names = config({ object: 'properties' }).configParams.map((candidate) => candidate.name);
    expect(names).not.toContain('privateCopy');
  });

  it('needs no date range for "all time"', () => {
    expect(config({ object: 'invoices', dateField: 'allTime' }).dateRangeRequired).toBe(false);
    expect(config({ object: 'invoices', dateField: 'dueDate' }).dateRangeRequired).toBe(true);
  });

  it('explains that objects without dates ignore the date range', () => {
    const products = config({ object: 'products' });
    expect(products.dateRangeRequired).toBe(false);
    expect(entry(products, 'dateField')).toBeUndefined();
    expect(entry(products, 'dateInfo')?.text).toMatch(/no date/);
  });

  it('stays on the first step for an unknown object', () => {
    expect(config({ object: 'spaceships' }).isSteppedConfig).toBe(true);
  });

  it('gives every option help text and answers the same question the same way', () => {
    const second = config({ object: 'visits' });
    for (const option of second.configParams.filter((candidate) => candidate.type !== 'INFO'))
      expect(option.helpText?.length).toBeGreaterThan(20);
    expect(config({ object: 'visits' })).toEqual(second);
  });
});
