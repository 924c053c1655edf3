/**
 * Query validation with Jobber's own answers where a client most often meets them: a field or an
 * argument the schema does not have. Jobber runs graphql-ruby, whose messages and extensions
 * differ from graphql-js's (docs/jobber-api.md §4.1):
 *
 * - "Field 'discount' doesn't exist on type 'Quote'", extensions { code: 'undefinedField',
 *   typeName, fieldName };
 * - "Field 'quotes' doesn't accept argument 'sort'", extensions { code: 'argumentNotAccepted',
 *   name, typeName: 'Field', argumentName } (typeName 'InputObject' for a field of a literal input
 *   object, 'Directive' for a directive);
 *
 * each with `locations` and graphql-ruby's `path` of the document (operation, then field names).
 * Every other rule is graphql-js's.
 */
import {
  GraphQLError,
  isInputObjectType,
  Kind,
  specifiedRules,
  validate,
  FieldsOnCorrectTypeRule,
  KnownArgumentNamesRule,
  getNamedType,
  type ASTNode,
  type ASTVisitor,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/** Validates a document as Jobber does; an empty list means valid. */
export function validateLikeJobber(schema: GraphQLSchema, document: DocumentNode): GraphQLError[] {
  const rules = [
    ...specifiedRules.filter((rule) => rule !== FieldsOnCorrectTypeRule && rule !== KnownArgumentNamesRule),
    UndefinedFieldRule,
    ArgumentNotAcceptedRule,
  ];
  // graphql-js also reports an unknown field of a literal input object; ArgumentNotAcceptedRule does.
  return validate(schema, document, rules).filter((error) => !/is not defined by type "/.test(error.message));
}

const UndefinedFieldRule: ValidationRule = (context) => ({
  Field(node, _key, _parent, _path, ancestors) {
    const parentType = context.getParentType();
    if (!parentType || context.getFieldDef() || node.name.value.startsWith('__')) return;
    const fieldName = node.name.value;
    context.reportError(
      new GraphQLError(`Field '${fieldName}' doesn't exist on type '${parentType.name}'`, {
        nodes: node,
        path: [...documentPath(ancestors), node.alias?.value ?? fieldName],
        extensions: { code: 'undefinedField', typeName: parentType.name, fieldName },
      }),
    );
  },
});

const ArgumentNotAcceptedRule: ValidationRule = (context) => {
  const visitor: ASTVisitor = {
    Argument(node, _key, _parent, _path, ancestors) {
      const owner = ancestors[ancestors.length - 1];
      if (!owner || !('kind' in owner)) return;
      if (owner.kind === Kind.FIELD) {
        const field = context.getFieldDef();
        if (!field || field.args.some((arg) => arg.name === node.name.value)) return;
        report(context, node, ancestors, { kind: 'Field', name: field.name });
      } else if (owner.kind === Kind.DIRECTIVE) {
        const directive = context.getDirective();
        if (!directive || directive.args.some((arg) => arg.name === node.name.value)) return;
        report(context, node, ancestors, { kind: 'Directive', name: directive.name });
      }
    },
    ObjectField(node, _key, _parent, _path, ancestors) {
      const inputType = getNamedType(context.getParentInputType());
      if (!isInputObjectType(inputType) || inputType.getFields()[node.name.value]) return;
      report(context, node, ancestors, { kind: 'InputObject', name: inputType.name });
    },
  };
  return visitor;
};

function report(
  context: ValidationContext,
  node: { readonly name: { readonly value: string } } & ASTNode,
  ancestors: ReadonlyArray<ASTNode | ReadonlyArray<ASTNode>>,
  owner: { readonly kind: 'Field' | 'Directive' | 'InputObject'; readonly name: string },
): void {
  const argumentName = node.name.value;
  context.reportError(
    new GraphQLError(`${owner.kind} '${owner.name}' doesn't accept argument '${argumentName}'`, {
      nodes: node,
      path: [...documentPath(ancestors), argumentName],
      extensions: { code: 'argumentNotAccepted', name: owner.name, typeName: owner.kind, argumentName },
    }),
  );
}

/**
 * graphql-ruby's path of a node in the document: "query Name" (or "query"), then each enclosing
 * field (by alias when it has one), inline fragment ("... on Type") or fragment ("fragment Name").
 */
function documentPath(ancestors: ReadonlyArray<ASTNode | ReadonlyArray<ASTNode>>): string[] {
  const path: string[] = [];
  for (const ancestor of ancestors) {
    if (!('kind' in ancestor)) continue;
    if (ancestor.kind === Kind.OPERATION_DEFINITION)
      path.push(ancestor.name ? `${ancestor.operation} ${ancestor.name.value}` : ancestor.operation);
    else if (ancestor.kind === Kind.FRAGMENT_DEFINITION) path.push(`fragment ${ancestor.name.value}`);
    else if (ancestor.kind === Kind.INLINE_FRAGMENT)
      path.push(ancestor.typeCondition ? `... on ${ancestor.typeCondition.name.value}` : '...');
    else if (ancestor.kind === Kind.FIELD) path.push(ancestor.alias?.value ?? ancestor.name.value);
  }
  return path;
}
