import { buildSchema, execute, parse, type GraphQLSchema } from 'graphql';
import { resultSizeLimitPlugin } from './result-size-limit';

/** A schema with the plugin's weighing in place, as Apollo starts it. */
async function weighed(sdl: string, resolvers: Record<string, Record<string, unknown>> = {}): Promise<GraphQLSchema> {
  const schema = buildSchema(sdl);
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName) as unknown as { getFields(): Record<string, { resolve?: unknown }> };
    for (const [name, resolve] of Object.entries(fields)) type.getFields()[name].resolve = resolve;
  }
  await (resultSizeLimitPlugin(1_000_000).serverWillStart as (s: { schema: GraphQLSchema }) => Promise<void>)({ schema });
  return schema;
}

describe('result size limit: reading stored values', () => {
  it('answers what graphql-js would: properties, methods, defaults of plain fields, and resolvers of their own', async () => {
    // As @nestjs/graphql resolves a plain @Field: the property, or the field's default when it is undefined.
    const rootFieldResolver = (root: Record<string, unknown>) => root.withDefault ?? 'the default';
    const schema = await weighed(`
      type Task { name: String, method(x: Int): String, withDefault: String, computed: String, missing: String, zero: Int, no: Boolean }
      type Query { tasks: [Task!]! }`, {
      Task: { withDefault: rootFieldResolver, computed: () => 'computed' },
      Query: { tasks: () => [
        { name: 'a', method: (args: { x?: number }) => `called with ${args.x}`, zero: 0, no: false },
        { name: 'b', method: 'a string', withDefault: 'set', zero: 1, no: true },
      ] },
    });
    const result = await execute({ schema, document: parse('{ tasks { name method(x: 3) withDefault computed missing zero no } }'), contextValue: {} });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ tasks: [
      { name: 'a', method: 'called with 3', withDefault: 'the default', computed: 'computed', missing: null, zero: 0, no: false },
      { name: 'b', method: 'a string', withDefault: 'set', computed: 'computed', missing: null, zero: 1, no: true },
    ] });
  });
});
