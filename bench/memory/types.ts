/**
 * Memory of the collection types, side by side with redis-server: 100,000
 * small hashes (10 fields, 8-byte names, 16-byte values), 100,000 sets of 10
 * small integers and 100,000 sorted sets of 10 members with integer scores —
 * the shapes Redis keeps as listpacks and intsets. RSS growth per key, each
 * server fresh for each shape, after the same warm-up and flush.
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import { freePorts } from '../server/ports.js';
import { commandFor, flushAll, rssOf, waitForPort, type MemoryBenchOptions } from './rss.js';

export type Shape = 'hash' | 'intset' | 'zset';

export interface TypesRow {
  shape: Shape;
  server: 'nencache' | 'redis';
  bytesPerKey: number;
  encoding: string;
}

const pad = (i: number, w: number): string => String(i).padStart(w, '0');

/** The command creating key i of a shape: always 10 elements. */
function commandOf(shape: Shape, i: number): string[] {
  const out: string[] = [];
  switch (shape) {
    case 'hash':
      out.push('HSET', `hash:${pad(i, 8)}`);
      for (let f = 0; f < 10; f++) out.push(`field:${pad(f, 2)}`, `value-${pad(i, 8)}-${pad(f, 1)}`);
      break;
    case 'intset':
      out.push('SADD', `set:${pad(i, 8)}`);
      for (let m = 0; m < 10; m++) out.push(String((i * 7 + m * 131) % 10_000));
      break;
    case 'zset':
      out.push('ZADD', `zset:${pad(i, 8)}`);
      for (let m = 0; m < 10; m++) out.push(String(m * 10), `m:${pad(i % 1000, 3)}-${pad(m, 2)}`);
      break;
  }
  return out;
}

function encode(args: string[]): string {
  let s = `*${args.length}\r\n`;
  for (const a of args) s += `$${a.length}\r\n${a}\r\n`;
  return s;
}

/** Sends keys [0, count) of a shape in pipelined batches; each reply is one integer line. */
function load(port: number, shape: Shape, count: number): Promise<void> {
  const BATCH = 2000;
  return new Promise((resolve, reject) => {
    const sock = net.connect({ port, host: '127.0.0.1' });
    let next = 0;
    let pending = 0;
    const send = (): void => {
      const to = Math.min(count, next + BATCH);
      let frame = '';
      for (let i = next; i < to; i++) frame += encode(commandOf(shape, i));
      pending = to - next;
      next = to;
      sock.write(frame, 'latin1');
    };
    sock.on('connect', send);
    sock.on('data', (d: Buffer) => {
      if (d[0] === 0x2d) return reject(new Error(`error while loading ${shape}: ${d.toString('latin1', 0, 80)}`));
      for (const b of d) if (b === 0x0a) pending--;
      if (pending > 0) return;
      if (next < count) send();
      else {
        sock.end();
        resolve();
      }
    });
    sock.on('error', reject);
  });
}

function ask(port: number, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ port, host: '127.0.0.1' }, () => s.write(encode(args)));
    s.once('data', (d) => {
      s.destroy();
      resolve(d.toString('latin1').split('\r\n')[1] ?? '');
    });
    s.once('error', reject);
  });
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function measure(server: 'nencache' | 'redis', shape: Shape, keys: number, port: number, o: MemoryBenchOptions): Promise<TypesRow> {
  const cmd = commandFor(server, port, o);
  const proc = spawn(cmd[0]!, cmd.slice(1), { stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    await waitForPort(port, proc);
    await load(port, shape, Math.min(keys, 5000));
    await flushAll(port, 'resp');
    await settle(500);
    const before = rssOf(proc.pid!);
    await load(port, shape, keys);
    await settle(1000);
    const after = rssOf(proc.pid!);
    const encoding = await ask(port, ['OBJECT', 'ENCODING', commandOf(shape, 0)[1]!]);
    return { shape, server, bytesPerKey: (after - before) / keys, encoding };
  } finally {
    proc.kill('SIGKILL');
  }
}

export async function runTypesMemoryBench(keys: number, o: MemoryBenchOptions): Promise<TypesRow[]> {
  const rows: TypesRow[] = [];
  for (const shape of ['hash', 'intset', 'zset'] as Shape[]) {
    for (const server of ['nencache', 'redis'] as const) {
      const [port] = await freePorts(1);
      rows.push(await measure(server, shape, keys, port!, o));
    }
  }
  return rows;
}

export function formatTypesTable(rows: TypesRow[], keys: number): string {
  const lines = [`memory of small collections: ${keys} keys of 10 elements each, RSS growth per key`, 'shape    server     bytes/key  encoding'];
  for (const r of rows) lines.push(`${r.shape.padEnd(8)} ${r.server.padEnd(10)} ${r.bytesPerKey.toFixed(1).padStart(9)}  ${r.encoding}`);
  for (let i = 0; i + 1 < rows.length; i += 2) {
    lines.push(`ratio nencache/redis, ${rows[i]!.shape}: ${(rows[i]!.bytesPerKey / rows[i + 1]!.bytesPerKey).toFixed(2)}x`);
  }
  return lines.join('\n');
}
