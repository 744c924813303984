import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { startServer, skipWithoutRedis, type TestServer } from '../helpers/server.js';

const skip = skipWithoutRedis('redis-cli');
let s: TestServer;

before(async () => {
  s = await startServer();
});
after(async () => {
  await s.stop();
});

function cli(...args: string[]): string {
  return execFileSync('redis-cli', ['-p', String(s.port), ...args], { encoding: 'latin1' });
}

test('redis-cli runs commands and prints replies', { skip }, () => {
  assert.equal(cli('set', 'cli:a', 'hello world'), 'OK\n');
  assert.equal(cli('get', 'cli:a'), 'hello world\n');
  assert.equal(cli('--no-raw', 'get', 'cli:missing'), '(nil)\n');
  assert.equal(cli('--no-raw', 'incr', 'cli:n'), '(integer) 1\n');
  assert.match(cli('--no-raw', 'incr', 'cli:a'), /ERR value is not an integer or out of range/);
});

test('redis-cli --pipe mass-inserts 100000 keys', { skip }, () => {
  const n = 100000;
  let text = '';
  for (let i = 0; i < n; i++) {
    const k = `pipe:${i}`;
    const v = `value-${i}`;
    text += `*3\r\n$3\r\nSET\r\n$${k.length}\r\n${k}\r\n$${v.length}\r\n${v}\r\n`;
  }
  const r = spawnSync('redis-cli', ['-p', String(s.port), '--pipe'], { input: text, encoding: 'latin1' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`errors: 0, replies: ${n}`));
  assert.equal(cli('get', 'pipe:99999'), 'value-99999\n');
});

test('redis-cli inline mode over a raw pipe works', { skip }, () => {
  const r = spawnSync('redis-cli', ['-p', String(s.port)], { input: 'set cli:inline "a b"\nget cli:inline\n', encoding: 'latin1' });
  assert.equal(r.stdout, 'OK\na b\n');
});
