import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GraphQLSchema, isEnumType, isInputObjectType, isObjectType } from 'graphql';

/** The repository's copy of the contract, so that a clone on its own can check its schema. */
export const CONTRACT_COPY = resolve('contract', 'API.graphql');
/** Names of the contract that open issues build, each with the issue that builds it. */
export const NOT_YET_BUILT_FILE = resolve('contract', 'not-yet-built.json');
/** The shared contract beside the project, where the copy comes from (absent in a clone on its own). */
export const SHARED_CONTRACT = resolve('..', 'shared', 'API.graphql');

/** Every type, field, argument and enum value a schema names, as dotted paths, with its type if it has one. */
export function schemaNames(schema: GraphQLSchema): Map<string, string | null> {
  const names = new Map<string, string | null>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    names.set(type.name, null);
    if (isObjectType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        names.set(`${type.name}.${field.name}`, String(field.type));
        for (const arg of 'args' in field ? field.args : []) names.set(`${type.name}.${field.name}(${arg.name})`, String(arg.type));
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) names.set(`${type.name}.${value.name}`, null);
  }
  return names;
}

/** Name of the contract → the open issue that builds it. */
export type NotYetBuilt = ReadonlyMap<string, number>;

/**
 * Reads the not-yet-built list: `[{ issue, title, names }]`, one entry per issue. Refuses a name
 * listed twice or an entry without an issue number, so every name is attributed exactly once.
 */
export function parseNotYetBuilt(json: string): NotYetBuilt {
  const entries = JSON.parse(json) as unknown;
  if (!Array.isArray(entries)) throw new Error('not-yet-built.json must be an array of { issue, title, names }');
  const byName = new Map<string, number>();
  for (const entry of entries as { issue?: unknown; names?: unknown }[]) {
    if (!Number.isInteger(entry.issue)) throw new Error(`not-yet-built.json: an entry has no issue number: ${JSON.stringify(entry)}`);
    if (!Array.isArray(entry.names) || !entry.names.every((name) => typeof name === 'string')) {
      throw new Error(`not-yet-built.json: issue #${String(entry.issue)} needs "names", a list of strings`);
    }
    for (const name of entry.names as string[]) {
      if (byName.has(name)) throw new Error(`not-yet-built.json: ${name} is listed twice (#${byName.get(name)} and #${String(entry.issue)})`);
      byName.set(name, entry.issue as number);
    }
  }
  return byName;
}

export function readNotYetBuilt(): NotYetBuilt {
  return parseNotYetBuilt(readFileSync(NOT_YET_BUILT_FILE, 'utf8'));
}

export interface ContractComparison {
  /** In the contract, absent from the schema, and not listed as not yet built. */
  missing: string[];
  /** In both, with another type. */
  different: string[];
  /** Listed as not yet built, yet the schema has it: take it off the list. */
  builtButListed: string[];
  /** Listed, but the contract has no such name (a typo, or the contract dropped it). */
  listedButNotInContract: string[];
}

/**
 * Compares a schema's names with the contract's. A listed type covers its fields and enum
 * values, a listed field its arguments; a listed name the schema has is reported, so the list
 * can only shrink honestly.
 */
export function compareWithContract(
  contract: ReadonlyMap<string, string | null>,
  actual: ReadonlyMap<string, string | null>,
  notYetBuilt: NotYetBuilt,
): ContractComparison {
  const result: ContractComparison = { missing: [], different: [], builtButListed: [], listedButNotInContract: [] };
  for (const [name, type] of contract) {
    const listed = notYetBuilt.has(name) || notYetBuilt.has(name.split('.')[0]) || notYetBuilt.has(name.split('(')[0]);
    if (!actual.has(name)) {
      if (!listed) result.missing.push(name);
    } else if (notYetBuilt.has(name)) {
      result.builtButListed.push(`${name} (#${notYetBuilt.get(name)})`);
    } else if (actual.get(name) !== type) {
      result.different.push(`${name}: contract ${type}, schema ${actual.get(name)}`);
    }
  }
  for (const name of notYetBuilt.keys()) if (!contract.has(name)) result.listedButNotInContract.push(name);
  return result;
}
