/**
 * Differential testing against a real redis-server: the same command stream
 * goes to Redis and to NenCache in pipelined batches, and replies are compared
 * after normalising what legitimately differs (TTL drift, random picks,
 * unordered collections).
 */
import { after, before } from 'node:test';
import { RawClient, encodeCommand, plain, type RespValue } from '../helpers/resp-client.js';
import { skipWithoutRedis, startRedis, startServer, type RedisProcess, type TestServer } from '../helpers/server.js';

export type Cmd = (string | Buffer)[];

/** A seeded PRNG (mulberry32) so a failing run can be replayed from its seed. */
export class Rng {
  constructor(private s: number) {}
  next(): number {
    this.s = (this.s + 0x6d2b79f5) | 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Weighted generators: pick(r) runs one, chosen with probability weight / total. */
export class Weighted<T> {
  private readonly total: number;
  constructor(private readonly gens: readonly [number, (r: Rng) => T][]) {
    this.total = gens.reduce((a, [w]) => a + w, 0);
  }
  pick(r: Rng): T {
    let x = r.next() * this.total;
    for (const [w, g] of this.gens) {
      x -= w;
      if (x <= 0) return g(r);
    }
    return this.gens[0]![1](r);
  }
}

/** How a reply may differ between the two servers for a given command. */
export type Normaliser = (cmd: Cmd, reply: unknown) => unknown;

function upper(cmd: Cmd): string {
  return String(cmd[0]).toUpperCase();
}

/** Default normalisation: TTL-like replies rounded, unordered replies sorted, random picks reduced. */
export const defaultNormaliser: Normaliser = (cmd, r) => {
  const name = upper(cmd);
  const sub = cmd.length > 1 ? String(cmd[1]).toUpperCase() : '';
  if (typeof r === 'number' && r >= 0) {
    // The two servers read their clocks at slightly different moments.
    if (name === 'TTL' || name === 'EXPIRETIME') return { near: r, tolerance: 2 };
    if (name === 'PTTL' || name === 'PEXPIRETIME') return { near: r, tolerance: 2000 };
    if (name === 'OBJECT' && sub === 'IDLETIME') return { idle: true };
  }
  if (name === 'RANDOMKEY') return r === null ? null : { somekey: true };
  if (name === 'KEYS' && Array.isArray(r)) return [...r].sort();
  if (name === 'SCAN' && Array.isArray(r)) return { scan: true };
  return r;
};

export interface DiffResult {
  commands: number;
  mismatches: { index: number; cmd: string; redis: unknown; nencache: unknown }[];
}

async function runBatch(c: RawClient, batch: Cmd[]): Promise<RespValue[]> {
  c.write(Buffer.concat(batch.map((x) => encodeCommand(x))));
  const out: RespValue[] = [];
  for (let i = 0; i < batch.length; i++) out.push(await c.read(20000));
  return out;
}

/** Equality after normalisation; { near, tolerance } values match within the tolerance. */
function same(x: unknown, y: unknown): boolean {
  if (isNear(x) && isNear(y)) return Math.abs(x.near - y.near) <= x.tolerance;
  return JSON.stringify(x) === JSON.stringify(y);
}

function isNear(v: unknown): v is { near: number; tolerance: number } {
  return typeof v === 'object' && v !== null && 'near' in v;
}

function show(cmd: Cmd): string {
  return cmd.map((a) => JSON.stringify(Buffer.isBuffer(a) ? a.toString('latin1') : a)).join(' ');
}

/** Sends `cmds` to both servers in batches and collects mismatching replies (up to `maxReport`). */
export async function diffRun(redisPort: number, nenPort: number, cmds: Cmd[], normalise: Normaliser = defaultNormaliser, maxReport = 20): Promise<DiffResult> {
  const a = await RawClient.connect(redisPort);
  const b = await RawClient.connect(nenPort);
  const result: DiffResult = { commands: cmds.length, mismatches: [] };
  try {
    for (let i = 0; i < cmds.length; i += 200) {
      const batch = cmds.slice(i, i + 200);
      const [ra, rb] = await Promise.all([runBatch(a, batch), runBatch(b, batch)]);
      for (let j = 0; j < batch.length; j++) {
        const x = normalise(batch[j]!, plain(ra[j]!));
        const y = normalise(batch[j]!, plain(rb[j]!));
        if (!same(x, y) && result.mismatches.length < maxReport) {
          result.mismatches.push({ index: i + j, cmd: show(batch[j]!), redis: plain(ra[j]!), nencache: plain(rb[j]!) });
        }
      }
    }
  } finally {
    a.close();
    b.close();
  }
  return result;
}

/** Formats mismatches for an assertion message, with the seed to replay. */
export function report(seed: number, r: DiffResult): string {
  return `seed ${seed} (replay with NENCACHE_DIFF_SEED=${seed}); ${r.mismatches.length} mismatches:\n` +
    r.mismatches.map((m) => `#${m.index} ${m.cmd}\n  redis:    ${JSON.stringify(m.redis)}\n  nencache: ${JSON.stringify(m.nencache)}`).join('\n');
}

/**
 * A differential test file's fixture: a real redis-server and a NenCache
 * server started before the file's tests and stopped after, the command
 * count and seed (NENCACHE_DIFF_COMMANDS / NENCACHE_DIFF_SEED override
 * them), and `skip` naming why when redis-server is missing.
 */
export function diffFixture(defaultCommands: number, defaultSeed: number): {
  skip: string | false;
  commands: number;
  seed: number;
  readonly redis: RedisProcess;
  readonly nen: TestServer;
} {
  const skip = skipWithoutRedis('redis-server');
  let redis: RedisProcess | undefined;
  let nen: TestServer | undefined;
  before(async () => {
    if (skip) return;
    redis = await startRedis();
    nen = await startServer();
  });
  after(async () => {
    await redis?.stop();
    await nen?.stop();
  });
  return {
    skip,
    commands: Number(process.env.NENCACHE_DIFF_COMMANDS ?? defaultCommands),
    seed: Number(process.env.NENCACHE_DIFF_SEED ?? defaultSeed),
    get redis() {
      return redis!;
    },
    get nen() {
      return nen!;
    },
  };
}
