/** Catalog fields → Looker Studio field JSON, through the connector's own field builder. */
import type { CatalogObject, FieldDef } from '../catalog';
import type { Currency } from './currencies';

type Connector = GoogleAppsScript.Data_Studio.CommunityConnector;
type LookerFieldType = keyof typeof GoogleAppsScript.Data_Studio.FieldType;

/** The Looker field type of a catalog field in a report of the given currency. */
export function lookerType(field: FieldDef, currency: Currency): LookerFieldType {
  return field.type === 'CURRENCY' ? `CURRENCY_${currency}` : field.type;
}

/** Field JSON for the given fields, in their order (a field asked for twice appears twice). */
export function fieldsJson(
  connector: Connector,
  fields: readonly FieldDef[],
  currency: Currency,
  defaults?: Pick<CatalogObject, 'defaultDimension' | 'defaultMetric'>,
): unknown[] {
  const builder = connector.getFields();
  for (const field of new Set(fields)) {
    const built = (field.concept === 'METRIC' ? builder.newMetric() : builder.newDimension())
      .setId(field.id)
      .setName(field.label)
      .setDescription(field.description)
      .setGroup(field.group)
      .setType(connector.FieldType[lookerType(field, currency)]);
    if (field.aggregation) built.setAggregation(connector.AggregationType[field.aggregation]);
  }
  if (defaults) {
    builder.setDefaultDimension(defaults.defaultDimension);
    builder.setDefaultMetric(defaults.defaultMetric);
  }
  return orderedLike(fields, builder.build() as unknown[]);
}

/** The builder's output in the order of `fields` (the order Looker Studio asked for). */
function orderedLike(fields: readonly FieldDef[], built: readonly unknown[]): unknown[] {
  const byName = new Map<string, unknown>();
  for (const entry of built) {
    const name = typeof entry === 'object' && entry !== null ? (entry as { name?: unknown }).name : undefined;
    if (typeof name === 'string') byName.set(name, entry);
  }
  return fields.map((field) => {
    const entry = byName.get(field.id);
    if (entry === undefined) throw new Error(`The field builder lost field ${field.id}`);
    return entry;
  });
}

export function schemaResponse(
  connector: Connector,
  object: CatalogObject,
  currency: Currency,
): { schema: unknown[] } {
  return { schema: fieldsJson(connector, object.fields, currency, object) };
}
