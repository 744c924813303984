/**
 * Startup load of a big AOF: writes an AOF directory whose RESP base holds
 * N SETs, then times NenCache's load (in process, with a 1 ms setInterval
 * probe whose longest gap is the longest event-loop stall while loading) and
 * redis-server 7.0's on a copy (its "DB loaded from append only file" line).
 * Run: npm run build && node dist/bench/server/aof-load.js [keys=1000000]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/conf-file.js';
import { Server } from '../../src/server/server.js';
import { freePorts, waitForPing } from './ports.js';

/** A Redis 7.0 AOF directory in `dir`: a base of `keys` SETs, an empty incr file, the manifest. */
function writeAof(dir: string, keys: number): number {
  const d = path.join(dir, 'appendonlydir');
  fs.mkdirSync(d, { recursive: true });
  const fd = fs.openSync(path.join(d, 'appendonly.aof.1.base.aof'), 'w');
  let size = 0;
  let chunk = '';
  for (let i = 0; i < keys; i++) {
    const k = `key:${i}`;
    const v = `value:${i}`;
    chunk += `*3\r\n$3\r\nSET\r\n$${k.length}\r\n${k}\r\n$${v.length}\r\n${v}\r\n`;
    if (chunk.length > 1 << 20 || i === keys - 1) {
      size += fs.writeSync(fd, chunk);
      chunk = '';
    }
  }
  fs.closeSync(fd);
  fs.writeFileSync(path.join(d, 'appendonly.aof.1.incr.aof'), '');
  fs.writeFileSync(path.join(d, 'appendonly.aof.manifest'), 'file appendonly.aof.1.base.aof seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n');
  return size;
}

async function nencache(dir: string): Promise<{ seconds: number; stallMs: number; keys: number }> {
  const server = new Server({ config: loadConfig(['--port', '0', '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes']) });
  let last = performance.now();
  let stall = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
  }, 1);
  const t0 = performance.now();
  last = t0;
  await server.listen();
  const seconds = (performance.now() - t0) / 1000;
  // The last step's gap ends when listen() resolves.
  stall = Math.max(stall, performance.now() - last);
  clearInterval(probe);
  const keys = server.engine.totalKeys();
  await server.close();
  return { seconds, stallMs: stall, keys };
}

async function redis(dir: string): Promise<number | null> {
  const [port] = await freePorts(1);
  const log = path.join(dir, 'redis.log');
  const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', '', '--logfile', log], { stdio: 'ignore' });
  try {
    await waitForPing(port!, () => (proc.exitCode !== null ? `redis-server exited with ${proc.exitCode}` : null), 120_000);
    for (let i = 0; i < 1200; i++) {
      const m = /DB loaded from append only file: ([\d.]+) seconds/.exec(fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '');
      if (m !== null) return Number(m[1]);
      await new Promise((r) => setTimeout(r, 100));
    }
    return null;
  } finally {
    proc.kill('SIGKILL');
    await new Promise((r) => proc.once('exit', r));
  }
}

const keys = Number(process.argv[2] ?? 1_000_000);
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nencache-aofload-bench-'));
try {
  const nd = path.join(root, 'nencache');
  const rd = path.join(root, 'redis');
  const bytes = writeAof(nd, keys);
  fs.cpSync(nd, rd, { recursive: true });
  const n = await nencache(nd);
  const r = await redis(rd);
  console.log(`AOF of ${keys} SETs, ${(bytes / 1048576).toFixed(1)} MiB RESP base`);
  console.log(`nencache: loaded ${n.keys} keys in ${n.seconds.toFixed(3)} s, longest event-loop stall ${n.stallMs.toFixed(1)} ms`);
  if (r !== null) console.log(`redis-server: ${r.toFixed(3)} s (its log); nencache/redis time ratio ${(n.seconds / r).toFixed(2)}`);
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
