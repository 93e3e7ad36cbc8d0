import type { ApolloServerPlugin } from '@apollo/server';
import { defaultFieldResolver, getNamedType, GraphQLError, isLeafType, isObjectType, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { ErrorCode } from '../errors/error-codes';
import { TOO_COMPLEX } from './query-limits';

/**
 * The static limits (depth, aliases, cost) cannot see how long lists are: a small query that
 * nests lists (a milestone's tasks, each task's milestone, its tasks again …) multiplies them.
 * This weighs the fields actually resolved and stops a request at `budget`: the fields still
 * to come fail at once, and the whole answer becomes one QUERY_TOO_COMPLEX error, so neither
 * memory nor the response grows past it. A field that yields objects (a loader, a lookup) weighs
 * `OBJECT_FIELD_WEIGHT`, a value computed by a resolver (a task's dates, a criterion's status)
 * `COMPUTED_VALUE_WEIGHT`, a stored value `STORED_VALUE_WEIGHT` (measured here: a stored value
 * about 5 µs, a computed one about 40 µs, an object about 50 µs — and objects are what nest and
 * multiply). The budget is a few seconds of work.
 */
export const OBJECT_FIELD_WEIGHT = 50;
export const COMPUTED_VALUE_WEIGHT = 20;
export const STORED_VALUE_WEIGHT = 2;

/** A request's budget, kept on its context value: the resolvers of the schema are shared by all requests. */
interface RequestBudget {
  readonly limit: number;
  spent: number;
  exceeded: boolean;
  readonly stop: GraphQLError;
  readonly ran: string[];
  readonly refused: string[];
}
const BUDGET = Symbol('resultSizeBudget');
const WEIGHED = Symbol('resultSizeWeighed');

/**
 * Each field's weight by its type and name, worked out once at start (this runs for every field of
 * every answer). A value is computed when its field has a resolver of its own (`@ResolveField`):
 * @nestjs/graphql gives plain `@Field` properties one too, named `rootFieldResolver`; should that
 * name change, every value counts as computed — stricter, and the security e2e test that reads
 * nested lists in full would say so. Introspection's values count as stored.
 */
function fieldWeight(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>): number {
  if (!isLeafType(getNamedType(field.type))) return OBJECT_FIELD_WEIGHT;
  const computed = !type.name.startsWith('__') && field.resolve !== undefined && field.resolve.name !== 'rootFieldResolver';
  return computed ? COMPUTED_VALUE_WEIGHT : STORED_VALUE_WEIGHT;
}

/**
 * Wraps every resolver of the schema (introspection's included) with the weighing. Past the budget
 * a field answers a rejected promise, never a synchronous throw: graphql-js 16 abandons the
 * promises of the items before a list item that throws synchronously inside a non-null list
 * (`[Task!]!`), and their rejections, unawaited, ended the process (graphql/graphql-js#4643,
 * fixed only in graphql 17, which needs Node 22). A rejected promise goes into the list's
 * `Promise.all` like every other item. Done here rather than in Apollo's `willResolveField`,
 * whose throw is synchronous.
 */
function weighResolvers(schema: GraphQLSchema & { [WEIGHED]?: true }): void {
  if (schema[WEIGHED]) return;
  schema[WEIGHED] = true;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    const mutationRoot = type === schema.getMutationType();
    for (const field of Object.values(type.getFields())) {
      const weight = fieldWeight(type, field);
      const resolve = field.resolve ?? defaultFieldResolver;
      const stored = storedProperty(field);
      field.resolve = (source, args, context: { [BUDGET]?: RequestBudget } | undefined, info) => {
        const budget = context?.[BUDGET];
        if (budget) {
          budget.spent += weight;
          if (budget.exceeded || budget.spent > budget.limit) {
            budget.exceeded = true;
            if (mutationRoot && !info.path.prev) budget.refused.push(String(info.path.key));
            return Promise.reject(budget.stop);
          }
          if (mutationRoot && !info.path.prev) budget.ran.push(String(info.path.key));
        }
        const value = stored && source != null ? stored(source) : undefined;
        // A stored value read straight from its property; anything special (a default, a method) as the resolver says.
        const result = value !== undefined && typeof value !== 'function' ? value : resolve(source, args, context, info);
        // A property that holds a promise (a task's dates outside a computed schedule, read from
        // it when asked for) is computed after all: it weighs as one.
        if (budget && weight === STORED_VALUE_WEIGHT && result instanceof Promise) {
          budget.spent += COMPUTED_VALUE_WEIGHT - STORED_VALUE_WEIGHT;
          if (budget.spent > budget.limit) {
            budget.exceeded = true;
            result.catch(() => undefined);
            return Promise.reject(budget.stop);
          }
        }
        return result;
      };
    }
  }
}

/** GraphQL names: what may follow a dot in a property access. */
const NAME = /^[_a-zA-Z][_a-zA-Z0-9]*$/;

/**
 * For a field that answers a property of its parent as it is (no resolver, or @nestjs/graphql's
 * `rootFieldResolver` for a plain `@Field`), a function that reads that property. Its own function
 * per field: the one resolver every such field shares looked a different name up on a different
 * kind of object at each call, the slowest way V8 reads a property, 45,000 times for a 5,000-task
 * plan. Undefined for any other field.
 */
function storedProperty(field: GraphQLField<unknown, unknown>): ((source: unknown) => unknown) | undefined {
  const plain = field.resolve === undefined || field.resolve === defaultFieldResolver || field.resolve.name === 'rootFieldResolver';
  if (!plain || !NAME.test(field.name)) return undefined;
  // The name is a GraphQL name (checked above), so the code is a plain property read.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function('source', `return source.${field.name};`) as (source: unknown) => unknown;
}

export function resultSizeLimitPlugin(budget: number): ApolloServerPlugin {
  const message = (ran: string[], refused: string[]) =>
    `The answer would exceed the ${budget.toLocaleString('en')} fields one request may resolve (objects count ${OBJECT_FIELD_WEIGHT}, computed values ${COMPUTED_VALUE_WEIGHT}, stored values ${STORED_VALUE_WEIGHT}); ask for fewer nested lists or split the request` +
    // Mutations run one after the other: say which were carried out and which were not.
    (ran.length ? `. Carried out: ${ran.join(', ')}; read the results with a smaller selection` : '') +
    (refused.length ? `. Not carried out: ${refused.join(', ')}` : '');
  return {
    async serverWillStart({ schema }) {
      weighResolvers(schema);
    },
    async requestDidStart({ contextValue }) {
      // One error for the whole request: with a path already set, graphql-js passes it on as it is
      // instead of building a located copy (with a stack) for each of possibly millions of fields.
      // Marked too complex: the error formatter, which sees it once per place it stopped, passes it
      // on without logging it.
      let stop: GraphQLError | undefined;
      const state: RequestBudget = {
        limit: budget, spent: 0, exceeded: false, ran: [], refused: [],
        // Made on first use: an error captures a stack, a cost every request would pay for nothing.
        get stop() {
          return (stop ??= new GraphQLError('Result too large', { path: [], extensions: { [TOO_COMPLEX]: true } }));
        },
      };
      Object.defineProperty(contextValue, BUDGET, { value: state });
      return {
        async didEncounterErrors(requestContext) {
          if (!state.exceeded) return;
          // The stop is recorded once per place it cut a list short, possibly 100,000 times: Apollo
          // would format every copy. One is enough; the answer is replaced below anyway.
          const errors = requestContext.errors as GraphQLError[];
          const kept = errors.filter((error, i) => error !== state.stop || errors.indexOf(state.stop) === i);
          errors.splice(0, errors.length, ...kept);
        },
        async willSendResponse({ response }) {
          if (!state.exceeded || response.body.kind !== 'single') return;
          response.body.singleResult = {
            data: null,
            errors: [{ message: message(state.ran, state.refused), extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, maxResultFields: budget } }],
          };
        },
      };
    },
  };
}
