/**
 * A digest of every key of a server, for comparing datasets after an AOF
 * replay (NenCache vs redis-server, before vs after a restart): per key its
 * type, its content normalised (sets and hashes sorted) and its absolute
 * expiry (PEXPIRETIME, exact because the AOF carries absolute times).
 */
import assert from 'node:assert/strict';
import { RawClient, plain, type RespValue } from './resp-client.js';

function text(v: RespValue): string {
  const p = plain(v);
  return JSON.stringify(p, (_k, x) => (Buffer.isBuffer(x) ? x.toString('hex') : typeof x === 'bigint' ? String(x) : x));
}

function hex(v: RespValue): string {
  return Buffer.isBuffer(v) ? v.toString('hex') : String(v);
}

/** A server just started may still be loading its files on a busy machine: retry refused connections for a while. */
async function connectPatiently(port: number): Promise<RawClient> {
  for (let i = 0; ; i++) {
    try {
      return await RawClient.connect(port);
    } catch (err) {
      if (i >= 200 || (err as NodeJS.ErrnoException).code !== 'ECONNREFUSED') throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** `db:key` (key in hex) -> "type|content|expiry", over databases 0..dbs-1. */
export async function digest(port: number, dbs = 16): Promise<Map<string, string>> {
  const c = await connectPatiently(port);
  const out = new Map<string, string>();
  try {
    for (let db = 0; db < dbs; db++) {
      await c.call('SELECT', String(db));
      const keys = (await c.call('KEYS', '*')) as Buffer[];
      for (const k of keys) {
        const type = String(plain(await c.call('TYPE', k)));
        let content: string;
        switch (type) {
          case 'string':
            content = hex(await c.call('GET', k));
            break;
          case 'list':
            content = ((await c.call('LRANGE', k, '0', '-1')) as Buffer[]).map(hex).join(',');
            break;
          case 'set':
            content = ((await c.call('SMEMBERS', k)) as Buffer[]).map(hex).sort().join(',');
            break;
          case 'zset':
            content = text(await c.call('ZRANGE', k, '0', '-1', 'WITHSCORES'));
            break;
          case 'hash': {
            const flat = (await c.call('HGETALL', k)) as Buffer[];
            const pairs: string[] = [];
            for (let i = 0; i < flat.length; i += 2) pairs.push(`${hex(flat[i]!)}=${hex(flat[i + 1]!)}`);
            content = pairs.sort().join(',');
            break;
          }
          default:
            content = text(await c.call('DUMP', k));
        }
        const expiry = String(plain(await c.call('PEXPIRETIME', k)));
        out.set(`${db}:${k.toString('hex')}`, `${type}|${content}|${expiry}`);
      }
    }
  } finally {
    c.socket.destroy();
  }
  return out;
}

/** Sorted entries, so assert.deepEqual shows a readable diff. */
export function entries(d: Map<string, string>): [string, string][] {
  return [...d.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/**
 * Asserts two digests hold the same keys and contents, with absolute expiries
 * within `ttlToleranceMs` (relative TTLs set on two servers a moment apart).
 */
export function assertSameDigest(actual: Map<string, string>, expected: Map<string, string>, ttlToleranceMs = 0): void {
  const strip = (d: Map<string, string>): [string, string][] => entries(d).map(([k, v]) => [k, v.slice(0, v.lastIndexOf('|'))]);
  assert.deepEqual(strip(actual), strip(expected));
  for (const [k, v] of expected) {
    const want = Number(v.slice(v.lastIndexOf('|') + 1));
    const a = actual.get(k)!;
    const got = Number(a.slice(a.lastIndexOf('|') + 1));
    assert.ok(want === got || (want > 0 && got > 0 && Math.abs(want - got) <= ttlToleranceMs), `expiry of ${k}: ${got} vs ${want}`);
  }
}
