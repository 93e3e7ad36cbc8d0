import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type SelectionSetNode } from 'graphql';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';
import type { RequestContext } from '../context/request-context';

const META_FIELDS = new Set(['__schema', '__type']);

const asksForSchema = (selectionSet: SelectionSetNode): boolean =>
  selectionSet.selections.some((s) =>
    s.kind === Kind.FIELD ? META_FIELDS.has(s.name.value) : s.kind === Kind.INLINE_FRAGMENT && asksForSchema(s.selectionSet));

/**
 * Introspection answers without resolvers, so the guard that wants a token for every operation
 * never sees it: outside development it needs a token too. (`__typename` stays free.)
 */
export function introspectionAccessPlugin(settleSession: (ctx: RequestContext) => Promise<void>): ApolloServerPlugin<{ ctx: RequestContext }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          if (!operation) return;
          const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
          if (asksForSchema(operation.selectionSet) || fragments.some((f) => asksForSchema(f.selectionSet))) {
            // No resolver (and so no guard) runs first: the session is read here.
            await settleSession(contextValue.ctx);
            if (contextValue.ctx.user) return;
            const refusal = new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in first: send "Authorization: Bearer <token>" to read the schema (or read schema.gql)');
            throw new GraphQLError(refusal.message, {
              originalError: refusal,
              extensions: { http: { status: 200 } }, // as for every other operation without a token
            });
          }
        },
      };
    },
  };
}
