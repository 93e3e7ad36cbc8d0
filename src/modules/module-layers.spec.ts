import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve, sep } from 'node:path';

/**
 * Modules depend downward only: a module that imports another must not be imported by it, however
 * indirectly. This reads every relative import of the modules' sources (tests aside) and finds the
 * groups of modules that import each other (strongly connected components).
 *
 * KNOWN_CYCLES are the debts still to pay, each the whole group as it stands: the test fails when a
 * new group appears or one grows, and also when one shrinks or is gone, so that the list is cut down
 * as the debts are paid (remove or narrow the entry then).
 */
const KNOWN_CYCLES: string[][] = [
  // Entities relate both ways (a task names its milestone and stage, a criterion its stage or
  // milestone, methodology templates make stages and milestones): split entities from services.
  ['criterion', 'methodology', 'milestone', 'schedule', 'stage'],
];

const MODULES = resolve('src', 'modules');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

function moduleGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  const moduleOf = (path: string) => relative(MODULES, path).split(sep)[0];
  for (const file of sources(MODULES)) {
    if (!relative(MODULES, file).includes(sep)) continue; // files beside the module folders (this test)
    const from = moduleOf(file);
    const targets = graph.get(from) ?? graph.set(from, new Set()).get(from)!;
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
      const target = normalize(join(dirname(file), spec));
      if (!target.startsWith(MODULES + sep)) continue;
      const to = moduleOf(target);
      if (to !== from) targets.add(to);
    }
  }
  return graph;
}

/** Tarjan's strongly connected components with more than one module, each sorted. */
function cycles(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        group.push(w);
      } while (w !== v);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return found.sort((a, b) => a[0].localeCompare(b[0]));
}

describe('module layers', () => {
  const graph = moduleGraph();

  it('reads the modules it checks', () => {
    expect([...graph.keys()]).toEqual(expect.arrayContaining(['auth', 'people', 'project', 'project-management', 'export', 'schedule']));
  });

  it('has no modules that import each other beyond the known debts, and the debts listed as they stand', () => {
    expect(cycles(graph)).toEqual(KNOWN_CYCLES.map((group) => [...group].sort()));
  });

  it('keeps project, auth and people in layers: project imports no module, auth only project, people only those two', () => {
    const importsOf = (m: string) => [...(graph.get(m) ?? [])].sort();
    expect(importsOf('project')).toEqual([]);
    expect(importsOf('auth')).toEqual(['project']);
    expect(importsOf('people')).toEqual(['auth', 'project']);
  });

  it('finds a cycle where there is one', () => {
    expect(cycles(new Map([['a', new Set(['b'])], ['b', new Set(['c'])], ['c', new Set(['a'])], ['d', new Set(['a'])]]))).toEqual([['a', 'b', 'c']]);
  });
});
