import type { ApolloServerPlugin } from '@apollo/server';
import { getNamedType, GraphQLError, isLeafType, isObjectType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
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

/**
 * Each field's weight by its type and name, worked out once at start (this runs for every field of
 * every answer), before Apollo wraps every resolver. A value is computed when its field has a
 * resolver of its own (`@ResolveField`): @nestjs/graphql gives plain `@Field` properties one too,
 * named `rootFieldResolver`; should that name change, every value counts as computed — stricter,
 * and the security e2e test that reads nested lists in full would say so. Introspection's values
 * count as stored.
 */
function fieldWeights(schema: GraphQLSchema): Map<GraphQLObjectType, Map<string, number>> {
  const weights = new Map<GraphQLObjectType, Map<string, number>>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    const ofType = new Map<string, number>();
    for (const field of Object.values(type.getFields())) {
      const computed = !type.name.startsWith('__') && field.resolve !== undefined && field.resolve.name !== 'rootFieldResolver';
      ofType.set(field.name, !isLeafType(getNamedType(field.type)) ? OBJECT_FIELD_WEIGHT : computed ? COMPUTED_VALUE_WEIGHT : STORED_VALUE_WEIGHT);
    }
    weights.set(type, ofType);
  }
  return weights;
}

export function resultSizeLimitPlugin(budget: number): ApolloServerPlugin {
  const message = (ran: string[], refused: string[]) =>
    `The answer would exceed the ${budget.toLocaleString('en')} fields one request may resolve (objects count ${OBJECT_FIELD_WEIGHT}, computed values ${COMPUTED_VALUE_WEIGHT}, stored values ${STORED_VALUE_WEIGHT}); ask for fewer nested lists or split the request` +
    // Mutations run one after the other: say which were carried out and which were not.
    (ran.length ? `. Carried out: ${ran.join(', ')}; read the results with a smaller selection` : '') +
    (refused.length ? `. Not carried out: ${refused.join(', ')}` : '');
  let weights = new Map<GraphQLObjectType, Map<string, number>>();
  return {
    async serverWillStart({ schema }) {
      weights = fieldWeights(schema);
    },
    async requestDidStart() {
      let resolved = 0;
      let exceeded = false;
      const ran: string[] = [];
      const refused: string[] = [];
      // One error for the whole request: with a path already set, graphql-js passes it on as it is
      // instead of building a located copy (with a stack) for each of possibly millions of fields.
      // Marked too complex: the error formatter, which sees it once per place it stopped, passes it
      // on without logging it.
      const stop = new GraphQLError('Result too large', { path: [], extensions: { [TOO_COMPLEX]: true } });
      return {
        async executionDidStart() {
          return {
            willResolveField({ info }) {
              // A field the schema at start did not have weighs as an object: the stricter guess.
              resolved += weights.get(info.parentType)?.get(info.fieldName) ?? OBJECT_FIELD_WEIGHT;
              const mutation = !info.path.prev && info.operation.operation === 'mutation';
              if (exceeded || resolved > budget) {
                exceeded = true;
                if (mutation) refused.push(String(info.path.key));
                throw stop;
              }
              if (mutation) ran.push(String(info.path.key));
            },
          };
        },
        async didEncounterErrors(requestContext) {
          if (!exceeded) return;
          // The stop is recorded once per place it cut a list short, possibly 100,000 times: Apollo
          // would format every copy. One is enough; the answer is replaced below anyway.
          const errors = requestContext.errors as GraphQLError[];
          const kept = errors.filter((error, i) => error !== stop || errors.indexOf(stop) === i);
          errors.splice(0, errors.length, ...kept);
        },
        async willSendResponse({ response }) {
          if (!exceeded || response.body.kind !== 'single') return;
          response.body.singleResult = {
            data: null,
            errors: [{ message: message(ran, refused), extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, maxResultFields: budget } }],
          };
        },
      };
    },
  };
}
