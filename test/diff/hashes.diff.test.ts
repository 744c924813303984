import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng, defaultNormaliser, diffRun, report, type Cmd, type Normaliser, diffFixture } from './harness.js';
import { randomSteps } from './hashes.gen.js';

const fx = diffFixture(12000, 20261124);
const skip = fx.skip;
const COMMANDS = fx.commands;
const SEED = fx.seed;

/** Field → value pairs of an HGETALL reply in either protocol. */
function pairsOf(r: unknown): [string, string][] | null {
  if (Array.isArray(r)) {
    const out: [string, string][] = [];
    for (let i = 0; i + 1 < r.length; i += 2) out.push([r[i] as string, r[i + 1] as string]);
    return out;
  }
  if (r !== null && typeof r === 'object' && 'map' in r) return (r as { map: [string, string][] }).map;
  return null;
}

function sortedPairs(p: [string, string][]): [string, string][] {
  return [...p].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function isError(r: unknown): boolean {
  return r !== null && typeof r === 'object' && 'error' in r;
}

/**
 * The harness normalises Redis's reply then NenCache's, command by command,
 * so calls alternate between the two servers; each side remembers its last
 * OBJECT ENCODING and HGETALL. A listpack's whole-hash reads are compared in
 * order, a hashtable's sorted; random picks are checked against the hash.
 */
function hashNormaliser(): Normaliser {
  let call = 0;
  const encoding = ['', ''];
  const hash: [string, string][][] = [[], []];
  /** The key whose HGETALL `hash` holds, only for the command right after it. */
  const hashKey = ['', ''];
  return (cmd: Cmd, r: unknown) => {
    const side = call++ & 1;
    const name = String(cmd[0]).toUpperCase();
    const lastHashKey = hashKey[side];
    hashKey[side] = '\u0000none';
    if (name === 'HELLO') return isError(r) ? r : { hello: true };
    if (name === 'OBJECT') {
      encoding[side] = typeof r === 'string' ? r : '';
      return r;
    }
    if (isError(r)) return r;
    const unordered = encoding[side] === 'hashtable';
    if (name === 'HGETALL') {
      const p = pairsOf(r) ?? [];
      hash[side] = p;
      hashKey[side] = String(cmd[1]);
      return unordered ? { pairs: sortedPairs(p) } : r;
    }
    if ((name === 'HKEYS' || name === 'HVALS') && Array.isArray(r) && unordered) return [...(r as string[])].sort();
    if (name === 'HSCAN' && Array.isArray(r) && unordered) {
      const [cursor, flat] = r as [string, string[]];
      // From cursor 0 with a COUNT above the size both servers return everything at once.
      const all = cmd[2] === '0' && cmd.some((a) => a === '1000');
      return all ? { cursor, pairs: sortedPairs(pairsOf(flat)!) } : { partial: true, even: flat.length % 2 === 0 };
    }
    if (name === 'HRANDFIELD') return randomPicks(cmd, r, lastHashKey === String(cmd[1]) ? hash[side]! : null);
    return defaultNormaliser(cmd, r);
  };
}

/** HRANDFIELD: the reply's shape and size, and whether every pick is a field (with its value) of the hash. */
function randomPicks(cmd: Cmd, r: unknown, hash: [string, string][] | null): unknown {
  if (cmd.length === 2) return r === null ? null : { member: hash === null ? null : hash.some(([f]) => f === r) };
  const withValues = cmd.length === 4;
  const picks: [string, string | null][] = [];
  const items = r as unknown[];
  if (withValues && items.length > 0 && Array.isArray(items[0])) {
    for (const p of items as [string, string][]) picks.push([p[0], p[1]]);
  } else if (withValues) {
    for (let i = 0; i + 1 < items.length; i += 2) picks.push([items[i] as string, items[i + 1] as string]);
  } else {
    for (const f of items as string[]) picks.push([f, null]);
  }
  const known = new Map(hash ?? []);
  const valid = hash === null ? null : picks.every(([f, v]) => known.has(f) && (v === null || known.get(f) === v));
  const distinct = new Set(picks.map(([f]) => f)).size;
  const positive = !String(cmd[2]).startsWith('-');
  return { n: items.length, nested: items.length > 0 && Array.isArray(items[0]), valid, distinct: positive ? distinct : null };
}

test(`hashes answer as redis-server does over ${COMMANDS} random commands`, { skip }, async () => {
  const rng = new Rng(SEED);
  const cmds: Cmd[] = [['HELLO', '2']];
  while (cmds.length < COMMANDS) cmds.push(...randomSteps(rng));
  // Finish with a full state comparison of both databases.
  cmds.push(['HELLO', '2']);
  for (const db of ['0', '1']) {
    cmds.push(['SELECT', db], ['KEYS', '*'], ['DBSIZE']);
    for (const k of ['h1', 'h2', 'h3', 'hb']) cmds.push(['OBJECT', 'ENCODING', k], ['HGETALL', k], ['TTL', k]);
  }
  const r = await diffRun(fx.redis.port, fx.nen.port, cmds, hashNormaliser());
  assert.equal(r.mismatches.length, 0, report(SEED, r));
});
