import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, Kind, type ASTVisitor, type ValidationContext, type ValidationRule } from 'graphql';

/** Marks an error as a query refused for its size; the error formatter gives it QUERY_TOO_COMPLEX. */
export const TOO_COMPLEX = 'tooComplex';

export const QUERY_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxRootFields: 20,
  maxCost: 5000,
  maxTokens: 5000,
  maxDirectives: 50,
};

const markTooComplex = (_ctx: ValidationContext | null, error: GraphQLError): void => {
  (error.extensions as Record<string, unknown>)[TOO_COMPLEX] = true;
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

/** Depth, aliases, directives, tokens and an estimated cost are checked before execution. */
export function buildQueryLimits(isDevelopment: boolean) {
  const callbacks = { onReject: [markTooComplex], propagateOnRejection: true };
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, ...callbacks },
    maxAliases: { n: QUERY_LIMITS.maxAliases, ...callbacks },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives, ...callbacks },
    maxTokens: { n: QUERY_LIMITS.maxTokens, ...callbacks },
    costLimit: { maxCost: QUERY_LIMITS.maxCost, ...callbacks },
    blockFieldSuggestion: { enabled: !isDevelopment },
  }).protect();
  return {
    plugins: armor.plugins,
    validationRules: [...armor.validationRules, maxRootFieldsRule(QUERY_LIMITS.maxRootFields)],
  };
}
