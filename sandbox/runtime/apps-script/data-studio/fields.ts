import { exception } from '../bridge';
import { memberName } from '../enums';
import { AggregationType, FieldType, dataTypeOf, type FieldTypeName } from './types';

type ConceptType = 'DIMENSION' | 'METRIC';

/** One field of a connector's schema, built with setters as in DataStudioApp. */
export class Field {
  private id: string | null = null;
  private name: string | null = null;
  private description: string | null = null;
  private type: FieldTypeName | null = null;
  private aggregation: keyof typeof AggregationType | null = null;
  private formula: string | null = null;
  private group: string | null = null;
  private hidden = false;
  private reaggregatable: boolean | null = null;
  isDefaultField = false;

  constructor(private readonly concept: ConceptType) {}

  setId(id: unknown): Field {
    this.id = String(id);
    return this;
  }
  setName(name: unknown): Field {
    this.name = String(name);
    return this;
  }
  setDescription(text: unknown): Field {
    this.description = String(text);
    return this;
  }
  setFormula(formula: unknown): Field {
    this.formula = String(formula);
    return this;
  }
  setGroup(group: unknown): Field {
    this.group = String(group);
    return this;
  }
  setIsHidden(hidden: unknown): Field {
    this.hidden = hidden === true;
    return this;
  }
  setIsReaggregatable(value: unknown): Field {
    this.reaggregatable = value === true;
    return this;
  }

  setType(type: unknown): Field {
    const name = memberName(FieldType, type);
    if (name === null) throw exception(`Invalid argument: type (${String(type)} is not a FieldType)`);
    this.type = name;
    return this;
  }

  setAggregation(aggregation: unknown): Field {
    const name = memberName(AggregationType, aggregation);
    if (name === null)
      throw exception(`Invalid argument: aggregation (${String(aggregation)} is not an AggregationType)`);
    this.aggregation = name;
    return this;
  }

  getId(): string | null {
    return this.id;
  }
  getName(): string | null {
    return this.name;
  }
  getDescription(): string | null {
    return this.description;
  }
  getType(): unknown {
    return this.type === null ? null : FieldType[this.type];
  }
  getAggregation(): unknown {
    return this.aggregation === null ? null : AggregationType[this.aggregation];
  }
  getFormula(): string | null {
    return this.formula;
  }
  getGroup(): string | null {
    return this.group;
  }
  getIsReaggregatable(): boolean | null {
    return this.reaggregatable;
  }
  isDimension(): boolean {
    return this.concept === 'DIMENSION';
  }
  isMetric(): boolean {
    return this.concept === 'METRIC';
  }
  isHidden(): boolean {
    return this.hidden;
  }
  isDefault(): boolean {
    return this.isDefaultField;
  }

  /** The field's JSON as Looker Studio receives it; a field without id, name or type is refused. */
  toJson(): Record<string, unknown> {
    if (!this.id) throw exception('Invalid field: every field needs an id (setId).');
    if (!this.name) throw exception(`Invalid field "${this.id}": it needs a name (setName).`);
    if (this.type === null) throw exception(`Invalid field "${this.id}": it needs a type (setType).`);
    const semantics: Record<string, unknown> = { conceptType: this.concept, semanticType: this.type };
    if (this.reaggregatable !== null) semantics.isReaggregatable = this.reaggregatable;
    const json: Record<string, unknown> = {
      name: this.id,
      label: this.name,
      dataType: dataTypeOf(this.type),
      semantics,
    };
    if (this.description !== null) json.description = this.description;
    if (this.group !== null) json.group = this.group;
    if (this.formula !== null) json.formula = this.formula;
    if (this.aggregation !== null) json.defaultAggregationType = this.aggregation;
    if (this.hidden) json.isHidden = true;
    if (this.isDefaultField) json.isDefault = true;
    return json;
  }
}

/** cc.getFields(): the connector's fields, in the order they were created. */
export class Fields {
  constructor(private readonly list: Field[] = []) {}

  newDimension(): Field {
    return this.add(new Field('DIMENSION'));
  }
  newMetric(): Field {
    return this.add(new Field('METRIC'));
  }
  asArray(): Field[] {
    return [...this.list];
  }

  getFieldById(id: unknown): Field | null {
    return this.list.find((field) => field.getId() === String(id)) ?? null;
  }

  /** The named fields in the order they were declared (not the order of `ids`: build rows yourself). */
  forIds(ids: unknown): Fields {
    if (!Array.isArray(ids)) throw exception('Invalid argument: ids');
    const wanted = ids.map(String);
    for (const id of wanted)
      if (!this.getFieldById(id)) throw exception(`Invalid argument: no field with id "${id}"`);
    return new Fields(this.list.filter((field) => wanted.includes(field.getId() ?? '')));
  }

  setDefaultDimension(id: unknown): void {
    this.setDefault(id, 'DIMENSION');
  }
  setDefaultMetric(id: unknown): void {
    this.setDefault(id, 'METRIC');
  }
  getDefaultDimension(): Field | null {
    return this.list.find((f) => f.isDimension() && f.isDefault()) ?? null;
  }
  getDefaultMetric(): Field | null {
    return this.list.find((f) => f.isMetric() && f.isDefault()) ?? null;
  }

  build(): Array<Record<string, unknown>> {
    const seen = new Set<string>();
    return this.list.map((field) => {
      const json = field.toJson();
      const id = String(json.name);
      if (seen.has(id)) throw exception(`Invalid fields: the id "${id}" is used by more than one field.`);
      seen.add(id);
      return json;
    });
  }

  size(): number {
    return this.list.length;
  }

  private add(field: Field): Field {
    this.list.push(field);
    return field;
  }

  private setDefault(id: unknown, concept: 'DIMENSION' | 'METRIC'): void {
    const field = this.getFieldById(id);
    if (!field || (concept === 'DIMENSION') !== field.isDimension())
      throw exception(`Invalid argument: no ${concept.toLowerCase()} with id "${String(id)}"`);
    for (const other of this.list)
      if (other.isDimension() === field.isDimension()) other.isDefaultField = false;
    field.isDefaultField = true;
  }
}
