/**
 * `npm run bench -- llm`: the LMCache workload (./workload.ts) through the
 * redis:// two-key pattern against NenCache (RAM only, and with tiering) and
 * redis-server with the same maxmemory (allkeys-lru), with the working set
 * first below and then at 3x the RAM budget. Reports store and retrieve
 * GB/s, lookup latency, prefix hit ratio and the time to first token the
 * hits imply, plus the disk's raw rate (dd with direct I/O) for the tier.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { freePorts, waitForPing } from '../server/ports.js';
import { repoRoot } from '../server/redis-benchmark.js';
import { CHUNK_TOKENS, chunkKey, distinctChunks, makeRequests, metadataFor, type Request } from './workload.js';

export interface LlmBenchOptions {
  chunkMiB: number;
  ramMiB: number;
  /** Prefill cost per token in ms (0.2 for an 8B model on one GPU is typical). */
  prefillMsPerToken: number;
  /** Concurrent clients (LMCache runs requests of different sequences at once). */
  clients: number;
}

export interface LlmRow {
  server: string;
  phase: string;
  workingSetMiB: number;
  storeGBps: number;
  retrieveGBps: number;
  lookupP50Ms: number;
  lookupP99Ms: number;
  hitRatio: number;
  ttftMs: number;
  ttftNoCacheMs: number;
  corrupt: number;
}

type ServerKind = 'nencache' | 'nencache-tiering' | 'redis';

function startServer(kind: ServerKind, port: number, o: LlmBenchOptions, dir: string): ChildProcess {
  const mem = `${o.ramMiB}mb`;
  if (kind === 'redis') {
    return spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--maxmemory', mem, '--maxmemory-policy', 'allkeys-lru', '--proto-max-bulk-len', '1gb'], { stdio: 'ignore' });
  }
  const args = ['--max-semi-space-size=1', join(repoRoot(), 'dist/src/cli/nencache-server.js'), '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--maxmemory', mem, '--maxmemory-policy', 'allkeys-lru', '--proto-max-bulk-len', '1gb', '--loglevel', 'warning'];
  if (kind === 'nencache-tiering') args.push('--tiering', 'yes', '--tier-disk-dir', dir, '--tier-disk-max', '64gb');
  return spawn('node', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

/** Runs the requests against one server; the counters of one phase. */
async function drive(port: number, reqs: Request[], o: LlmBenchOptions): Promise<Omit<LlmRow, 'server' | 'phase' | 'workingSetMiB'>> {
  const chunkBytes = o.chunkMiB * 1024 * 1024;
  const base = Buffer.alloc(chunkBytes);
  for (let i = 0; i < base.length; i += 4) base.writeUInt32LE((i * 2654435761) >>> 0, i);
  const meta = metadataFor(chunkBytes);
  const clients = Array.from({ length: o.clients }, () => new Redis({ port, host: '127.0.0.1', lazyConnect: false, maxRetriesPerRequest: 0 }));
  let storeBytes = 0;
  let storeMs = 0;
  let retrieveBytes = 0;
  let retrieveMs = 0;
  let hitTokens = 0;
  let askedTokens = 0;
  let ttft = 0;
  let ttftNone = 0;
  let corrupt = 0;
  const lookups: number[] = [];
  let next = 0;
  const worker = async (c: Redis): Promise<void> => {
    for (;;) {
      const q = reqs[next++];
      if (q === undefined) return;
      let t = performance.now();
      let hits = 0;
      // batched_async_contains: sequential EXISTS <key>metadata, stopping at the first miss.
      while (hits < q.chunks.length && (await c.exists(`${chunkKey(q.chunks[hits]!)}metadata`)) === 1) hits++;
      lookups.push(performance.now() - t);
      t = performance.now();
      let got = 0;
      for (; got < hits; got++) {
        const key = chunkKey(q.chunks[got]!);
        if ((await c.getBuffer(`${key}metadata`)) === null) break;
        const kv = await c.getBuffer(`${key}kv_bytes`);
        if (kv === null) {
          await c.del(`${key}metadata`);
          break;
        }
        if (kv.length !== chunkBytes || kv.readUInt32LE(0) !== q.chunks[got]) corrupt++;
        retrieveBytes += kv.length;
      }
      const retrieve = performance.now() - t;
      retrieveMs += retrieve;
      const tokens = q.chunks.length * CHUNK_TOKENS;
      askedTokens += tokens;
      hitTokens += got * CHUNK_TOKENS;
      ttft += retrieve + (tokens - got * CHUNK_TOKENS) * o.prefillMsPerToken;
      ttftNone += tokens * o.prefillMsPerToken;
      t = performance.now();
      for (let i = got; i < q.chunks.length; i++) {
        const key = chunkKey(q.chunks[i]!);
        const payload = Buffer.from(base);
        payload.writeUInt32LE(q.chunks[i]!, 0);
        await c.set(`${key}kv_bytes`, payload);
        await c.set(`${key}metadata`, meta);
        storeBytes += payload.length;
      }
      storeMs += performance.now() - t;
    }
  };
  await Promise.all(clients.map((c) => worker(c)));
  for (const c of clients) c.disconnect();
  return {
    storeGBps: storeMs > 0 ? storeBytes / 1e9 / (storeMs / 1000 / o.clients) : 0,
    retrieveGBps: retrieveMs > 0 ? retrieveBytes / 1e9 / (retrieveMs / 1000 / o.clients) : 0,
    lookupP50Ms: percentile(lookups, 50),
    lookupP99Ms: percentile(lookups, 99),
    hitRatio: askedTokens > 0 ? hitTokens / askedTokens : 0,
    ttftMs: ttft / reqs.length,
    ttftNoCacheMs: ttftNone / reqs.length,
    corrupt,
  };
}

/** dd with direct I/O on `dir`'s disk: [write MB/s, read MB/s], or null when dd cannot do direct I/O there. */
export function ddRate(dir: string, mib = 1024): [number, number] | null {
  const file = join(dir, 'ddtest');
  const rate = (out: string): number => {
    const m = /([\d.]+) ([MG])B\/s/.exec(out);
    return m === null ? 0 : Number(m[1]) * (m[2] === 'G' ? 1000 : 1);
  };
  try {
    const wOut = execFileSync('sh', ['-c', `dd if=/dev/zero of=${file} bs=4M count=${mib / 4} oflag=direct 2>&1`], { encoding: 'utf8' });
    const rOut = execFileSync('sh', ['-c', `dd if=${file} of=/dev/null bs=4M iflag=direct 2>&1`], { encoding: 'utf8' });
    return [rate(wOut), rate(rOut)];
  } catch {
    return null;
  } finally {
    rmSync(file, { force: true });
  }
}

/** The disk tier's own write and read rates and event-loop stalls (bench/tier/disk.ts, 8 MiB values), on `dir`'s disk. */
function tierDiskRates(dir: string, mib = 512): string[] {
  try {
    const out = execFileSync(process.execPath, ['--max-semi-space-size=1', join(repoRoot(), 'dist/bench/tier/disk.js'), dir, String(mib)], { encoding: 'utf8', timeout: 300_000 });
    return out.trim().split('\n').map((l) => `tier: ${l}`);
  } catch (e) {
    return [`tier: disk measurement failed: ${(e as Error).message.split('\n')[0]}`];
  }
}

export async function runLlmBench(o: LlmBenchOptions): Promise<{ rows: LlmRow[]; dd: [number, number] | null; skipped: string[]; tier: string[] }> {
  const ramChunks = Math.floor(o.ramMiB / o.chunkMiB);
  const phases = [
    { phase: 'fits in RAM', reqs: makeRequests({ systemPrompts: 2, systemChunks: 8, conversations: 4, chunksPerTurn: 1, requests: Math.max(4, Math.floor(ramChunks * 0.7) - 16), seed: 1 }) },
    { phase: '3x RAM', reqs: makeRequests({ systemPrompts: 2, systemChunks: 8, conversations: 12, chunksPerTurn: 1, requests: ramChunks * 3 - 16, seed: 2 }) },
  ];
  const rows: LlmRow[] = [];
  const skipped: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'nencache-llm-'));
  try {
    for (const kind of ['nencache', 'nencache-tiering', 'redis'] as ServerKind[]) {
      for (const { phase, reqs } of phases) {
        const [port] = await freePorts(1);
        const sdir = mkdtempSync(join(dir, `${kind}-`));
        const proc = startServer(kind, port!, o, sdir);
        let exit: string | null = null;
        let stderr = '';
        proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
        proc.once('exit', (code) => (exit = `${kind} exited with ${code}: ${stderr.trim().split('\n').at(-1) ?? ''}`));
        try {
          await waitForPing(port!, () => exit);
        } catch (e) {
          skipped.push(`${kind}: ${(e as Error).message}`);
          proc.kill('SIGKILL');
          break;
        }
        try {
          const r = await drive(port!, reqs, o);
          rows.push({ server: kind, phase, workingSetMiB: distinctChunks(reqs) * o.chunkMiB, ...r });
        } finally {
          proc.kill('SIGKILL');
          await new Promise((resolve) => (proc.exitCode !== null ? resolve(null) : proc.once('exit', resolve)));
        }
      }
    }
    const dd = ddRate(dir);
    const tierDir = mkdtempSync(join(dir, 'tier-'));
    return { rows, dd, skipped, tier: tierDiskRates(tierDir) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatLlmTable(r: { rows: LlmRow[]; dd: [number, number] | null; skipped: string[]; tier: string[] }, o: LlmBenchOptions): string {
  const lines = [
    `LLM KV-cache workload (redis:// two-key pattern), ${o.chunkMiB} MiB chunks, maxmemory ${o.ramMiB} MiB, ${o.clients} clients, prefill ${o.prefillMsPerToken} ms/token`,
    'server            phase         set MiB  store GB/s  retr GB/s  lookup p50/p99 ms  hit ratio  TTFT ms (no cache)  corrupt',
  ];
  for (const x of r.rows) {
    lines.push(
      `${x.server.padEnd(17)} ${x.phase.padEnd(12)} ${String(x.workingSetMiB).padStart(8)}  ${x.storeGBps.toFixed(2).padStart(10)}  ${x.retrieveGBps.toFixed(2).padStart(9)}  ${`${x.lookupP50Ms.toFixed(2)}/${x.lookupP99Ms.toFixed(2)}`.padStart(17)}  ${(x.hitRatio * 100).toFixed(1).padStart(8)}%  ${`${x.ttftMs.toFixed(0)} (${x.ttftNoCacheMs.toFixed(0)})`.padStart(19)}  ${String(x.corrupt).padStart(7)}`,
    );
  }
  for (const s of r.skipped) lines.push(`skipped: ${s}`);
  lines.push(r.dd === null ? 'dd with direct I/O is not possible on this disk' : `disk (dd, direct I/O, 4 MiB blocks): write ${r.dd[0]} MB/s, read ${r.dd[1]} MB/s`);
  lines.push(...r.tier);
  return lines.join('\n');
}
