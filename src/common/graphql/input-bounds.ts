import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  GraphQLError,
  GraphQLString,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
  type VariableDefinitionNode,
} from 'graphql';
import { badInput } from '../errors/domain-error';
import { INPUT_LIMITS } from '../validation/input-limits';

class Refusal extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

/**
 * Where a value sits, named as the DTOs' validation errors name it: the fields of an input-object
 * argument by themselves (`templateKey`, not `input.templateKey`), deeper ones with a dotted path.
 */
interface Path {
  field: string;
  child(key: string): Path;
}

const pathOf = (field: string): Path => ({ field, child: (key) => pathOf(`${field}.${key}`) });
const argumentPath = (name: string, type: GraphQLInputType): Path =>
  isInputObjectType(getNamedType(type)) ? { field: name, child: (key) => pathOf(key) } : pathOf(name);

/**
 * A value too large to quote back in an error (graphql-js quotes wrongly typed values in full).
 * Any object or list counts as too large without being measured: one nested 100,000 levels deep
 * would overflow the stack of whatever walked it.
 */
const tooLargeToQuote = (value: unknown): boolean =>
  (typeof value === 'object' && value !== null) || String(value).length > INPUT_LIMITS.maxEchoLength;

const tooManyItems = (field: string) => new Refusal(field, `${field} may have at most ${INPUT_LIMITS.maxListItems} items`);

/**
 * Checks one argument's value, as the client sent it, against its GraphQL type: every string at
 * most 10,000 characters (IDs, dates and enum values 100), no NUL character (PostgreSQL text
 * cannot hold one), every list at most 1,000 items.
 */
function checkValue(type: GraphQLInputType, value: unknown, path: Path): void {
  const { field } = path;
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return checkValue(type.ofType, value, path);
  if (isListType(type)) {
    if (!Array.isArray(value)) return checkValue(type.ofType, value, path);
    if (value.length > INPUT_LIMITS.maxListItems) throw tooManyItems(field);
    for (const item of value) checkValue(type.ofType, item, path);
    return;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object' || Array.isArray(value)) {
      if (tooLargeToQuote(value)) throw new Refusal(field, `${field} must be a ${type.name} object`);
      return;
    }
    const fields = type.getFields();
    for (const [key, item] of Object.entries(value)) {
      const definition = fields[key];
      if (definition) checkValue(definition.type, item, path.child(key));
      else if (key.length > INPUT_LIMITS.maxTokenLength) throw new Refusal(field, `${field} has a field ${type.name} does not define`);
    }
    return;
  }
  if (isLeafType(type)) {
    if (typeof value === 'string') {
      const max = type === GraphQLString ? INPUT_LIMITS.maxTextLength : INPUT_LIMITS.maxTokenLength;
      if (value.length > max) throw new Refusal(field, `${field} must be at most ${max} characters`);
      if (value.includes('\u0000')) throw new Refusal(field, `${field} must not contain NUL characters`);
    } else if (typeof value === 'object' && tooLargeToQuote(value)) {
      throw new Refusal(field, `${field} must be a ${type.name}`);
    }
  }
}

/** The same check on a value written in the query text, with the variables it refers to. */
function checkLiteral(
  type: GraphQLInputType,
  node: ValueNode,
  path: Path,
  variables: Record<string, unknown>,
  definitions: ReadonlyMap<string, VariableDefinitionNode>,
): void {
  const nullable = isNonNullType(type) ? type.ofType : type;
  switch (node.kind) {
    case Kind.VARIABLE: {
      const name = node.name.value;
      if (variables[name] !== undefined) return checkValue(nullable, variables[name], path);
      const fallback = definitions.get(name)?.defaultValue;
      return fallback ? checkLiteral(nullable, fallback, path, variables, definitions) : undefined;
    }
    case Kind.STRING:
      return checkValue(nullable, node.value, path);
    case Kind.LIST: {
      if (!isListType(nullable)) return; // Validation refused a list where none belongs.
      if (node.values.length > INPUT_LIMITS.maxListItems) throw tooManyItems(path.field);
      for (const item of node.values) checkLiteral(nullable.ofType, item, path, variables, definitions);
      return;
    }
    case Kind.OBJECT: {
      if (!isInputObjectType(nullable)) return;
      const fields = nullable.getFields();
      for (const item of node.fields) {
        const definition = fields[item.name.value];
        if (definition) checkLiteral(definition.type, item.value, path.child(item.name.value), variables, definitions);
      }
      return;
    }
    default:
      return; // Numbers, booleans, enums and null in the query text were validated, and the text is capped.
  }
}

interface ArgumentSite {
  type: GraphQLInputType;
  value: ValueNode;
  path: Path;
}

interface OperationArguments {
  sites: ArgumentSite[];
  definitions: ReadonlyMap<string, VariableDefinitionNode>;
}

/**
 * The arguments of an operation and of the fragments it may spread, with their types: found once
 * per parsed document (Apollo keeps parsed documents, so a client's repeated query is the same
 * object), since walking the document with type information cost more than the checks.
 */
const argumentsOf = new WeakMap<OperationDefinitionNode, OperationArguments>();

function findArguments(document: DocumentNode, operation: OperationDefinitionNode, schema: GraphQLSchema): OperationArguments {
  const sites: ArgumentSite[] = [];
  const typeInfo = new TypeInfo(schema);
  const visitor = visitWithTypeInfo(typeInfo, {
    Argument(node) {
      const argument = typeInfo.getArgument();
      if (argument) sites.push({ type: argument.type, value: node.value, path: argumentPath(argument.name, argument.type) });
    },
  });
  visit(operation, visitor);
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition, visitor);
  }
  return { sites, definitions: new Map((operation.variableDefinitions ?? []).map((d) => [d.variable.name.value, d])) };
}

/** Every argument of the operation and of the fragments it may spread. */
export function checkInputBounds(document: DocumentNode, operation: OperationDefinitionNode, schema: GraphQLSchema, variables: Record<string, unknown>): void {
  let found = argumentsOf.get(operation);
  // The same operation node under another schema does not happen here; a document is parsed per server.
  if (!found) argumentsOf.set(operation, (found = findArguments(document, operation, schema)));
  for (const site of found.sites) checkLiteral(site.type, site.value, site.path, variables, found.definitions);
}

/**
 * Refuses an over-long string, an oversized list or a NUL character anywhere in the arguments
 * with BAD_USER_INPUT naming the field, before anything runs, so that no operation can store or
 * quote back an unbounded value. The DTOs keep their own, tighter bounds (names ≤ 200).
 */
export function inputBoundsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, schema, request }) {
          if (!operation) return;
          try {
            checkInputBounds(document, operation, schema, request.variables ?? {});
          } catch (error) {
            if (!(error instanceof Refusal)) throw error;
            throw new GraphQLError(error.message, {
              originalError: badInput(error.message, error.field),
              extensions: { http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
