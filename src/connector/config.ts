/**
 * getConfig, in two steps: first the Jobber object, then the object's date options, the currency
 * and how long to keep data. The date choice is dynamic because it decides whether the report needs
 * a date range ("all time" does not).
 */
import { CATALOG } from '../catalog';
import type { CatalogObject } from '../catalog';
import {
  ALL_TIME,
  CONFIG_IDS,
  DEFAULT_CACHE_MINUTES,
  MAX_CACHE_MINUTES,
  DEFAULT_RECONCILE_MINUTES,
  RECONCILE_MINUTES_RANGE,
  chosenObject,
  configParamsOf,
  parseDateOption,
} from './config-params';
import { CURRENCIES } from './currencies';

type Connector = GoogleAppsScript.Data_Studio.CommunityConnector;
type Config = GoogleAppsScript.Data_Studio.Config;

export function buildConfig(connector: Connector, request: unknown): unknown {
  const params = configParamsOf(request);
  const config = connector.getConfig();
  addObjectChoice(config);
  const object = chosenObject(params);
  if (!object) return config.setIsSteppedConfig(true).build();
  const dateOption = addDateChoice(config, object, params[CONFIG_IDS.dateField]);
  addCurrencyChoice(config);
  addCacheChoice(config);
  if (object.replication) addPrivateCopyChoices(config);
  return config.setDateRangeRequired(dateOption).setIsSteppedConfig(false).build();
}

function addObjectChoice(config: Config): void {
  const select = config
    .newSelectSingle()
    .setId(CONFIG_IDS.object)
    .setName('Jobber data')
    .setHelpText(
      'What this data source reports on. Each row is one record of this kind; line items carry their invoice, quote or job.',
    )
    .setIsDynamic(true);
  for (const object of CATALOG)
    select.addOption(config.newOptionBuilder().setLabel(object.label).setValue(object.id));
}

/** Adds the date choice for dated objects; returns whether the report needs a date range. */
function addDateChoice(config: Config, object: CatalogObject, chosen: unknown): boolean {
  if (object.dateOptions.length === 0) {
    config
      .newInfo()
      .setId('dateInfo')
      .setText(
        `${object.label} have no date Jobber can filter on: reports show all of them, whatever the date range.`,
      );
    return false;
  }
  const [first] = object.dateOptions;
  const select = config
    .newSelectSingle()
    .setId(CONFIG_IDS.dateField)
    .setName('Date range applies to')
    .setHelpText(
      `Which date of each record the report's date range filters on (default: ${first?.label ?? 'the first one'}).` +
        (object.allTime ? ' "All time" ignores the date range and reads every record.' : ''),
    )
    .setIsDynamic(true);
  for (const option of object.dateOptions)
    select.addOption(config.newOptionBuilder().setLabel(option.label).setValue(option.fieldId));
  if (object.allTime) select.addOption(config.newOptionBuilder().setLabel('All time').setValue(ALL_TIME));
  return chosenDateIsRange(object, chosen);
}

function chosenDateIsRange(object: CatalogObject, chosen: unknown): boolean {
  try {
    return parseDateOption(object, chosen) !== undefined;
  } catch {
    return true; // an unknown value is reported by getSchema/getData; until then ask for a range
  }
}

function addCurrencyChoice(config: Config): void {
  const select = config
    .newSelectSingle()
    .setId(CONFIG_IDS.currency)
    .setName('Currency')
    .setHelpText('The currency of your Jobber account, used to format money fields (default: USD).');
  for (const code of CURRENCIES) select.addOption(config.newOptionBuilder().setLabel(code).setValue(code));
}

function addCacheChoice(config: Config): void {
  config
    .newTextInput()
    .setId(CONFIG_IDS.cacheMinutes)
    .setName('Keep data for (minutes)')
    .setHelpText(
      `How long charts reuse data already read from Jobber before asking again: 0 to ${MAX_CACHE_MINUTES} ` +
        `(default ${DEFAULT_CACHE_MINUTES}). Refreshing the report's data always reads Jobber again.`,
    )
    .setPlaceholder(String(DEFAULT_CACHE_MINUTES));
}

function addPrivateCopyChoices(config: Config): void {
  config
    .newSelectSingle()
    .setId(CONFIG_IDS.privateCopy)
    .setName(
      'Keep a private copy of your Jobber records in your Google Drive (faster; needed for long ranges)',
    )
    .setHelpText(
      'Yes (the default): records read from Jobber are kept in a hidden folder of your own Google Drive ' +
        'that only this connector can see, and each chart asks Jobber only for what changed. No: every ' +
        'chart reads Jobber again. Resetting the connection deletes the copy.',
    )
    .addOption(config.newOptionBuilder().setLabel('Yes').setValue('true'))
    .addOption(config.newOptionBuilder().setLabel('No: read Jobber live only').setValue('false'));
  config
    .newTextInput()
    .setId(CONFIG_IDS.reconcileMinutes)
    .setName('Look for deleted records every (minutes)')
    .setHelpText(
      `With a private copy: how often to check which records were deleted in Jobber, ` +
        `${RECONCILE_MINUTES_RANGE.min} to ${RECONCILE_MINUTES_RANGE.max} (default ${DEFAULT_RECONCILE_MINUTES}). ` +
        "Refreshing the report's data always checks.",
    )
    .setPlaceholder(String(DEFAULT_RECONCILE_MINUTES));
}
