import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { startServer, skipWithoutRedis, type TestServer } from '../helpers/server.js';

const skip = skipWithoutRedis('redis-cli');
let s: TestServer;

before(async () => {
  s = await startServer();
});
after(async () => {
  await s.stop();
});

/** Runs redis-cli asynchronously (the server runs in this process, so a sync call would deadlock). */
function run(args: string[], input = ''): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn('redis-cli', ['-p', String(s.port), ...args]);
    let stdout = '';
    let stderr = '';
    p.stdout.setEncoding('latin1').on('data', (d: string) => (stdout += d));
    p.stderr.setEncoding('latin1').on('data', (d: string) => (stderr += d));
    p.on('error', reject);
    p.on('close', (status) => resolve({ status, stdout, stderr }));
    p.stdin.end(input, 'latin1');
  });
}

async function cli(...args: string[]): Promise<string> {
  return (await run(args)).stdout;
}

test('redis-cli runs commands and prints replies', { skip }, async () => {
  assert.equal(await cli('set', 'cli:a', 'hello world'), 'OK\n');
  assert.equal(await cli('get', 'cli:a'), 'hello world\n');
  assert.equal(await cli('--no-raw', 'get', 'cli:missing'), '(nil)\n');
  assert.equal(await cli('--no-raw', 'incr', 'cli:n'), '(integer) 1\n');
  assert.match(await cli('--no-raw', 'incr', 'cli:a'), /ERR value is not an integer or out of range/);
});

test('redis-cli --pipe mass-inserts 100000 keys', { skip }, async () => {
  const n = 100000;
  let text = '';
  for (let i = 0; i < n; i++) {
    const k = `pipe:${i}`;
    const v = `value-${i}`;
    text += `*3\r\n$3\r\nSET\r\n$${k.length}\r\n${k}\r\n$${v.length}\r\n${v}\r\n`;
  }
  const r = await run(['--pipe'], text);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`errors: 0, replies: ${n}`));
  assert.equal(await cli('get', 'pipe:99999'), 'value-99999\n');
});

test('redis-cli inline mode over a raw pipe works', { skip }, async () => {
  const r = await run([], 'set cli:inline "a b"\nget cli:inline\n');
  assert.equal(r.stdout, 'OK\na b\n');
});
