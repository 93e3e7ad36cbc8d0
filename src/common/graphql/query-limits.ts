import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, Kind, type ASTVisitor, type SelectionNode, type ValidationContext, type ValidationRule } from 'graphql';

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
  /**
   * Fields resolved for one answer, objects weighing 50, computed values 20, stored values 2,
   * checked while executing. A task's dates and float are properties of the schedule's rows
   * (stored values): a 20,000-task plan with ten of them per task weighs about 400,000 and fits;
   * nested lists (each task's links, their tasks …) still weigh 50 per object and are stopped.
   */
  maxResultFields: 1_000_000,
};

/** Armor's own errors lose their extensions on the way out; report a marked copy instead. */
const reportTooComplex = (ctx: ValidationContext | null, error: GraphQLError): void => {
  ctx?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { [TOO_COMPLEX]: true } }));
};

/**
 * At most `max` fields at the top of an operation, so one request cannot fan out without bound;
 * fields inside fragment spreads and inline fragments count, however deeply they nest.
 */
export function maxRootFieldsRule(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    // Per fragment, so that fragments spreading each other many times cost linear work, not
    // exponential; a fragment met again while it is being counted (a cycle, which validation
    // refuses in the same pass) adds nothing.
    const perFragment = new Map<string, number>();
    const counting = new Set<string>();
    const count = (selections: readonly SelectionNode[]): number => {
      let total = 0;
      for (const selection of selections) {
        if (selection.kind === Kind.FIELD) total += 1;
        else if (selection.kind === Kind.INLINE_FRAGMENT) total += count(selection.selectionSet.selections);
        else total += countFragment(selection.name.value);
      }
      return total;
    };
    const countFragment = (name: string): number => {
      const known = perFragment.get(name);
      if (known !== undefined) return known;
      const fragment = context.getFragment(name);
      if (!fragment || counting.has(name)) return 0;
      counting.add(name);
      const total = count(fragment.selectionSet.selections);
      counting.delete(name);
      perFragment.set(name, total);
      return total;
    };
    return {
      OperationDefinition(node) {
        const total = count(node.selectionSet.selections);
        if (total > max) {
          context.reportError(new GraphQLError(`An operation may ask for at most ${max} root fields; this one asks for ${total}`, {
            nodes: [node], extensions: { [TOO_COMPLEX]: true },
          }));
        }
      },
    };
  };
}

/** Depth, aliases, directives, root fields and an estimated cost are checked before execution. */
export function buildQueryLimits() {
  const callbacks = { onReject: [reportTooComplex], propagateOnRejection: false };
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, ...callbacks },
    maxAliases: { n: QUERY_LIMITS.maxAliases, ...callbacks },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives, ...callbacks },
    // Apollo turns a parse-time rejection into an HTTP 500; the query length is capped earlier instead.
    maxTokens: { enabled: false },
    costLimit: { maxCost: QUERY_LIMITS.maxCost, ...callbacks },
    // Its Apollo plugin leaves "[Suggestion hidden]?" in the message; the error formatter drops
    // the whole "Did you mean …?" sentence outside development instead.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    plugins: armor.plugins,
    validationRules: [...armor.validationRules, maxRootFieldsRule(QUERY_LIMITS.maxRootFields)],
  };
}
