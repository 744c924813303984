/**
 * Random command streams over strings, keys and expiry for the differential
 * test: a small key space so collisions, missing keys and edge values happen
 * often. TTLs are either long (no expiry during a run) or in the past
 * (immediate deletion), so both servers see the same state.
 */
import { Weighted, type Cmd, type Rng } from './harness.js';

const KEYS = ['k1', 'k2', 'k3', 'n1', 'n2', 'f1', '', 'bin\x00\xff', 'x*y', 'long'];
const VALUES = [
  '', 'v', 'hello world', '0', '1', '-1', '42', '007', ' 1', '1 ', '+5', '3.14', '1e3', '-0', '0.1', '10.5',
  '9223372036854775807', '-9223372036854775808', '9223372036854775808', '-9223372036854775809',
  '9007199254740993', '12345678901234567890', 'inf', 'nan', '\x00\x01\x02', 'x'.repeat(44), 'y'.repeat(45), 'z'.repeat(300),
];
const INTS = ['0', '1', '-1', '2', '10', '-10', '100', '9223372036854775807', '-9223372036854775808', '9223372036854775806', 'x', '1.5', '', '99999999999999999999'];
const FLOATS = ['0', '1', '-1', '0.1', '-0.1', '1.5', '10.5', '1e3', '5.0e3', '2.0e2', '1e308', '-1e308', '3.0e-5', '1e-300', 'inf', 'abc', '', ' 1', '0x10', '17.00000000000000001'];
const OFFSETS = ['0', '1', '2', '3', '-1', '-2', '-100', '100', '5', '10', '9223372036854775807', '-9223372036854775808', 'x'];
const LONG_TTL_S = ['1000', '5000', '100000'];
// Millisecond TTLs kept far from the second ones: GT/LT between two relative
// times a few ms apart would depend on when each server read its clock.
const LONG_TTL_MS = ['1500000', '3500000', '150000000'];
const PATTERNS = ['*', 'k*', '?1', '[kn]?', 'bin*', 'x\\*y', '*[0-9]', 'nomatch', '[^k]*', '\\'];

export function key(r: Rng): string {
  return r.pick(KEYS);
}
export function value(r: Rng): string {
  return r.chance(0.05) ? r.pick(KEYS) : r.pick(VALUES);
}

function setOptions(r: Rng): string[] {
  const opts: string[] = [];
  const n = r.int(3);
  for (let i = 0; i < n; i++) {
    switch (r.int(9)) {
      case 0: opts.push('NX'); break;
      case 1: opts.push('XX'); break;
      case 2: opts.push('GET'); break;
      case 3: opts.push('KEEPTTL'); break;
      case 4: opts.push('EX', r.pick(LONG_TTL_S)); break;
      case 5: opts.push('PX', r.pick(LONG_TTL_MS)); break;
      // A past EXAT is left out: Redis's fast expiry cycle may collect such a
      // key before the next command, making DBSIZE depend on timing.
      case 6: opts.push('EXAT', String(Math.floor(Date.now() / 1000) + 100000)); break;
      case 7: opts.push('EX', r.pick(['0', '-1', 'x', '9223372036854775807'])); break;
      default: opts.push(r.pick(['PXAT', 'nx', 'Get', 'bogus', 'PERSIST']));
    }
  }
  return opts;
}

const expireFlags = ['', '', '', 'NX', 'XX', 'GT', 'LT', 'nx', 'BAD'];

type Gen = (r: Rng) => Cmd;
const GENERATORS: [number, Gen][] = [
  [10, (r) => ['SET', key(r), value(r), ...setOptions(r)]],
  [10, (r) => ['GET', key(r)]],
  [2, (r) => ['SETNX', key(r), value(r)]],
  [2, (r) => ['SETEX', key(r), r.pick([...LONG_TTL_S, '0', '-5', 'x']), value(r)]],
  [2, (r) => ['PSETEX', key(r), r.pick([...LONG_TTL_MS, '0', '-1', 'x']), value(r)]],
  [2, (r) => ['GETSET', key(r), value(r)]],
  [2, (r) => ['GETDEL', key(r)]],
  [3, (r) => ['GETEX', key(r), ...(r.chance(0.5) ? [] : r.pick([['PERSIST'], ['EX', r.pick(LONG_TTL_S)], ['PX', '0'], ['EXAT', '1'], ['KEEPTTL'], ['EX']]))]],
  [3, (r) => ['MGET', key(r), key(r), key(r)]],
  [3, (r) => (r.chance(0.1) ? ['MSET', key(r)] : ['MSET', key(r), value(r), key(r), value(r)])],
  [2, (r) => ['MSETNX', key(r), value(r), key(r), value(r)]],
  [4, (r) => ['INCR', key(r)]],
  [3, (r) => ['DECR', key(r)]],
  [4, (r) => ['INCRBY', key(r), r.pick(INTS)]],
  [3, (r) => ['DECRBY', key(r), r.pick(INTS)]],
  [5, (r) => ['INCRBYFLOAT', key(r), r.pick(FLOATS)]],
  [4, (r) => ['APPEND', key(r), value(r)]],
  [2, (r) => ['STRLEN', key(r)]],
  [3, (r) => ['GETRANGE', key(r), r.pick(OFFSETS), r.pick(OFFSETS)]],
  [1, (r) => ['SUBSTR', key(r), r.pick(OFFSETS), r.pick(OFFSETS)]],
  [3, (r) => ['SETRANGE', key(r), r.pick(['0', '1', '5', '10', '-1', '100', 'x']), value(r)]],
  [2, (r) => ['LCS', key(r), key(r), ...r.pick([[], ['LEN'], ['IDX'], ['IDX', 'WITHMATCHLEN'], ['IDX', 'MINMATCHLEN', '2']])]],
  [3, (r) => ['DEL', key(r), ...(r.chance(0.5) ? [key(r)] : [])]],
  [1, (r) => ['UNLINK', key(r), key(r)]],
  [3, (r) => ['EXISTS', key(r), key(r)]],
  [2, (r) => ['TYPE', key(r)]],
  [2, (r) => ['RENAME', key(r), key(r)]],
  [2, (r) => ['RENAMENX', key(r), key(r)]],
  [2, (r) => ['COPY', key(r), key(r), ...r.pick([[], ['REPLACE'], ['DB', '1'], ['DB', '1', 'REPLACE'], ['DB', '99']])]],
  [1, (r) => ['MOVE', key(r), r.pick(['0', '1', '2', '16', 'x'])]],
  [1, (r) => ['TOUCH', key(r), key(r)]],
  [2, (r) => ['KEYS', r.pick(PATTERNS)]],
  [1, () => ['RANDOMKEY']],
  [1, () => ['DBSIZE']],
  [1, (r) => ['SELECT', r.pick(['0', '0', '0', '1', '16', 'x'])]],
  [1, () => ['SWAPDB', '0', '1']],
  [0.2, () => ['FLUSHDB']],
  [2, (r) => ['OBJECT', 'ENCODING', key(r)]],
  [1, (r) => ['OBJECT', r.pick(['REFCOUNT', 'FREQ', 'BOGUS']), key(r)]],
  [3, (r) => ['EXPIRE', key(r), r.pick([...LONG_TTL_S, '-1', '0', 'x', '9223372036854775807']), ...(r.chance(0.5) ? [r.pick(expireFlags)].filter((x) => x !== '') : [])]],
  [2, (r) => ['PEXPIRE', key(r), r.pick([...LONG_TTL_MS, '-1', 'x']), ...(r.chance(0.4) ? [r.pick(expireFlags), r.pick(expireFlags)].filter((x) => x !== '') : [])]],
  [1, (r) => ['EXPIREAT', key(r), r.pick(['1', String(Math.floor(Date.now() / 1000) + 50000), 'x'])]],
  [1, (r) => ['PEXPIREAT', key(r), r.pick(['1', String(Date.now() + 50000000)])]],
  [3, (r) => [r.pick(['TTL', 'PTTL', 'EXPIRETIME', 'PEXPIRETIME']), key(r)]],
  [2, (r) => ['PERSIST', key(r)]],
  [1, (r) => [r.pick(['GET', 'SET', 'INCR', 'EXPIRE', 'TTL', 'DEL', 'MGET'])]],
  // A NUL ends the name in the error text. Not 'get\0x': Redis hashes the whole name but compares up to the NUL, so it runs
  // GET when the hashes happen to share a bucket (its hash seed is random per process).
  [0.5, (r) => [r.pick(['NOSUCHCMD', 'nope\x00get', 'SETX']), key(r)]],
];
const STEPS = new Weighted(GENERATORS);

/** One random command. */
export function randomCommand(r: Rng): Cmd {
  return STEPS.pick(r);
}
