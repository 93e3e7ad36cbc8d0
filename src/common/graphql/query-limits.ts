import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, Kind, type ASTVisitor, type ValidationContext, type ValidationRule } from 'graphql';

/** Marks an error as a query refused for its size; the error formatter gives it QUERY_TOO_COMPLEX. */
export const TOO_COMPLEX = 'tooComplex';

export const QUERY_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxRootFields: 20,
  maxCost: 5000,
  /** Characters of query text; longer documents are refused before parsing (security middleware). */
  maxQueryLength: 20_000,
  maxDirectives: 50,
};

/** Armor's own errors lose their extensions on the way out; report a marked copy instead. */
const reportTooComplex = (ctx: ValidationContext | null, error: GraphQLError): void => {
  ctx?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { [TOO_COMPLEX]: true } }));
};

/** At most `max` fields at the top of an operation, so one request cannot fan out without bound. */
function maxRootFieldsRule(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      let count = 0;
      for (const selection of node.selectionSet.selections) {
        if (selection.kind === Kind.FRAGMENT_SPREAD) {
          count += context.getFragment(selection.name.value)?.selectionSet.selections.length ?? 0;
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          count += selection.selectionSet.selections.length;
        } else {
          count += 1;
        }
      }
      if (count > max) {
        context.reportError(new GraphQLError(`An operation may ask for at most ${max} root fields; this one asks for ${count}`, {
          nodes: [node], extensions: { [TOO_COMPLEX]: true },
        }));
      }
    },
  });
}

/** Depth, aliases, directives, root fields and an estimated cost are checked before execution. */
export function buildQueryLimits(isDevelopment: boolean) {
  const callbacks = { onReject: [reportTooComplex], propagateOnRejection: false };
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, ...callbacks },
    maxAliases: { n: QUERY_LIMITS.maxAliases, ...callbacks },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives, ...callbacks },
    // Apollo turns a parse-time rejection into an HTTP 500; the query length is capped earlier instead.
    maxTokens: { enabled: false },
    costLimit: { maxCost: QUERY_LIMITS.maxCost, ...callbacks },
    blockFieldSuggestion: { enabled: !isDevelopment },
  }).protect();
  return {
    plugins: armor.plugins,
    validationRules: [...armor.validationRules, maxRootFieldsRule(QUERY_LIMITS.maxRootFields)],
  };
}
