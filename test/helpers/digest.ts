/**
 * A logical digest of a server's whole dataset, for comparing two servers
 * (Redis and NenCache, or before and after a reload or crash): one entry per
 * key of every database, its type, its contents normalised (sets and hashes
 * sorted) and its absolute expiry (PEXPIRETIME, exact across a save and a load).
 */
import { RawClient, RespError, encodeCommand, plain, type RespValue } from './resp-client.js';

/** Sends the commands in one write and reads their replies in order. */
async function pipeline(c: RawClient, cmds: (string | Buffer)[][]): Promise<RespValue[]> {
  const out: RespValue[] = [];
  for (let i = 0; i < cmds.length; i += 500) {
    const batch = cmds.slice(i, i + 500);
    c.write(Buffer.concat(batch.map((x) => encodeCommand(x))));
    for (let j = 0; j < batch.length; j++) {
      const r = await c.read(20000);
      if (r instanceof RespError) throw new Error(`${String(batch[j]![0])}: ${r.message}`);
      out.push(r);
    }
  }
  return out;
}

function contentCommand(type: string, key: Buffer): (string | Buffer)[] {
  switch (type) {
    case 'string':
      return ['GET', key];
    case 'list':
      return ['LRANGE', key, '0', '-1'];
    case 'set':
      return ['SMEMBERS', key];
    case 'zset':
      return ['ZRANGE', key, '0', '-1', 'WITHSCORES'];
    case 'hash':
      return ['HGETALL', key];
    default:
      throw new Error(`digest: unexpected type ${type}`);
  }
}

function normalise(type: string, reply: RespValue): unknown {
  const v = plain(reply);
  if (type === 'set') return [...(v as string[])].sort();
  if (type === 'hash') {
    const flat = v as string[];
    const pairs: [string, string][] = [];
    for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i]!, flat[i + 1]!]);
    return pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }
  return v;
}

/**
 * Every key of every database as "db:<n> <key as JSON>" -> "<type> <expiry ms or -1> <contents as JSON>".
 * Leaves the client on database 0.
 */
export async function digestAll(c: RawClient, databases?: number): Promise<Map<string, string>> {
  let n = databases;
  if (n === undefined) {
    const conf = plain(await c.call('CONFIG', 'GET', 'databases')) as string[];
    n = Number(conf[1]);
  }
  const out = new Map<string, string>();
  for (let db = 0; db < n; db++) {
    await pipeline(c, [['SELECT', String(db)]]);
    const keys = (await pipeline(c, [['KEYS', '*']]))[0] as Buffer[];
    if (keys.length === 0) continue;
    const meta = await pipeline(c, keys.flatMap((k) => [['TYPE', k], ['PEXPIRETIME', k]]));
    const types = keys.map((_, i) => String(plain(meta[2 * i]!)));
    const bodies = await pipeline(c, keys.map((k, i) => contentCommand(types[i]!, k)));
    keys.forEach((k, i) => {
      const body = normalise(types[i]!, bodies[i]!);
      out.set(`db:${db} ${JSON.stringify(k.toString('latin1'))}`, `${types[i]} ${String(plain(meta[2 * i + 1]!))} ${JSON.stringify(body)}`);
    });
  }
  await pipeline(c, [['SELECT', '0']]);
  return out;
}

/** The keys whose digests differ (missing on one side included), at most `limit` of them, for a readable failure. */
export function digestDiff(a: Map<string, string>, b: Map<string, string>, limit = 10): string[] {
  const diffs: string[] = [];
  for (const [k, v] of a) {
    const w = b.get(k);
    if (w !== v) diffs.push(`${k}: ${v.slice(0, 200)} <> ${w === undefined ? '(missing)' : w.slice(0, 200)}`);
    if (diffs.length >= limit) return diffs;
  }
  for (const k of b.keys()) {
    if (!a.has(k)) diffs.push(`${k}: (missing) <> ${b.get(k)!.slice(0, 200)}`);
    if (diffs.length >= limit) break;
  }
  return diffs;
}
