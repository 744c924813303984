/**
 * The kvcache suite of `npm run bench`: KV.LOOKUP latency over 100,000 cached
 * chunks (p50/p99, in-process through KvCache and over a socket to a
 * nencache-server child process), and the reconstruction error of int8
 * quantization on realistic KV tensors (max abs, RMS).
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { KvCache } from '../../src/embedded/kv-cache.js';
import { DType } from '../../src/kvcache/dtype.js';
import { Quant } from '../../src/kvcache/quantize.js';
import { RecordHeader, decodeHeader, encodeRecord, reconstruct } from '../../src/kvcache/record.js';
import { freePorts } from '../server/ports.js';
import { waitForPort } from '../memory/rss.js';
import { repoRoot } from '../server/redis-benchmark.js';
import { decodeHalves, errorStats, kvTensor } from './kv-data.js';

export interface KvBenchOptions {
  /** Chunks cached before measuring (default 100,000). */
  chunks: number;
  /** Chunks per looked-up sequence (16 = a 4,096-token prompt at chunk_size 256). */
  chunksPerSequence: number;
  lookups: number;
}

const CHUNK = 256;

function tokens(seq: number, n: number): Uint32Array {
  const t = new Uint32Array(n);
  for (let i = 0; i < n; i++) t[i] = (seq * 7919 + i * 31) >>> 0;
  return t;
}

function percentiles(us: number[]): { p50: number; p99: number; max: number } {
  us.sort((a, b) => a - b);
  return { p50: us[Math.floor(us.length * 0.5)]!, p99: us[Math.floor(us.length * 0.99)]!, max: us[us.length - 1]! };
}

const meta = { dtype: 'uint8', shape: ['*'] } as const;

/** LOOKUP latency in-process (KvCache over the engine), in µs. */
export function lookupInProcess(o: KvBenchOptions): { p50: number; p99: number; max: number } {
  const kv = new KvCache({ maxMemory: 0, chunkSize: CHUNK });
  const seqs = Math.ceil(o.chunks / o.chunksPerSequence);
  const payload = Buffer.alloc(CHUNK, 1);
  const chunks = Array.from({ length: o.chunksPerSequence }, () => payload);
  for (let s = 0; s < seqs; s++) kv.put('bench-model', tokens(s, CHUNK * o.chunksPerSequence), meta, chunks);
  const us: number[] = [];
  for (let i = 0; i < o.lookups; i++) {
    const t = tokens((i * 104729) % seqs, CHUNK * o.chunksPerSequence);
    const start = performance.now();
    const n = kv.lookup('bench-model', t);
    us.push((performance.now() - start) * 1000);
    if (n !== t.length) throw new Error(`lookup found ${n} of ${t.length} tokens`);
  }
  return percentiles(us);
}

function resp(args: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const a of args) {
    const b = typeof a === 'string' ? Buffer.from(a) : a;
    parts.push(Buffer.from(`$${b.length}\r\n`), b, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

/** Sends frames and resolves after `replies` integer-or-status replies (each one line). */
function roundTrip(sock: net.Socket, frame: Buffer, replies: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let got = '';
    let lines = 0;
    const onData = (d: Buffer): void => {
      got += d.toString('latin1');
      lines = got.split('\r\n').length - 1;
      if (lines >= replies) {
        sock.off('data', onData);
        if (got.startsWith('-')) reject(new Error(got));
        else resolve(got);
      }
    };
    sock.on('data', onData);
    sock.write(frame);
  });
}

/** LOOKUP latency over a socket to a nencache-server child process, in µs (client round trip). */
export async function lookupOverSocket(o: KvBenchOptions): Promise<{ p50: number; p99: number; max: number }> {
  const [port] = await freePorts(1);
  const proc = spawn(process.execPath, ['--max-semi-space-size=1', join(repoRoot(), 'dist/src/cli/nencache-server.js'), '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'], { stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    await waitForPort(port!, proc);
    const sock = net.connect(port!, '127.0.0.1');
    sock.setNoDelay(true);
    await new Promise((r) => sock.once('connect', r));
    const seqs = Math.ceil(o.chunks / o.chunksPerSequence);
    const payload = Buffer.alloc(CHUNK, 1);
    const chunkArgs = Array.from({ length: o.chunksPerSequence }, () => payload);
    const tokBytes = (s: number): Buffer => Buffer.from(tokens(s, CHUNK * o.chunksPerSequence).buffer);
    for (let s = 0; s < seqs; s += 100) {
      const frames: Buffer[] = [];
      for (let j = s; j < Math.min(seqs, s + 100); j++) frames.push(resp(['KV.PUT', 'bench-model', tokBytes(j), 'uint8', '*', 'CHUNKS', ...chunkArgs]));
      await roundTrip(sock, Buffer.concat(frames), frames.length);
    }
    const us: number[] = [];
    const want = `:${CHUNK * o.chunksPerSequence}\r\n`;
    for (let i = 0; i < o.lookups; i++) {
      const frame = resp(['KV.LOOKUP', 'bench-model', tokBytes((i * 104729) % seqs)]);
      const start = performance.now();
      const r = await roundTrip(sock, frame, 1);
      us.push((performance.now() - start) * 1000);
      if (r !== want) throw new Error(`KV.LOOKUP answered ${JSON.stringify(r)}`);
    }
    sock.destroy();
    return percentiles(us);
  } finally {
    proc.kill('SIGTERM');
  }
}

export interface QuantRow {
  dtype: string;
  scheme: string;
  maxAbs: number;
  rms: number;
  dataRms: number;
  ratio: number;
  encodeMBps: number;
  decodeMBps: number;
}

/** Reconstruction error and speed of int8 quantization on a [2, 8, 256, 1024] tensor with 2 % outlier K channels. */
export function quantErrors(): QuantRow[] {
  const rows: QuantRow[] = [];
  for (const dtype of [DType.FLOAT16, DType.BFLOAT16]) {
    const { bytes, values } = kvTensor(dtype, { layers: 8, tokens: 256, channels: 1024, seed: 42 });
    for (const q of [Quant.INT8_BLOCK, Quant.INT8_CHANNEL]) {
      const m = { dtype, shape: { dims: [2, 8, 0, 1024], tokenAxis: 2 } };
      let t = performance.now();
      const rec = encodeRecord(m, q, 256, Buffer.from('m'), Buffer.alloc(16), bytes, 0);
      const enc = performance.now() - t;
      const h = new RecordHeader();
      decodeHeader(rec, 0, rec.length, h);
      t = performance.now();
      const out = reconstruct(rec, h);
      const dec = performance.now() - t;
      const e = errorStats(values, decodeHalves(dtype, out));
      rows.push({
        dtype: dtype === DType.FLOAT16 ? 'float16' : 'bfloat16', scheme: q === Quant.INT8_BLOCK ? 'int8-block' : 'int8-channel',
        ...e, ratio: rec.length / bytes.length, encodeMBps: bytes.length / 1e3 / enc, decodeMBps: bytes.length / 1e3 / dec,
      });
    }
  }
  return rows;
}

/** Runs the suite and returns its report. */
export async function runKvBench(o: KvBenchOptions): Promise<string> {
  const inProc = lookupInProcess(o);
  const sock = await lookupOverSocket(o);
  const f = (x: number): string => x.toFixed(1).padStart(8);
  const lines = [
    `KV.LOOKUP over ${o.chunks} cached chunks, ${o.chunksPerSequence}-chunk sequences (${o.chunksPerSequence * CHUNK} tokens, chunk_size ${CHUNK}), ${o.lookups} lookups, all hits (µs)`,
    '                       p50      p99      max',
    `in-process (KvCache) ${f(inProc.p50)} ${f(inProc.p99)} ${f(inProc.max)}`,
    `socket round trip    ${f(sock.p50)} ${f(sock.p99)} ${f(sock.max)}`,
    '',
    'int8 quantization of a [2, 8, 256, 1024] KV tensor, N(0,1) with 2 % outlier K channels (×10–30)',
    'dtype     scheme         max abs err   RMS err    data RMS  RMS/data  size    encode MB/s  decode MB/s',
  ];
  for (const r of quantErrors()) {
    lines.push(
      `${r.dtype.padEnd(9)} ${r.scheme.padEnd(13)} ${r.maxAbs.toFixed(4).padStart(11)} ${r.rms.toFixed(5).padStart(9)} ${r.dataRms.toFixed(3).padStart(10)} ${((r.rms / r.dataRms) * 100).toFixed(2).padStart(7)} % ${(r.ratio * 100).toFixed(1).padStart(5)} % ${r.encodeMBps.toFixed(0).padStart(11)} ${r.decodeMBps.toFixed(0).padStart(12)}`,
    );
  }
  return lines.join('\n');
}
