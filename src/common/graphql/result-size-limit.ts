import type { ApolloServerPlugin } from '@apollo/server';
import { getNamedType, GraphQLError, isLeafType } from 'graphql';
import { ErrorCode } from '../errors/error-codes';
import { TOO_COMPLEX } from './query-limits';

/**
 * The static limits (depth, aliases, cost) cannot see how long lists are: a small query that
 * nests lists (a milestone's tasks, each task's milestone, its tasks again …) multiplies them.
 * This weighs the fields actually resolved and stops a request at `budget`: the fields still
 * to come fail at once, and the whole answer becomes one QUERY_TOO_COMPLEX error, so neither
 * memory nor the response grows past it. A field that yields objects (a loader, a lookup) weighs
 * `OBJECT_FIELD_WEIGHT`, a plain value 1: nesting lists of objects is what multiplies, and each
 * object costs a resolver call (so the budget allows about 20,000 of them).
 */
export const OBJECT_FIELD_WEIGHT = 50;

export function resultSizeLimitPlugin(budget: number): ApolloServerPlugin {
  const message = (ran: string[], refused: string[]) =>
    `The answer would exceed the ${budget.toLocaleString('en')} fields one request may resolve (objects count ${OBJECT_FIELD_WEIGHT}); ask for fewer nested lists or split the request` +
    // Mutations run one after the other: say which were carried out and which were not.
    (ran.length ? `. Carried out: ${ran.join(', ')}; read the results with a smaller selection` : '') +
    (refused.length ? `. Not carried out: ${refused.join(', ')}` : '');
  return {
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
              resolved += isLeafType(getNamedType(info.returnType)) ? 1 : OBJECT_FIELD_WEIGHT;
              const mutation = info.operation.operation === 'mutation' && !info.path.prev;
              if (exceeded || resolved > budget) {
                exceeded = true;
                if (mutation) refused.push(String(info.path.key));
                throw stop;
              }
              if (mutation) ran.push(String(info.path.key));
            },
          };
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
