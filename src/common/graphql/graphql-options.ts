import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { AuthService } from '../../modules/auth/auth.service';
import type { AppConfig } from '../config/app-config';
import { createGraphQLErrorFormatter } from '../errors/format-graphql-error';
import { DateTimeScalar } from '../scalars/date-time.scalar';
import { inputBoundsPlugin } from './input-bounds';
import { introspectionAccessPlugin } from './introspection-access';
import { buildQueryLimits, QUERY_LIMITS } from './query-limits';
import { resultSizeLimitPlugin } from './result-size-limit';

interface HttpRequest {
  headers: Record<string, string | string[] | undefined>;
}

export function buildGraphQLOptions(config: AppConfig, auth: AuthService): ApolloDriverConfig {
  const limits = buildQueryLimits();
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
    introspection: config.isDevelopment || config.graphqlIntrospection,
    playground: false,
    // The plugin's types come from Apollo's ESM build and Nest's from its CommonJS build; same object.
    // Cache control would visit every field of every answer to compute hints nothing here reads.
    plugins: [ApolloServerPluginCacheControlDisabled(), ...limits.plugins, inputBoundsPlugin(), resultSizeLimitPlugin(QUERY_LIMITS.maxResultFields),
      ...(config.isDevelopment ? [ApolloServerPluginLandingPageLocalDefault()] : [introspectionAccessPlugin((ctx) => auth.settleSession(ctx))])] as ApolloDriverConfig['plugins'],
    validationRules: limits.validationRules,
    allowBatchedHttpRequests: false,
    // Clients send the query text; a hash-only request is not a second way in.
    persistedQueries: false,
    // Apollo's default, stated so that no one turns it off in passing: a GET or a form-like POST
    // without a preflight-forcing header is refused, so a browser cannot be tricked into sending one.
    csrfPrevention: true,
    includeStacktraceInErrorResponses: config.isDevelopment,
    formatError: createGraphQLErrorFormatter(config.isDevelopment),
    // The token is verified here; its user is read by the access guard with the operation's first statement.
    context: async ({ req }: { req: HttpRequest }) => {
      const header = req.headers.authorization;
      return { req, ctx: await auth.contextFromHeader(Array.isArray(header) ? header[0] : header) };
    },
  };
}
