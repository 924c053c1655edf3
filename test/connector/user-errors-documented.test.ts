/** Every user error the report code raises has an entry in docs/troubleshooting.md. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDataRequest } from '../../src/connector/data-request';
import { ConnectorError } from '../../src/errors';
import { ROOT } from '../support/paths';

const troubleshooting = readFileSync(join(ROOT, 'docs', 'troubleshooting.md'), 'utf8');

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

/** The longest part of a message that does not depend on the request (values are quoted). */
function fixedPart(text: string): string {
  return text
    .split(/"[^"]*"|\([^)]*\)/)
    .flatMap((part) => part.split(/\.(?: |$)/))
    .map((sentence) => sentence.trim())
    .reduce((longest, sentence) => (sentence.length > longest.length ? sentence : longest), '');
}

describe('troubleshooting', () => {
  it.each(Object.entries(MALFORMED))('documents the error for %s', (_case, request) => {
    const text = userTextFor(request);
    expect(fixedPart(text).length).toBeGreaterThan(12);
    expect(troubleshooting).toContain(fixedPart(text));
  });
});
