/**
 * redis-py, the Python client, against a real server: a script of the calls
 * a Python application makes (test/integration/redis_py_client.py), checked
 * with redis-py's own reply parsing. Needs Debian's python3-redis (CI
 * installs it); skipped with a message when it is missing.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, type TestServer } from '../helpers/server.js';

const PYTHON = '/usr/bin/python3';
const probe = spawnSync(PYTHON, ['-c', 'import redis'], { encoding: 'utf8' });
const skip = probe.status === 0 ? false : 'redis-py not found: apt-get install python3-redis (Debian) to run this test';
// The script lives beside this file's source (dist/ holds only compiled TypeScript).
const here = path.dirname(fileURLToPath(import.meta.url));
const script = path.resolve(here, '../../../test/integration/redis_py_client.py');

let s: TestServer;
before(async () => {
  if (!skip) s = await startServer();
});
after(async () => {
  if (!skip) await s.stop();
});

test('redis-py: strings, keys, every type, transactions, pub/sub, blocking and introspection', { skip }, async () => {
  // Not spawnSync: the server runs in this process and must keep answering.
  const run = await new Promise<{ code: number | null; out: string }>((resolve) => {
    const p = spawn(PYTHON, [script, String(s.port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (out += d.toString()));
    p.on('close', (code) => resolve({ code, out }));
  });
  assert.equal(run.code, 0, run.out);
  assert.equal(run.out.trim(), 'ok');
});
