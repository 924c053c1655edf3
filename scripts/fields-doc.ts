/**
 * Writes docs/fields.md from the catalog: every object, its date options and every field (id,
 * label, type, dimension or metric, aggregation, group, description). Run `npm run docs`; a test
 * fails when the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../sandbox/paths';
import { CATALOG } from '../src/catalog/catalog';
import { enumEntries, filterableValues, type EnumName } from '../src/catalog/enums';
import type { CatalogObject, FieldDef, FieldType } from '../src/catalog/types';
import { ALL_TIME, CONFIG_IDS } from '../src/connector/config-params';

export const FIELDS_DOC_PATH = join(REPO_ROOT, 'docs', 'fields.md');

const TYPE_NAMES: Readonly<Record<FieldType, string>> = {
  TEXT: 'Text',
  NUMBER: 'Number',
  BOOLEAN: 'Boolean',
  PERCENT: 'Percent',
  DURATION: 'Duration (seconds)',
  CURRENCY: 'Currency (the data source’s)',
  URL: 'URL',
  CITY: 'City',
  REGION: 'Region',
  COUNTRY: 'Country',
  LATITUDE_LONGITUDE: 'Latitude, longitude',
  YEAR_MONTH_DAY: 'Date (YYYYMMDD)',
  YEAR_MONTH_DAY_SECOND: 'Date & time (YYYYMMDDHHmmss)',
};

export function renderFieldsDoc(): string {
  const fieldCount = CATALOG.reduce((sum, object) => sum + object.fields.length, 0);
  return [
    '# Fields',
    '',
    '<!-- Generated from src/catalog by `npm run docs`. Do not edit by hand: a test fails when this file is stale. -->',
    '',
    `Every field of the ${CATALOG.length} Jobber objects (${fieldCount} fields). Field ids are a public contract:`,
    'reports store them, so they never change once released. Dates and times are in the Jobber account’s time',
    'zone. Money fields use the currency chosen in the data source.',
    '',
    ...CATALOG.map((object) => `- [${object.label}](#${object.id.toLowerCase()}) (\`${object.id}\`)`),
    '',
    ...CATALOG.flatMap(renderObject),
    ...renderEnums(),
  ].join('\n');
}

function renderObject(object: CatalogObject): string[] {
  return [
    `## ${object.label} <a id="${object.id.toLowerCase()}"></a>`,
    '',
    `${object.description} Config value \`${CONFIG_IDS.object}=${object.id}\`.`,
    '',
    `- Date range applies to (\`${CONFIG_IDS.dateField}\`): ${dateOptions(object)}`,
    `- Default dimension: \`${object.defaultDimension}\`; default metric: \`${object.defaultMetric}\``,
    `- Filters Jobber applies itself (exact matches): ${pushdownFields(object)}`,
    `- Private copy ([replica.md](replica.md)): ${copyFreshness(object)}`,
    '',
    '| Field id | Label | Type | Kind | Aggregation | Group | Description |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...object.fields.map(renderField),
    '',
  ];
}

function dateOptions(object: CatalogObject): string {
  if (object.dateOptions.length === 0)
    return 'none (Jobber has no date to filter on; reports show every record)';
  const options = object.dateOptions.map((option) => `\`${option.fieldId}\` (${option.label})`);
  if (object.allTime) options.push(`\`${ALL_TIME}\` (all time: no date range)`);
  return `${options.join(', ')}; default \`${object.dateOptions[0]?.fieldId ?? ''}\``;
}

/**
 * How current the private copy's rows are for this object: what shows at the next view, and the
 * bound for what does not move the record's own change signal.
 */
function copyFreshness(object: CatalogObject): string {
  const replication = object.replication;
  if (!replication)
    return 'none; every request reads Jobber live (Jobber offers no way to see what changed).';
  const { changes } = replication;
  if (changes.kind === 'everything') return 'read whole again at every view (few records): never stale.';
  const clock = (replication.clockFilters ?? []).map((argument) => `\`${argument}\``);
  const atNextView =
    changes.kind === 'since'
      ? `records whose ${changes.arguments.map((argument) => `\`${argument}\``).join(' or ')} moved since the last view`
      : changes.kind === 'newestFirst'
        ? `records Jobber lists as updated since the last view (newest first by \`${changes.dateField}\`)`
        : 'new and edited records (Jobber lists them newest first by last update, without a date to compare: the ' +
          'read stops at a page of 100 records that are all unchanged)';
  return [
    `${atNextView} show at the next view`,
    clock.length > 0
      ? `, as do records whose ${clock.join(', ')} passed since (statuses Jobber derives from the clock)`
      : '',
    '; deletions within the data source\'s "Look for deleted records every" interval (60 minutes by default) or at ',
    "once with Looker Studio's Refresh data; values read through related records (a client's name) and values Jobber ",
    'computes from other records (balances, totals, statuses) follow when the record itself changes, and at the ',
    "daily re-read otherwise (it spreads over views, at most 2,000 of Jobber's points per view).",
  ].join('');
}

function pushdownFields(object: CatalogObject): string {
  const fields = object.fields.filter((field) => field.pushdown).map((field) => `\`${field.id}\``);
  return fields.length > 0 ? fields.join(', ') : 'none';
}

function renderField(field: FieldDef): string {
  const cells = [
    `\`${field.id}\``,
    field.label,
    TYPE_NAMES[field.type],
    field.concept === 'METRIC' ? 'Metric' : 'Dimension',
    field.aggregation ?? '',
    field.group,
    field.description +
      (field.enumName ? ` Values: see [${field.enumName}](#${field.enumName.toLowerCase()}).` : ''),
  ];
  return `| ${cells.map(escapeCell).join(' | ')} |`;
}

function renderEnums(): string[] {
  const names = [
    ...new Set(CATALOG.flatMap((object) => object.fields.map((field) => field.enumName))),
  ].filter((name): name is EnumName => name !== undefined);
  return [
    '## Enum labels',
    '',
    'Jobber’s enum values are shown by these labels. A value Jobber adds later is shown by a readable form of',
    'its name. Filters on values marked "shown only" are applied by Looker Studio, not sent to Jobber.',
    '',
    ...names.flatMap((name) => [
      `### ${name} <a id="${name.toLowerCase()}"></a>`,
      '',
      '| Jobber value | Label |',
      '| --- | --- |',
      ...enumEntries(name).map(
        ([value, label]) =>
          `| \`${value}\` | ${escapeCell(label)}${filterableValues(name).includes(value) ? '' : ' (shown only)'} |`,
      ),
      '',
    ]),
  ];
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

if (require.main === module) {
  writeFileSync(FIELDS_DOC_PATH, renderFieldsDoc());
  console.log(`Wrote ${FIELDS_DOC_PATH}`);
}
