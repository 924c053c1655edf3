/**
 * Schema drift: the sandbox made to look like a Jobber that differs from the API version the
 * connector was built against. An older or trimmed Jobber lacks a field, an input field or an
 * argument (`--hide-field Type.field`, `--hide-field Type.field.argument`); a newer one sends an
 * enum value the connector has never seen (`--extra-enum-value Enum=VALUE`), which some records
 * then carry. Tests use it to prove what users see when Jobber changes under a released connector.
 */
import {
  assertValidSchema,
  buildSchema,
  getNamedType,
  GraphQLEnumType,
  GraphQLObjectType,
  Kind,
  parse,
  print,
  visit,
  type DocumentNode,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';

export interface SchemaDrift {
  /** `Type.field` (a field or an input field) or `Type.field.argument`. */
  readonly hiddenFields?: readonly string[];
  /** `Enum=VALUE`. */
  readonly extraEnumValues?: readonly string[];
}

/** One record in EXTRA_VALUE_SHARE carries the extra enum value (chosen by id, so deterministic). */
const EXTRA_VALUE_SHARE = 4;

/** The SDL with the hidden fields removed and the extra enum values added; throws on a name it lacks. */
export function driftedSdl(sdl: string, drift: SchemaDrift): string {
  if (!drift.hiddenFields?.length && !drift.extraEnumValues?.length) return sdl;
  const document = parse(sdl);
  const hidden = (drift.hiddenFields ?? []).map(parseHidden);
  const extra = (drift.extraEnumValues ?? []).map(parseExtra);
  const { implementers, interfaces } = relationsOf(document);
  // Hiding a field of an interface hides it on its implementations; hiding it on a type hides it on
  // the interfaces the type implements, which could not promise it any more.
  const targets = (typeName: string): Set<string> =>
    new Set([typeName, ...(implementers.get(typeName) ?? []), ...(interfaces.get(typeName) ?? [])]);
  const found = new Set<string>();
  const edited = visit(document, {
    FieldDefinition(node, _key, _parent, _path, ancestors) {
      const typeName = ownerName(ancestors);
      const match = hidden.find((item) => item.field === node.name.value && targets(item.type).has(typeName));
      if (!match) return undefined;
      found.add(match.spec);
      if (match.argument === undefined) return null;
      const args = (node.arguments ?? []).filter((arg) => arg.name.value !== match.argument);
      return { ...node, arguments: args };
    },
    InputValueDefinition(node, _key, _parent, _path, ancestors) {
      const owner = ancestors[ancestors.length - 1];
      if (!owner || !('kind' in owner) || owner.kind !== Kind.INPUT_OBJECT_TYPE_DEFINITION) return undefined;
      const match = hidden.find((item) => item.type === owner.name.value && item.field === node.name.value);
      if (!match || match.argument !== undefined) return undefined;
      found.add(match.spec);
      return null;
    },
    EnumTypeDefinition(node) {
      const values = extra.filter((item) => item.enumName === node.name.value);
      if (values.length === 0) return undefined;
      values.forEach((value) => found.add(value.spec));
      const added = values.map((value) => ({
        kind: Kind.ENUM_VALUE_DEFINITION,
        name: nameNode(value.value),
      }));
      return { ...node, values: [...(node.values ?? []), ...added] };
    },
  });
  const missing = [...hidden, ...extra].map((item) => item.spec).filter((spec) => !found.has(spec));
  if (missing.length > 0) throw new Error(`Schema drift names nothing in the schema: ${missing.join(', ')}`);
  const drifted = print(edited);
  assertValidSchema(buildSchema(drifted));
  return drifted;
}

/** Makes a share of the records whose field holds an enum with an extra value carry that value. */
export function applyExtraEnumValues(
  schema: GraphQLSchema,
  drift: SchemaDrift,
  fallback: GraphQLFieldResolver<unknown, unknown>,
): void {
  for (const { enumName, value } of (drift.extraEnumValues ?? []).map(parseExtra)) {
    const enumType = schema.getType(enumName);
    if (!(enumType instanceof GraphQLEnumType)) continue;
    for (const type of Object.values(schema.getTypeMap())) {
      if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (field.type !== enumType && getNamedType(field.type) !== enumType) continue;
        if (field.type.toString().startsWith('[')) continue;
        const resolve = field.resolve ?? fallback;
        field.resolve = (source, args, context, info) => {
          const original = resolve(source, args, context, info);
          return original !== null && original !== undefined && carriesExtra(source) ? value : original;
        };
      }
    }
  }
}

function carriesExtra(source: unknown): boolean {
  const id = typeof source === 'object' && source !== null ? (source as { id?: unknown }).id : undefined;
  return typeof id === 'number' && id % EXTRA_VALUE_SHARE === 0;
}

interface Hidden {
  readonly spec: string;
  readonly type: string;
  readonly field: string;
  readonly argument?: string;
}

function parseHidden(spec: string): Hidden {
  const parts = spec.split('.');
  const [type, field, argument] = parts;
  if (parts.length < 2 || parts.length > 3 || !type || !field || argument === '')
    throw new Error(`--hide-field takes Type.field or Type.field.argument (got ${spec})`);
  return argument === undefined ? { spec, type, field } : { spec, type, field, argument };
}

function parseExtra(spec: string): { spec: string; enumName: string; value: string } {
  const match = /^([_A-Za-z][_0-9A-Za-z]*)=([_A-Za-z][_0-9A-Za-z]*)$/.exec(spec);
  if (!match?.[1] || !match[2]) throw new Error(`--extra-enum-value takes Enum=VALUE (got ${spec})`);
  return { spec, enumName: match[1], value: match[2] };
}

function relationsOf(document: DocumentNode): {
  implementers: Map<string, string[]>;
  interfaces: Map<string, string[]>;
} {
  const implementers = new Map<string, string[]>();
  const interfaces = new Map<string, string[]>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const names = (definition.interfaces ?? []).map((iface) => iface.name.value);
    interfaces.set(definition.name.value, names);
    for (const name of names)
      implementers.set(name, [...(implementers.get(name) ?? []), definition.name.value]);
  }
  return { implementers, interfaces };
}

function ownerName(ancestors: ReadonlyArray<unknown>): string {
  const owner = ancestors[ancestors.length - 1] as { name?: { value?: string } } | undefined;
  return owner?.name?.value ?? '';
}

function nameNode(value: string): { kind: Kind.NAME; value: string } {
  return { kind: Kind.NAME, value };
}
