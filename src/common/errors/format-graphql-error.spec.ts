import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error';
import { ErrorCode } from './error-codes';
import { createGraphQLErrorFormatter, fieldOfVariableError, withoutSuggestion } from './format-graphql-error';

const wrap = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ['x'] });
const format = (isDevelopment: boolean, original: Error) => {
  const error = wrap(original);
  return createGraphQLErrorFormatter(isDevelopment)(error.toJSON(), error);
};

describe('GraphQL error formatting', () => {
  it('keeps a refusal’s code, message and details', () => {
    const result = format(false, new DomainError(ErrorCode.DEPENDENCY_CYCLE, 'A → B → A', { cycle: ['a', 'b'] }));
    expect(result).toMatchObject({ message: 'A → B → A', extensions: { code: 'DEPENDENCY_CYCLE', cycle: ['a', 'b'] } });
    expect(result.extensions).not.toHaveProperty('stacktrace');
  });

  it('hides an unexpected error’s message, SQL and stack outside development', () => {
    const sql = new QueryFailedError('SELECT secret FROM app_user WHERE id = $1', ['p'], new Error('relation "app_user" is locked'));
    for (const original of [new TypeError('Cannot read properties of undefined'), sql]) {
      const text = JSON.stringify(format(false, original));
      expect(text).toContain('INTERNAL_SERVER_ERROR');
      expect(text).not.toMatch(/SELECT|secret|Cannot read|stacktrace|\.ts:\d+/);
    }
  });

  it('shows the stack in development', () => {
    expect(format(true, new TypeError('boom')).extensions).toHaveProperty('stacktrace');
  });

  it('turns a taken unique value into DUPLICATE without the SQL', () => {
    const unique = Object.assign(new QueryFailedError('INSERT INTO project …', [], new Error('duplicate key')), { code: '23505' });
    const result = format(false, unique);
    expect(result.extensions).toEqual({ code: 'DUPLICATE' });
    expect(result.message).not.toContain('INSERT');
  });
});

describe('the field of a refused variable', () => {
  it('names an input object’s field by itself, deeper ones with a dotted path, a whole argument by its variable', () => {
    expect(fieldOfVariableError('Variable "$i" got invalid value "2026-02-30" at "i.startDate"; "2026-02-30" is not a calendar date')).toBe('startDate');
    expect(fieldOfVariableError('Variable "$i" got invalid value "x" at "i.filter.search"; bad')).toBe('filter.search');
    expect(fieldOfVariableError('Variable "$ids" got invalid value 5 at "ids[2]"; ID cannot represent')).toBe('ids');
    expect(fieldOfVariableError('Variable "$startDate" got invalid value "x"; "x" is not a calendar date')).toBe('startDate');
    expect(fieldOfVariableError('Something else entirely')).toBeUndefined();
  });
});

describe('suggestions', () => {
  it('are dropped as a whole sentence, leaving the message to read as one', () => {
    expect(withoutSuggestion('Cannot query field "projectz" on type "Query". Did you mean "project" or "projects"?')).toBe('Cannot query field "projectz" on type "Query".');
    expect(withoutSuggestion('Value "PLANING" does not exist in "ProjectStatus" enum. Did you mean the enum value "PLANNING"?')).toBe('Value "PLANING" does not exist in "ProjectStatus" enum.');
    // Only at the end: a client's value quoted earlier stays whole.
    expect(withoutSuggestion('Variable "$s" got invalid value "Did you mean?"; Expected type "Int".')).toBe('Variable "$s" got invalid value "Did you mean?"; Expected type "Int".');
  });

  it('stay in development, and are dropped from validation errors otherwise', () => {
    const error = new GraphQLError('Cannot query field "projectz" on type "Query". Did you mean "projects"?', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(createGraphQLErrorFormatter(false)(error.toJSON(), error).message).toBe('Cannot query field "projectz" on type "Query".');
    expect(createGraphQLErrorFormatter(true)(error.toJSON(), error).message).toMatch(/Did you mean "projects"\?$/);
  });
});
