import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * `npm start` builds only when the sources changed: a probe project with the real start scripts,
 * build script and tsconfig files, and one source file that prints a line and exits.
 */
describe('npm start builds only when sources changed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rollout-npm-build-'));
  const main = join(dir, 'src', 'main.ts');
  const built = join(dir, 'dist', 'main.js');
  const npmStart = () => execFileSync('npm', ['start', '--silent'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  /** Sets a file's mtime `secondsAgo` in the past, so each step is unambiguous on coarse clocks. */
  const age = (path: string, secondsAgo: number) => {
    const time = new Date(Date.now() - secondsAgo * 1000);
    utimesSync(path, time, time);
  };

  beforeAll(() => {
    const { scripts } = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { scripts: Record<string, string> };
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'build-probe', private: true, scripts: { prestart: scripts.prestart, start: scripts.start } }));
    for (const file of ['tsconfig.json', 'tsconfig.build.json']) copyFileSync(resolve(file), join(dir, file));
    mkdirSync(join(dir, 'scripts'));
    copyFileSync(resolve('scripts/build-if-stale.mjs'), join(dir, 'scripts', 'build-if-stale.mjs'));
    symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
    mkdirSync(join(dir, 'src'));
    writeFileSync(main, "console.log('version one');\n");
    for (const path of [join(dir, 'package.json'), join(dir, 'tsconfig.json'), join(dir, 'tsconfig.build.json'), main, join(dir, 'src')]) age(path, 60);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds on the first start, not on the next, and again after a source file is edited', () => {
    expect(npmStart()).toContain('version one');
    const firstBuild = statSync(built).mtimeMs;

    age(built, 30); // were it rebuilt, its mtime would move to now
    const agedBuild = statSync(built).mtimeMs;
    expect(agedBuild).toBeLessThan(firstBuild);
    expect(npmStart()).toContain('version one');
    expect(statSync(built).mtimeMs).toBe(agedBuild);

    writeFileSync(main, "console.log('version two');\n");
    expect(npmStart()).toContain('version two');
    expect(statSync(built).mtimeMs).toBeGreaterThan(agedBuild);
  }, 120_000);
});
