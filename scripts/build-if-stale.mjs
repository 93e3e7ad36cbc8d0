#!/usr/bin/env node
// Builds dist/ with tsc only when an input changed since the last successful build, so a warm
// `npm start` skips the ~25 s build. Inputs: every file and folder under src/ (a folder's mtime
// changes when a file is added or removed), the tsconfig files, package.json and
// package-lock.json. The stamp dist/.build-stamp is written after a successful build with the
// time the build STARTED, so a file saved during the build still counts as newer.
//
//   node scripts/build-if-stale.mjs           build when stale
//   node scripts/build-if-stale.mjs --force   build always (npm run build)
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const root = process.cwd();
const stamp = join(root, 'dist', '.build-stamp');
const inputs = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];

/** The newest mtime (ms) of a file, or of a folder and everything in it. */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  let newest = stats.mtimeMs;
  if (stats.isDirectory()) {
    for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

const force = process.argv.includes('--force');
const stampMtime = existsSync(stamp) ? statSync(stamp).mtimeMs : -1;
const newestInput = Math.max(...inputs.map((input) => newestMtime(join(root, input))));
if (!force && stampMtime >= newestInput) process.exit(0);

if (!force) console.error(stampMtime < 0 ? 'Building (first build) …' : 'Building (sources changed since the last build) …');
const startedAt = new Date();
const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
const build = spawnSync(process.execPath, [tsc, '-p', resolve(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
closeSync(openSync(stamp, 'w'));
utimesSync(stamp, startedAt, startedAt);
