import { buildSchema, parse, validate } from 'graphql';
import { maxRootFieldsRule } from './query-limits';

const schema = buildSchema('type Query { a: Int b: Int c: Int me: User } type User { id: ID }');
/** Messages of the root-field rule alone, as it runs before (or beside) graphql's own rules. */
const refusals = (query: string, max = 5) => validate(schema, parse(query), [maxRootFieldsRule(max)]).map((e) => e.message);

describe('root field limit', () => {
  it('counts fields at the top, directly and through one fragment', () => {
    expect(refusals('{ a b c me { id } }')).toEqual([]);
    expect(refusals('{ a b c ...F } fragment F on Query { a b c }')).toEqual(['An operation may ask for at most 5 root fields; this one asks for 6']);
  });

  it('counts through nested fragment spreads and inline fragments', () => {
    const nested = `{ ...F1 }
      fragment F1 on Query { a ...F2 }
      fragment F2 on Query { b ... on Query { c ...F3 } }
      fragment F3 on Query { ... { a b ... on Query { ...F4 } } }
      fragment F4 on Query { c me { id } }`;
    expect(refusals(nested)).toEqual(['An operation may ask for at most 5 root fields; this one asks for 7']);
    expect(refusals(nested, 7)).toEqual([]);
  });

  it('counts a fragment every time it is spread, without fields below the top', () => {
    expect(refusals('{ ...F ...F ...F } fragment F on Query { a b me { id } }', 8)).toEqual(['An operation may ask for at most 8 root fields; this one asks for 9']);
  });

  it('does not loop on fragment cycles, which graphql refuses in the same pass', () => {
    const cyclic = '{ ...A } fragment A on Query { a ...B } fragment B on Query { b ...A ... on Query { ...B } }';
    expect(refusals(cyclic)).toEqual([]);
    expect(refusals(cyclic, 1)).toHaveLength(1);
  });

  it('counts fragments that spread each other many times in linear time', () => {
    // F0 spreads F1 ten times, F1 spreads F2 ten times, …: 10^12 root fields in a few hundred characters.
    const fragments = Array.from({ length: 12 }, (_, i) => `fragment F${i} on Query { ${Array.from({ length: 10 }, () => `...F${i + 1}`).join(' ')} }`);
    const started = Date.now();
    const messages = refusals(`{ ...F0 } ${fragments.join(' ')} fragment F12 on Query { a }`, 20);
    expect(messages).toEqual(['An operation may ask for at most 20 root fields; this one asks for 1000000000000']);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
