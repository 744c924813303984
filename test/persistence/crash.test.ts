// Crash safety under appendfsync always: the real server binary is SIGKILLed
// at a random moment while clients write; after a restart on the same dir
// every acknowledged write is there and no key holds a value never written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RawClient, plain } from '../helpers/resp-client.js';
import { freePort } from '../helpers/server.js';

const bin = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../src/cli/nencache-server.js');

async function boot(dir: string, port: number): Promise<ChildProcess> {
  const proc = spawn(process.execPath, [bin, '--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always'], { stdio: 'ignore' });
  for (let i = 0; i < 200; i++) {
    try {
      (await RawClient.connect(port)).socket.destroy();
      return proc;
    } catch {
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  throw new Error('server did not start');
}

/** What the clients were told succeeded (acked) and everything they ever sent (sent). */
interface Ledger {
  acked: Map<string, string>;
  sent: Map<string, Set<string>>;
  counters: Map<string, number>;
  pushed: Map<string, string[]>;
}

async function writer(port: number, id: number, round: number, l: Ledger, stop: { done: boolean }): Promise<void> {
  const c = await RawClient.connect(port);
  let n = 0;
  try {
    while (!stop.done) {
      n++;
      const key = `k${id}:${n % 5}`;
      // Unique across rounds, and ordered: a later write has a bigger number.
      const val = `${id}-${round * 1_000_000 + n}`;
      if (!l.sent.has(key)) l.sent.set(key, new Set());
      l.sent.get(key)!.add(val);
      if ((await c.call('SET', key, val)) !== 'OK') break;
      l.acked.set(key, val);
      const ctr = `ctr${id}`;
      const v = await c.call('INCR', ctr);
      if (typeof v !== 'number') break;
      l.counters.set(ctr, v);
      const list = `list${id}`;
      const len = await c.call('RPUSH', list, val);
      if (typeof len !== 'number') break;
      const p = l.pushed.get(list) ?? [];
      p.push(val);
      l.pushed.set(list, p);
    }
  } catch {
    // The kill closes the connection mid-call: what was not acknowledged is not counted.
  } finally {
    c.socket.destroy();
  }
}

test('every write acknowledged under appendfsync always survives SIGKILL at a random moment (3 kills)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nencache-crash-'));
  const l: Ledger = { acked: new Map(), sent: new Map(), counters: new Map(), pushed: new Map() };
  let proc: ChildProcess | null = null;
  try {
    for (let round = 0; round < 3; round++) {
      const port = await freePort();
      proc = await boot(dir, port);
      const stop = { done: false };
      const writers = Array.from({ length: 4 }, (_, i) => writer(port, i, round, l, stop));
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 300));
      const exited = new Promise((r) => proc!.once('exit', r));
      proc.kill('SIGKILL');
      await exited;
      stop.done = true;
      await Promise.all(writers);
    }
    const port = await freePort();
    proc = await boot(dir, port);
    const c = await RawClient.connect(port);
    for (const [key, vals] of l.sent) {
      const got = await c.call('GET', key);
      if (l.acked.has(key)) assert.notEqual(got, null, `${key} was acknowledged`);
      if (got === null) continue;
      const v = String(plain(got));
      assert.ok(vals.has(v), `${key} holds ${v}, never written`);
      // The value is the last acknowledged one or a later one sent (written, then killed before the reply).
      const ack = l.acked.get(key);
      if (ack !== undefined) assert.ok(Number(v.split('-')[1]) >= Number(ack.split('-')[1]), `${key}: ${v} is older than acknowledged ${ack}`);
    }
    for (const [ctr, v] of l.counters) {
      const got = Number(plain(await c.call('GET', ctr)));
      assert.ok(got >= v, `${ctr} is ${got}, acknowledged ${v}`);
    }
    for (const [list, vals] of l.pushed) {
      const got = plain(await c.call('LRANGE', list, '0', '-1')) as string[];
      // A push applied but killed before its reply may sit after each round's acknowledged ones.
      const acked = new Set(vals);
      for (const v of got) assert.ok(l.sent.get(`k${list.slice(4)}:${Number(v.split('-')[1]) % 5}`)?.has(v), `${list} holds ${v}, never sent`);
      assert.deepEqual(got.filter((v) => acked.has(v)), vals, `${list} keeps every acknowledged push in order`);
    }
    c.socket.destroy();
    assert.ok(l.acked.size > 0, 'some writes were acknowledged');
  } finally {
    if (proc !== null && proc.exitCode === null && proc.signalCode === null) {
      const exited = new Promise((r) => proc!.once('exit', r));
      proc.kill('SIGKILL');
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
