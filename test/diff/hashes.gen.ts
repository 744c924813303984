/**
 * Random command streams over hashes for the differential test: a few hash
 * keys, a string key for wrong types, small field and value pools (so fields
 * are replaced, deleted and re-added), long fields and values to cross
 * hash-max-listpack-value, and CONFIG SET of the thresholds so conversions
 * happen at both the default and small limits. A read of a whole hash is
 * preceded by OBJECT ENCODING and HRANDFIELD by HGETALL, which the
 * normaliser (./hashes.diff.test.ts) uses to know what to compare.
 */
import type { Cmd, Rng } from './harness.js';

const HASHES = ['h1', 'h2', 'h3', 'hb'];
const KEYS = [...HASHES, 'h1', 'h2', 'hb', 's1', 'nokey', ''];
const LONG = 'L'.repeat(70);
const FIELDS = ['f1', 'f2', 'f3', 'f4', 'f5', '', 'bin\x00\xff', 'n1', 'n2', 'x*y', 'fl'];
const VALUES = [
  '', 'v', 'hello', '0', '1', '-1', '42', '007', ' 1', '+5', '3.14', '1e3', '-0', '10.5', 'inf', 'nan',
  '9223372036854775807', '-9223372036854775808', '9223372036854775806', '12345678901234567890', '\x00\x01', 'y'.repeat(64), 'z'.repeat(65),
];
const INTS = ['0', '1', '-1', '5', '-100', '9223372036854775807', '-9223372036854775808', '9223372036854775806', 'x', '1.5', '', '99999999999999999999'];
const FLOATS = ['0', '1', '-1', '0.1', '1.5', '-2.25', '1e3', '5.0e3', '1e308', '-1e308', '3.0e-5', 'inf', '-inf', 'nan', 'abc', '', ' 1', '1e4000', '17.00000000000000001'];
const COUNTS = ['0', '1', '2', '3', '5', '10', '100', '-1', '-3', '-10', 'x', '-9223372036854775808', '4611686018427387904'];
const PATTERNS = ['*', 'f*', '?1', 'n[12]', 'bin*', 'x\\*y', 'nomatch', '*[0-9]', 'g*'];

function key(r: Rng): string {
  return r.pick(KEYS);
}
function hashKey(r: Rng): string {
  return r.chance(0.9) ? r.pick(HASHES) : key(r);
}
function field(r: Rng): string {
  if (r.chance(0.03)) return LONG;
  // The big hash draws from a wider pool to grow past small entry limits.
  return r.chance(0.3) ? `g${r.int(40)}` : r.pick(FIELDS);
}
function value(r: Rng): string {
  return r.chance(0.02) ? LONG : r.pick(VALUES);
}
function pairs(r: Rng, max: number): string[] {
  const out: string[] = [];
  const n = 1 + r.int(max);
  for (let i = 0; i < n; i++) out.push(field(r), value(r));
  return out;
}
function fields(r: Rng, max: number): string[] {
  const out: string[] = [];
  const n = 1 + r.int(max);
  for (let i = 0; i < n; i++) out.push(field(r));
  return out;
}

type Gen = (r: Rng) => Cmd | Cmd[];
const GENERATORS: [number, Gen][] = [
  [14, (r) => ['HSET', hashKey(r), ...pairs(r, 4)]],
  [3, (r) => ['HSET', 'hb', ...pairs(r, 20)]],
  [2, (r) => ['HMSET', hashKey(r), ...pairs(r, 3)]],
  [1, (r) => [r.pick(['HSET', 'HMSET']), hashKey(r), ...pairs(r, 2), 'odd']],
  [4, (r) => ['HSETNX', hashKey(r), field(r), value(r)]],
  [10, (r) => ['HGET', hashKey(r), field(r)]],
  [4, (r) => ['HMGET', hashKey(r), ...fields(r, 4)]],
  [6, (r) => ['HDEL', hashKey(r), ...fields(r, 3)]],
  [4, (r) => ['HEXISTS', hashKey(r), field(r)]],
  [3, (r) => ['HLEN', hashKey(r)]],
  [3, (r) => ['HSTRLEN', hashKey(r), field(r)]],
  [6, (r) => ['HINCRBY', hashKey(r), field(r), r.pick(INTS)]],
  [6, (r) => ['HINCRBYFLOAT', hashKey(r), field(r), r.pick(FLOATS)]],
  [5, (r) => { const k = hashKey(r); return [['OBJECT', 'ENCODING', k], [r.pick(['HGETALL', 'HKEYS', 'HVALS']), k]]; }],
  [4, (r) => {
    const k = hashKey(r);
    const c = r.pick(COUNTS);
    const tail = r.chance(0.5) ? ['WITHVALUES'] : r.chance(0.1) ? [r.pick(['withvalues', 'WITHVALUE', 'WITHVALUES x'])] : [];
    return [['OBJECT', 'ENCODING', k], ['HGETALL', k], r.chance(0.2) ? ['HRANDFIELD', k] : ['HRANDFIELD', k, c, ...tail]];
  }],
  [4, (r) => {
    const k = hashKey(r);
    const opts: string[] = [];
    if (r.chance(0.4)) opts.push('MATCH', r.pick(PATTERNS));
    if (r.chance(0.4)) opts.push('COUNT', r.pick(['1', '5', '1000', '0', 'x']));
    if (r.chance(0.05)) opts.push(r.pick(['TYPE', 'NOVALUES', 'bogus']));
    return [['OBJECT', 'ENCODING', k], ['HSCAN', k, r.pick(['0', '0', '0', '7', 'x', '-1']), ...opts]];
  }],
  [3, (r) => ['OBJECT', 'ENCODING', hashKey(r)]],
  [2, (r) => ['TYPE', key(r)]],
  [2, (r) => ['EXISTS', key(r)]],
  [1, (r) => ['SET', 's1', value(r)]],
  [2, (r) => ['DEL', key(r)]],
  [0.5, () => ['DEL', 'hb']],
  [1, (r) => ['EXPIRE', key(r), r.pick(['1000', '5000'])]],
  [1, (r) => ['TTL', key(r)]],
  [1, (r) => ['RENAME', key(r), key(r)]],
  [1, (r) => ['COPY', key(r), key(r), ...r.pick([[], ['REPLACE']])]],
  [0.5, (r) => ['MOVE', key(r), '1']],
  [0.3, (r) => { const k = hashKey(r); return [['SELECT', '1'], ['OBJECT', 'ENCODING', k], ['HGETALL', k], ['DEL', ...HASHES], ['SELECT', '0']]; }],
  [0.3, (r) => ['CONFIG', 'SET', 'hash-max-listpack-entries', r.pick(['8', '16', '512'])]],
  [0.3, (r) => ['CONFIG', 'SET', 'hash-max-listpack-value', r.pick(['16', '64', '64'])]],
  [0.5, (r) => ['HELLO', r.pick(['2', '3'])]],
  [1, (r) => [r.pick(['HSET', 'HGET', 'HDEL', 'HINCRBY', 'HRANDFIELD', 'HSCAN', 'HLEN', 'HMGET']), hashKey(r)]],
];
const TOTAL = GENERATORS.reduce((a, [w]) => a + w, 0);

/** One random step: a command, or a few that belong together. */
export function randomSteps(r: Rng): Cmd[] {
  let x = r.next() * TOTAL;
  for (const [w, g] of GENERATORS) {
    x -= w;
    if (x <= 0) {
      const c = g(r);
      return Array.isArray(c[0]) ? (c as Cmd[]) : [c as Cmd];
    }
  }
  return [['HLEN', 'h1']];
}
