#!/usr/bin/env node
// Regenerates the Excel templates (templates/excel/*.xlsx) from src/scripts/make-excel-templates.ts.
//   node scripts/make-excel-templates.mjs [folder] [name ...]     e.g. ... templates/excel plan
// The .xlsx files are the source a client edits: regenerating overwrites their edits.
import { spawnSync } from 'node:child_process';

const run = (args) => {
  const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run(['scripts/build-if-stale.mjs']);
run(['dist/scripts/make-excel-templates.js', ...process.argv.slice(2)]);
