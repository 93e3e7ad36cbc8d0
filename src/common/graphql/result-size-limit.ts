import type { ApolloServerPlugin } from '@apollo/server';
import { getNamedType, GraphQLError, isLeafType, isObjectType, type GraphQLObjectType, type GraphQLOutputType, type GraphQLSchema } from 'graphql';
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
 * "Type.field" of every field with a resolver of its own (`@ResolveField`), read before Apollo
 * wraps them all. @nestjs/graphql gives plain `@Field` properties a resolver too, named
 * `rootFieldResolver`; should that name change, every field counts as computed — stricter, and
 * the security e2e test that reads nested lists in full would say so.
 */
function computedFields(schema: GraphQLSchema): Set<string> {
  const computed = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.resolve && field.resolve.name !== 'rootFieldResolver') computed.add(`${type.name}.${field.name}`);
    }
  }
  return computed;
}

export function resultSizeLimitPlugin(budget: number): ApolloServerPlugin {
  const message = (ran: string[], refused: string[]) =>
    `The answer would exceed the ${budget.toLocaleString('en')} fields one request may resolve (objects count ${OBJECT_FIELD_WEIGHT}, computed values ${COMPUTED_VALUE_WEIGHT}, stored values ${STORED_VALUE_WEIGHT}); ask for fewer nested lists or split the request` +
    // Mutations run one after the other: say which were carried out and which were not.
    (ran.length ? `. Carried out: ${ran.join(', ')}; read the results with a smaller selection` : '') +
    (refused.length ? `. Not carried out: ${refused.join(', ')}` : '');
  let computed = new Set<string>();
  // Each field's weight, worked out once: this runs for every field of every answer.
  const weights = new Map<GraphQLObjectType, Map<string, number>>();
  const weightOf = (parent: GraphQLObjectType, field: string, returns: GraphQLOutputType): number => {
    let ofType = weights.get(parent);
    if (!ofType) weights.set(parent, (ofType = new Map()));
    let weight = ofType.get(field);
    if (weight === undefined) {
      weight = !isLeafType(getNamedType(returns)) ? OBJECT_FIELD_WEIGHT
        : computed.has(`${parent.name}.${field}`) ? COMPUTED_VALUE_WEIGHT : STORED_VALUE_WEIGHT;
      ofType.set(field, weight);
    }
    return weight;
  };
  return {
    async serverWillStart({ schema }) {
      computed = computedFields(schema);
      weights.clear();
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
              resolved += weightOf(info.parentType, info.fieldName, info.returnType);
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
