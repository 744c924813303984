#!/usr/bin/env node
// Runs every compiled test file (dist/test/**/*.test.js) with node:test.
// Integration tests start their own servers on free loopback ports.
// Extra arguments are passed to node --test (e.g. --test-name-pattern=SET).
import { readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const files = [];
(function walk(d) {
  for (const f of readdirSync(d).sort()) {
    const p = join(d, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (f.endsWith('.test.js')) files.push(p);
  }
})(join(root, 'dist', 'test'));
const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
// --test-force-exit: a failing test that leaves a server running must fail the run, not hang it.
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=2', '--test-force-exit', ...flags, ...selected], { stdio: 'inherit', cwd: root });
process.exit(r.status ?? 1);
