import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve, sep } from 'node:path';

/**
 * Modules depend downward only: a module that imports another must not be imported by it, however
 * indirectly. This reads every relative import of the modules' sources (tests aside) and finds the
 * groups of modules that import each other (strongly connected components): there must be none.
 */
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

  it('has no modules that import each other, directly or through others', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('keeps the bottom layers: project imports no module, plan and auth only project, people only auth and project', () => {
    const importsOf = (m: string) => [...(graph.get(m) ?? [])].sort();
    expect(importsOf('project')).toEqual([]);
    expect(importsOf('plan')).toEqual(['project']);
    expect(importsOf('auth')).toEqual(['project']);
    expect(importsOf('people')).toEqual(['auth', 'project']);
  });

  it('finds a cycle where there is one', () => {
    expect(cycles(new Map([['a', new Set(['b'])], ['b', new Set(['c'])], ['c', new Set(['a'])], ['d', new Set(['a'])]]))).toEqual([['a', 'b', 'c']]);
  });
});
