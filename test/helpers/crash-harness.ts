/**
 * Kills the real server binary with SIGKILL at random moments while clients
 * write, restarts it on the same directory, and checks what survived against
 * a ledger of what the clients were told succeeded. Used by the short crash
 * test (npm test) and the soak run (npm run soak).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RawClient, encodeCommand, plain } from './resp-client.js';
import { freePort } from './server.js';

const bin = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../src/cli/nencache-server.js');

export interface CrashOptions {
  kills: number;
  fsync: 'always' | 'everysec';
  writers?: number;
  /** Clients that send 64 SETs of 400-byte values at a time (batches big enough for the off-loop fsync). */
  pipelined?: number;
  /** Each round lasts between min and max ms before the kill. */
  minMs?: number;
  maxMs?: number;
  /** Called after each round with its number. */
  progress?: (round: number) => void;
}

export interface CrashReport {
  acknowledged: number;
  /** Acknowledged writes missing after the restarts, with how long before their kill they were acknowledged (ms). */
  lost: { key: string; ageMs: number }[];
  /** Values found that no client ever sent, or keys acknowledged and gone, or lists out of order. */
  violations: string[];
}

interface Ledger {
  acked: Map<string, { val: string; at: number }>;
  sent: Map<string, Set<string>>;
  counters: Map<string, { v: number; at: number }>;
  pushed: Map<string, { val: string; at: number }[]>;
  killedAt: number[];
}

async function boot(dir: string, port: number, fsync: string): Promise<ChildProcess> {
  const proc = spawn(process.execPath, [bin, '--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', fsync], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  for (let i = 0; i < 1200; i++) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}: ${stderr.trim().slice(-500)}`);
    try {
      // The port opens before the AOF is loaded: until then PING answers -LOADING, as Redis.
      const c = await RawClient.connect(port);
      const pong = await c.call('PING');
      c.socket.destroy();
      if (pong === 'PONG') return proc;
      await new Promise((r) => setTimeout(r, 25));
    } catch {
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  proc.kill('SIGKILL');
  throw new Error(`server did not start: ${stderr.trim().slice(-500)}`);
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
      l.acked.set(key, { val, at: Date.now() });
      const ctr = `ctr${id}`;
      const v = await c.call('INCR', ctr);
      if (typeof v !== 'number') break;
      l.counters.set(ctr, { v, at: Date.now() });
      const list = `list${id}`;
      if (typeof (await c.call('RPUSH', list, val)) !== 'number') break;
      const p = l.pushed.get(list) ?? [];
      p.push({ val, at: Date.now() });
      l.pushed.set(list, p);
    }
  } catch {
    // The kill closes the connection mid-call: what was not acknowledged is not counted.
  } finally {
    c.socket.destroy();
  }
}

async function pipelinedWriter(port: number, id: number, round: number, l: Ledger, stop: { done: boolean }): Promise<void> {
  const c = await RawClient.connect(port);
  const pad = 'p'.repeat(400);
  let n = 0;
  try {
    while (!stop.done) {
      const batch: [string, string][] = [];
      for (let i = 0; i < 64; i++) {
        n++;
        const key = `pk${id}:${n % 256}`;
        const val = `${id}-${round * 1_000_000 + n}-${pad}`;
        if (!l.sent.has(key)) l.sent.set(key, new Set());
        l.sent.get(key)!.add(val);
        batch.push([key, val]);
      }
      c.write(Buffer.concat(batch.map(([k, v]) => encodeCommand(['SET', k, v]))));
      for (const [key, val] of batch) {
        if (plain(await c.read(10_000)) !== 'OK') return;
        l.acked.set(key, { val, at: Date.now() });
      }
    }
  } catch {
    // The kill closes the connection mid-batch: replies not read are not counted.
  } finally {
    c.socket.destroy();
  }
}

/** The kill time that ended the round in which `at` happened. */
function killAfter(l: Ledger, at: number): number {
  for (const k of l.killedAt) if (k >= at) return k;
  return Infinity;
}

export async function runCrashes(o: CrashOptions): Promise<CrashReport> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nencache-crash-'));
  const l: Ledger = { acked: new Map(), sent: new Map(), counters: new Map(), pushed: new Map(), killedAt: [] };
  const report: CrashReport = { acknowledged: 0, lost: [], violations: [] };
  let proc: ChildProcess | null = null;
  const minMs = o.minMs ?? 100;
  const maxMs = o.maxMs ?? 400;
  try {
    for (let round = 0; round < o.kills; round++) {
      const port = await freePort();
      proc = await boot(dir, port, o.fsync);
      const stop = { done: false };
      const writers = Array.from({ length: o.writers ?? 4 }, (_, i) => writer(port, i, round, l, stop));
      for (let i = 0; i < (o.pipelined ?? 2); i++) writers.push(pipelinedWriter(port, 100 + i, round, l, stop));
      await new Promise((r) => setTimeout(r, minMs + Math.random() * (maxMs - minMs)));
      const exited = new Promise((r) => proc!.once('exit', r));
      proc.kill('SIGKILL');
      l.killedAt.push(Date.now());
      await exited;
      stop.done = true;
      await Promise.all(writers);
      o.progress?.(round + 1);
    }
    const port = await freePort();
    proc = await boot(dir, port, o.fsync);
    const c = await RawClient.connect(port);
    for (const [key, vals] of l.sent) {
      const got = await c.call('GET', key);
      const ack = l.acked.get(key);
      if (ack !== undefined) report.acknowledged++;
      if (got === null) {
        if (ack !== undefined) report.lost.push({ key, ageMs: killAfter(l, ack.at) - ack.at });
        continue;
      }
      const v = String(plain(got));
      if (!vals.has(v)) report.violations.push(`${key} holds ${v}, never written`);
      else if (ack !== undefined && Number(v.split('-')[1]) < Number(ack.val.split('-')[1])) report.lost.push({ key, ageMs: killAfter(l, ack.at) - ack.at });
    }
    for (const [ctr, { v, at }] of l.counters) {
      const got = Number(plain(await c.call('GET', ctr)));
      if (got < v) report.lost.push({ key: ctr, ageMs: killAfter(l, at) - at });
    }
    for (const [list, pushes] of l.pushed) {
      const got = plain(await c.call('LRANGE', list, '0', '-1')) as string[];
      const present = new Set(got);
      for (const p of pushes) if (!present.has(p.val)) report.lost.push({ key: `${list}[${p.val}]`, ageMs: killAfter(l, p.at) - p.at });
      // A push applied but killed before its reply may sit after each round's acknowledged ones.
      const acked = new Set(pushes.map((p) => p.val));
      const order = got.filter((v) => acked.has(v));
      const want = pushes.map((p) => p.val).filter((v) => present.has(v));
      if (order.join(',') !== want.join(',')) report.violations.push(`${list} does not keep its acknowledged pushes in order`);
    }
    c.socket.destroy();
    return report;
  } finally {
    if (proc !== null && proc.exitCode === null && proc.signalCode === null) {
      const exited = new Promise((r) => proc!.once('exit', r));
      proc.kill('SIGKILL');
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
