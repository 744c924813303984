/**
 * Random command streams over sorted sets for the differential test: a few
 * keys (one holding a string), members short, empty, binary and long enough
 * to cross zset-max-listpack-value, scores and bounds at their edges, and
 * thresholds set small so both encodings and the conversions happen often.
 * Lex ranges only go to 'zl', whose members all have score 0 (Redis leaves
 * lex ranges over mixed scores unspecified), and nothing else writes 'zl'.
 */
import type { Cmd, Rng } from './harness.js';

const KEYS = ['z1', 'z2', 'z3', 'z1', 'z2', 'str', 'none'];
const LEX_KEYS = ['zl', 'zl', 'zl', 'lexstr', 'nolex'];
const MEMBERS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', '', '\x00\xff', 'a\x00', 'A', 'x'.repeat(12), 'y'.repeat(13), 'long'.repeat(8), '1', '-1', 'é'];
const SCORES = [
  '0', '1', '2', '3', '-1', '10', '100', '1.5', '-2.5', '1.1', '0.1', '0.30000000000000004', '1e300', '-1e300', '1e-300',
  '-0', '+0', 'inf', '-inf', '+inf', 'Infinity', '4503599627370496', '9007199254740993', '1e17', '123456789012', '0x10', '3e-320',
];
const BAD_SCORES = ['nan', 'abc', '', ' 1', '1 ', '(1', '1e400', '1e-400', '1.5x', '--1'];
const BOUNDS = ['-inf', '+inf', 'inf', '0', '1', '2', '(1', '(2', '1.5', '(1.5', '-1', '(-1', '3', '100', '(inf', '(-inf', '', '(', ' 2', '1e300', '-0'];
const BAD_BOUNDS = ['x', '(x', 'nan', '2 ', '[1'];
const LEX = ['-', '+', '[a', '(a', '[c', '(c', '[e', '(e', '[', '(', '[z', '(\x00', '[long', '[x'];
const BAD_LEX = ['a', '', '+a', '-a', '*'];
const RANKS = ['0', '1', '2', '-1', '-2', '-3', '5', '100', '-100', '3'];
const BAD_INTS = ['x', '1.5', '', '9223372036854775808'];

const pick = <T>(r: Rng, xs: readonly T[]): T => r.pick(xs);
const key = (r: Rng): string => pick(r, KEYS);
const member = (r: Rng): string => pick(r, MEMBERS);
const score = (r: Rng): string => (r.chance(0.03) ? pick(r, BAD_SCORES) : pick(r, SCORES));
const bound = (r: Rng): string => (r.chance(0.04) ? pick(r, BAD_BOUNDS) : pick(r, BOUNDS));
const lex = (r: Rng): string => (r.chance(0.05) ? pick(r, BAD_LEX) : pick(r, LEX));
const rank = (r: Rng): string => (r.chance(0.03) ? pick(r, BAD_INTS) : pick(r, RANKS));

function pairs(r: Rng, lexOnly = false): string[] {
  const out: string[] = [];
  const n = 1 + r.int(r.chance(0.2) ? 12 : 3);
  for (let i = 0; i < n; i++) out.push(lexOnly ? '0' : score(r), member(r));
  return out;
}

function zaddFlags(r: Rng): string[] {
  const out: string[] = [];
  const n = r.chance(0.5) ? 0 : r.int(3);
  for (let i = 0; i < n; i++) out.push(pick(r, ['NX', 'XX', 'GT', 'LT', 'CH', 'INCR', 'ch', 'nx', 'gt']));
  return out;
}

function limit(r: Rng): string[] {
  if (!r.chance(0.4)) return [];
  return ['LIMIT', pick(r, ['0', '1', '2', '-1', '5', '100', 'x']), pick(r, ['0', '1', '2', '-1', '3', '100', 'x'])];
}

function rangeOptions(r: Rng): string[] {
  const opts: string[] = [];
  const n = r.int(4);
  for (let i = 0; i < n; i++) {
    switch (r.int(6)) {
      case 0: opts.push('WITHSCORES'); break;
      case 1: opts.push(...limit(r)); break;
      case 2: opts.push('REV'); break;
      case 3: opts.push('BYSCORE'); break;
      case 4: opts.push(pick(r, ['withscores', 'rev', 'LIMIT', 'bogus'])); break;
      default: opts.push('BYLEX');
    }
  }
  return opts;
}

function setopTail(r: Rng, n: number, op: string): string[] {
  const out: string[] = [];
  if (r.chance(0.3) && op !== 'ZDIFF') out.push('WEIGHTS', ...Array.from({ length: n }, () => pick(r, ['1', '2', '0', '-1', '0.5', 'inf', '-inf', 'x'])));
  if (r.chance(0.3) && op !== 'ZDIFF') out.push('AGGREGATE', pick(r, ['SUM', 'MIN', 'MAX', 'max', 'avg']));
  if (r.chance(0.1)) out.push(pick(r, ['WEIGHTS', 'AGGREGATE', 'bogus']));
  return out;
}

function keysFor(r: Rng): [string, string[]] {
  const n = r.chance(0.05) ? pick(r, ['0', '-1', 'x', '5']) : String(1 + r.int(3));
  const count = Number(n) > 0 && Number(n) < 5 ? Number(n) : 1 + r.int(2);
  // 'plain' is a set: Redis reads it as a sorted set with every score 1.
  return [n, Array.from({ length: count }, () => (r.chance(0.1) ? 'zl' : r.chance(0.1) ? 'plain' : key(r)))];
}

type Gen = (r: Rng) => Cmd;

// 'zb' grows to hundreds of members (a tree of several leaves, so its splits,
// merges and leaf edges are compared too); 'zbl' the same with every score 0, for lex ranges.
const bigMember = (r: Rng): string => `b${r.int(500)}`;
const bigScore = (r: Rng): string => (r.chance(0.1) ? score(r) : String(r.int(40)));
const BIG_RANKS = ['0', '1', '31', '32', '63', '64', '65', '100', '127', '128', '129', '200', '300', '499', '-1', '-2', '-64', '-65', '-129', '-300', '-1000'];
const bigRank = (r: Rng): string => pick(r, BIG_RANKS);
const BIG_BOUNDS = ['-inf', '+inf', '0', '1', '(1', '5', '(5', '10', '20', '(20', '25.5', '39', '(39', '40', '-1'];
const bigBound = (r: Rng): string => pick(r, BIG_BOUNDS);
const BIG_LEX = ['-', '+', '[b1', '(b1', '[b2', '(b25', '[b250', '(b3', '[b4', '[b499', '(b5', '[c'];
const bigLex = (r: Rng): string => pick(r, BIG_LEX);

function bigPairs(r: Rng, lexOnly: boolean): string[] {
  const out: string[] = [];
  const n = 1 + r.int(30);
  for (let i = 0; i < n; i++) out.push(lexOnly ? '0' : bigScore(r), bigMember(r));
  return out;
}

const BIG: [number, Gen][] = [
  [6, (r) => ['ZADD', 'zb', ...(r.chance(0.2) ? zaddFlags(r) : []), ...bigPairs(r, false)]],
  [2, (r) => ['ZADD', 'zbl', ...bigPairs(r, true)]],
  [2, (r) => ['ZINCRBY', 'zb', pick(r, ['1', '-1', '0.5', '10', '-10', '100']), bigMember(r)]],
  [3, (r) => ['ZREM', pick(r, ['zb', 'zb', 'zbl']), ...Array.from({ length: 1 + r.int(6) }, () => bigMember(r))]],
  [3, (r) => ['ZSCORE', 'zb', bigMember(r)]],
  [3, (r) => [pick(r, ['ZRANK', 'ZREVRANK']), pick(r, ['zb', 'zbl']), bigMember(r)]],
  [5, (r) => [pick(r, ['ZRANGE', 'ZREVRANGE']), pick(r, ['zb', 'zbl']), bigRank(r), bigRank(r), ...(r.chance(0.5) ? ['WITHSCORES'] : [])]],
  [4, (r) => ['ZRANGE', 'zb', bigBound(r), bigBound(r), 'BYSCORE', ...(r.chance(0.5) ? ['REV'] : []), ...(r.chance(0.4) ? ['LIMIT', pick(r, ['0', '1', '50', '70']), pick(r, ['1', '10', '70', '-1'])] : []), ...(r.chance(0.5) ? ['WITHSCORES'] : [])]],
  [2, (r) => [pick(r, ['ZRANGEBYSCORE', 'ZREVRANGEBYSCORE']), 'zb', bigBound(r), bigBound(r), ...(r.chance(0.3) ? ['WITHSCORES'] : [])]],
  [3, (r) => ['ZRANGE', 'zbl', bigLex(r), bigLex(r), 'BYLEX', ...(r.chance(0.5) ? ['REV'] : []), ...(r.chance(0.3) ? ['LIMIT', pick(r, ['0', '5', '64']), pick(r, ['10', '100', '-1'])] : [])]],
  [2, (r) => [pick(r, ['ZCOUNT']), 'zb', bigBound(r), bigBound(r)]],
  [2, (r) => ['ZLEXCOUNT', 'zbl', bigLex(r), bigLex(r)]],
  // Narrow runs (crossing leaf edges), so the big keys stay big.
  [1, (r) => ['ZREMRANGEBYRANK', pick(r, ['zb', 'zbl']), ...pick(r, [['60', '70'], ['-70', '-60'], ['0', '3'], ['120', '140'], ['5', '5'], ['-1', '-1']])]],
  [1, (r) => ['ZREMRANGEBYSCORE', 'zb', pick(r, ['5', '(5', '10', '20']), pick(r, ['5', '7', '(10', '12'])]],
  [1, (r) => ['ZREMRANGEBYLEX', 'zbl', pick(r, ['[b1', '(b2', '[b30']), pick(r, ['(b12', '[b22', '(b31'])]],
  [1, (r) => [pick(r, ['ZPOPMIN', 'ZPOPMAX']), pick(r, ['zb', 'zbl']), pick(r, ['1', '5', '20'])]],
  [1, (r) => ['ZRANGESTORE', pick(r, ['dst', 'z3']), 'zb', bigRank(r), bigRank(r)]],
  [1, (r) => [pick(r, ['ZUNIONSTORE', 'ZINTERSTORE', 'ZDIFFSTORE']), 'dst', '2', 'zb', pick(r, ['zbl', 'z1', 'dst'])]],
  [1, (r) => ['ZSCAN', pick(r, ['zb', 'zbl']), '0', 'COUNT', '1000']],
  [1, (r) => ['OBJECT', 'ENCODING', pick(r, ['zb', 'zbl'])]],
  [0.5, (r) => ['COPY', 'zb', pick(r, ['dst', 'z2']), 'REPLACE']],
  [0.5, (r) => ['DUMP', pick(r, ['zb', 'zbl'])]],
];

const GENERATORS: [number, Gen][] = [
  [14, (r) => ['ZADD', key(r), ...zaddFlags(r), ...pairs(r)]],
  [3, (r) => ['ZADD', 'zl', ...(r.chance(0.2) ? ['NX'] : []), ...pairs(r, true)]],
  [1, (r) => ['ZADD', key(r), ...zaddFlags(r), ...(r.chance(0.5) ? [score(r)] : [])]],
  [4, (r) => ['ZINCRBY', key(r), r.chance(0.1) ? pick(r, BAD_SCORES) : pick(r, ['1', '-1', '2.5', '0.1', 'inf', '-inf', '0', '-0']), member(r)]],
  [4, (r) => ['ZSCORE', key(r), member(r)]],
  [2, (r) => ['ZMSCORE', key(r), member(r), member(r), member(r)]],
  [3, (r) => ['ZCARD', key(r)]],
  [4, (r) => ['ZREM', key(r), member(r), ...(r.chance(0.5) ? [member(r), member(r)] : [])]],
  [1, (r) => ['ZREM', 'zl', member(r)]],
  [3, (r) => ['ZCOUNT', key(r), bound(r), bound(r)]],
  [2, (r) => ['ZLEXCOUNT', pick(r, LEX_KEYS), lex(r), lex(r)]],
  [8, (r) => ['ZRANGE', key(r), rank(r), rank(r), ...(r.chance(0.5) ? ['WITHSCORES'] : []), ...(r.chance(0.1) ? rangeOptions(r) : [])]],
  [6, (r) => ['ZRANGE', key(r), bound(r), bound(r), 'BYSCORE', ...(r.chance(0.5) ? ['REV'] : []), ...limit(r), ...(r.chance(0.5) ? ['WITHSCORES'] : [])]],
  [4, (r) => ['ZRANGE', pick(r, LEX_KEYS), lex(r), lex(r), 'BYLEX', ...(r.chance(0.5) ? ['REV'] : []), ...limit(r), ...(r.chance(0.05) ? ['WITHSCORES'] : [])]],
  [2, (r) => ['ZRANGE', key(r), rank(r), rank(r), ...rangeOptions(r)]],
  [4, (r) => ['ZRANGEBYSCORE', key(r), bound(r), bound(r), ...(r.chance(0.5) ? ['WITHSCORES'] : []), ...limit(r), ...(r.chance(0.05) ? ['REV'] : [])]],
  [4, (r) => ['ZREVRANGEBYSCORE', key(r), bound(r), bound(r), ...(r.chance(0.5) ? ['WITHSCORES'] : []), ...limit(r)]],
  [3, (r) => ['ZRANGEBYLEX', pick(r, LEX_KEYS), lex(r), lex(r), ...limit(r)]],
  [3, (r) => ['ZREVRANGEBYLEX', pick(r, LEX_KEYS), lex(r), lex(r), ...limit(r)]],
  [4, (r) => ['ZREVRANGE', key(r), rank(r), rank(r), ...(r.chance(0.5) ? ['WITHSCORES'] : []), ...(r.chance(0.05) ? ['LIMIT', '0', '1'] : [])]],
  [3, (r) => {
    const t = r.int(3);
    const src = t === 2 ? pick(r, LEX_KEYS) : key(r);
    const dst = pick(r, ['z1', 'z2', 'z3', 'dst', 'str']);
    if (t === 0) return ['ZRANGESTORE', dst, src, rank(r), rank(r), ...(r.chance(0.1) ? ['REV'] : [])];
    if (t === 1) return ['ZRANGESTORE', dst, src, bound(r), bound(r), 'BYSCORE', ...(r.chance(0.3) ? ['REV'] : []), ...limit(r)];
    return ['ZRANGESTORE', dst, src, lex(r), lex(r), 'BYLEX', ...limit(r), ...(r.chance(0.05) ? ['WITHSCORES'] : [])];
  }],
  [4, (r) => [pick(r, ['ZRANK', 'ZREVRANK']), key(r), member(r)]],
  [3, (r) => [pick(r, ['ZPOPMIN', 'ZPOPMAX']), key(r), ...(r.chance(0.6) ? [pick(r, ['0', '1', '2', '3', '10', '-1', 'x'])] : [])]],
  [2, (r) => {
    const [n, keys] = keysFor(r);
    const tail = r.chance(0.5) ? ['COUNT', pick(r, ['1', '2', '5', '0', '-1', 'x'])] : [];
    return ['ZMPOP', n, ...keys.filter((k) => k !== 'zl'), pick(r, ['MIN', 'MAX', 'min', 'bogus']), ...tail];
  }],
  [2, (r) => ['ZREMRANGEBYRANK', key(r), rank(r), rank(r)]],
  [2, (r) => ['ZREMRANGEBYSCORE', key(r), bound(r), bound(r)]],
  [2, (r) => ['ZREMRANGEBYLEX', pick(r, LEX_KEYS), lex(r), lex(r)]],
  [6, (r) => {
    const op = pick(r, ['ZUNION', 'ZINTER', 'ZDIFF']);
    const [n, keys] = keysFor(r);
    return [op, n, ...keys, ...setopTail(r, keys.length, op), ...(r.chance(0.5) ? ['WITHSCORES'] : [])];
  }],
  [5, (r) => {
    const op = pick(r, ['ZUNIONSTORE', 'ZINTERSTORE', 'ZDIFFSTORE']);
    const [n, keys] = keysFor(r);
    return [op, pick(r, ['z1', 'z2', 'z3', 'dst', 'str']), n, ...keys, ...setopTail(r, keys.length, op.slice(0, -5))];
  }],
  [2, (r) => {
    const [n, keys] = keysFor(r);
    return ['ZINTERCARD', n, ...keys, ...(r.chance(0.4) ? ['LIMIT', pick(r, ['0', '1', '2', '-1', 'x'])] : [])];
  }],
  [3, (r) => ['ZRANDMEMBER', key(r), ...(r.chance(0.7) ? [pick(r, ['0', '1', '2', '5', '100', '-1', '-5', 'x']), ...(r.chance(0.5) ? ['WITHSCORES'] : [])] : [])]],
  [3, (r) => ['ZSCAN', key(r), r.chance(0.95) ? '0' : 'x', 'COUNT', '1000', ...(r.chance(0.3) ? ['MATCH', pick(r, ['*', 'a*', '?', '*o*', '[a-c]'])] : [])]],
  [4, (r) => ['OBJECT', 'ENCODING', pick(r, [...KEYS, 'zl', 'dst'])]],
  [2, (r) => ['TYPE', pick(r, [...KEYS, 'zl', 'dst'])]],
  [1, (r) => ['DEL', pick(r, [...KEYS, 'dst'])]],
  [1, (r) => ['EXPIRE', pick(r, [...KEYS, 'dst']), pick(r, ['1000', '100000'])]],
  [1, (r) => ['TTL', pick(r, [...KEYS, 'dst'])]],
  [1, (r) => ['RENAME', pick(r, [...KEYS, 'zl', 'dst']), pick(r, [...KEYS, 'dst'])]],
  [1, (r) => ['COPY', pick(r, [...KEYS, 'zl', 'dst']), pick(r, [...KEYS, 'dst']), ...(r.chance(0.5) ? ['REPLACE'] : [])]],
  [1, (r) => ['SET', 'str', pick(r, ['v', '1'])]],
  [1, (r) => ['SADD', 'plain', member(r), pick(r, ['1', '2', '-7', 'a'])]],
  [0.3, (r) => ['CONFIG', 'SET', 'zset-max-listpack-entries', pick(r, ['0', '1', '4', '6', '8', '128'])]],
  [0.3, (r) => ['CONFIG', 'SET', 'zset-max-listpack-value', pick(r, ['0', '4', '12', '64'])]],
];
const TOTAL = GENERATORS.reduce((a, [w]) => a + w, 0);

function draw(r: Rng, gens: [number, Gen][], total: number): Cmd {
  let x = r.next() * total;
  for (const [w, g] of gens) {
    x -= w;
    if (x <= 0) return g(r);
  }
  return gens[0]![1](r);
}

/** One random command over the small keys (other families' streams draw these too). */
export function randomCommand(r: Rng): Cmd {
  return draw(r, GENERATORS, TOTAL);
}

const BIG_TOTAL = BIG.reduce((a, [w]) => a + w, 0);

/** One random command over the big keys 'zb' and 'zbl'. */
export function randomBigCommand(r: Rng): Cmd {
  return draw(r, BIG, BIG_TOTAL);
}

/** Commands that run first on both servers: small thresholds so conversions happen. */
export const SETUP: Cmd[] = [
  ['SET', 'lexstr', 'v'],
  ['CONFIG', 'SET', 'zset-max-listpack-entries', '6'],
  ['CONFIG', 'SET', 'zset-max-listpack-value', '12'],
];

/**
 * ZRANDMEMBER picks at random: replies reduce to their size, or to the
 * sorted whole set when a positive count covered it. ZSCAN (one full pass)
 * reduces to its sorted pairs: a skiplist's order is a hash order in Redis.
 */
export function normaliseZset(cmd: Cmd, reply: unknown): unknown {
  const name = String(cmd[0]).toUpperCase();
  if (name === 'ZRANDMEMBER') {
    if (!Array.isArray(reply)) return reply === null ? null : typeof reply === 'string' ? { member: true } : reply;
    const count = Number(cmd[2]);
    const withScores = cmd.length > 3;
    const n = withScores ? reply.length / 2 : reply.length;
    if (count > 0 && n < count) {
      const items: string[] = [];
      for (let i = 0; i < reply.length; i += withScores ? 2 : 1) items.push(JSON.stringify(reply.slice(i, i + (withScores ? 2 : 1))));
      return items.sort();
    }
    return { n };
  }
  if (name === 'ZSCAN' && Array.isArray(reply) && Array.isArray(reply[1])) {
    const flat = reply[1] as unknown[];
    const items: string[] = [];
    for (let i = 0; i < flat.length; i += 2) items.push(JSON.stringify([flat[i], flat[i + 1]]));
    return [reply[0], items.sort()];
  }
  return reply;
}
