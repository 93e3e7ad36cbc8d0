import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { compareWithContract, CONTRACT_COPY, parseNotYetBuilt, readNotYetBuilt, schemaNames } from './contract';

const CONTRACT = schemaNames(
  buildSchema(`
    enum Rag { GREEN AMBER RED }
    type Report { id: ID! rating: Rag! }
    type Task { id: ID! owner: String }
    type Query { task(id: ID!): Task report(id: ID!): Report }
    type Mutation { removeTask(id: ID!, force: Boolean): Boolean! }
  `),
);

function compare(schemaSdl: string, listed: Record<string, number>) {
  return compareWithContract(CONTRACT, schemaNames(buildSchema(schemaSdl)), new Map(Object.entries(listed)));
}

const PARTIAL = `
  type Task { id: ID! }
  type Query { task(id: ID!): Task }
  type Mutation { other: Boolean }
`;
const FULL_LIST = { 'Task.owner': 12, 'Mutation.removeTask': 12, Rag: 14, Report: 14, 'Query.report': 14 };

describe('compareWithContract', () => {
  it('passes when every absent name is listed; a listed type covers its fields and values, a listed field its arguments', () => {
    expect(compare(PARTIAL, FULL_LIST)).toEqual({ missing: [], different: [], builtButListed: [], listedButNotInContract: [] });
  });

  it('reports an absent name nobody listed', () => {
    const { 'Task.owner': _owner, ...withoutOwner } = FULL_LIST;
    expect(compare(PARTIAL, withoutOwner).missing).toEqual(['Task.owner']);
  });

  it('reports a listed name the schema has, with its issue, so the list cannot go stale', () => {
    const schema = PARTIAL.replace('type Task { id: ID! }', 'type Task { id: ID! owner: String }');
    expect(compare(schema, FULL_LIST).builtButListed).toEqual(['Task.owner (#12)']);
  });

  it('reports a built name of another type, arguments included', () => {
    const schema = PARTIAL.replace('task(id: ID!)', 'task(id: String!)');
    expect(compare(schema, FULL_LIST).different).toEqual(['Query.task(id): contract ID!, schema String!']);
  });

  it('reports a listed name the contract does not have', () => {
    expect(compare(PARTIAL, { ...FULL_LIST, 'Mutation.removeTaks': 12 }).listedButNotInContract).toEqual(['Mutation.removeTaks']);
  });
});

describe('parseNotYetBuilt', () => {
  it('maps each name to its issue', () => {
    const list = parseNotYetBuilt(JSON.stringify([{ issue: 12, title: 'Plan editing', names: ['Mutation.removeTask'] }]));
    expect([...list]).toEqual([['Mutation.removeTask', 12]]);
  });

  it('refuses a name listed twice, an entry without an issue, and names that are not strings', () => {
    expect(() => parseNotYetBuilt(JSON.stringify([{ issue: 12, names: ['A'] }, { issue: 14, names: ['A'] }]))).toThrow('A is listed twice (#12 and #14)');
    expect(() => parseNotYetBuilt(JSON.stringify([{ names: ['A'] }]))).toThrow('no issue number');
    expect(() => parseNotYetBuilt(JSON.stringify([{ issue: 12, names: [1] }]))).toThrow('a list of strings');
  });

  it('reads the committed list, and every name it lists is a name of the committed contract copy', () => {
    const contract = schemaNames(buildSchema(readFileSync(CONTRACT_COPY, 'utf8')));
    expect([...readNotYetBuilt().keys()].filter((name) => !contract.has(name))).toEqual([]);
  });
});
