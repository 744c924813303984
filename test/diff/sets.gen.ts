/**
 * Random command streams over sets for the differential test: a few keys
 * (some holding strings, for WRONGTYPE; this branch has no other types yet), members that are mostly
 * small integers with edge texts mixed in, and a small
 * set-max-intset-entries so conversions happen often. Commands whose
 * picks are random are followed by a command that puts both servers back
 * in the same state (SPOP is always followed by DEL of its key).
 */
import { Weighted, type Cmd, type Rng } from './harness.js';

const KEYS = ['s1', 's2', 's3', 's4', 'str', 'lst', 'none', ''];
const INT_MEMBERS = ['0', '1', '2', '3', '4', '5', '6', '7', '-1', '-2', '100', '40000', '-40000', '3000000000', '-3000000000',
  '9223372036854775807', '-9223372036854775808', '32767', '-32768', '2147483647', '-2147483648'];
const TEXT_MEMBERS = ['a', 'b', '', '01', '+1', ' 1', '1 ', '-0', '1.5', '9223372036854775808', 'bin\x00\xff', 'x'.repeat(30)];
const PATTERNS = ['*', '1*', '-*', '[0-3]', 'a', '?', '*0*'];

export function setKey(r: Rng): string {
  return r.pick(KEYS);
}
export function member(r: Rng): string {
  return r.chance(0.8) ? r.pick(INT_MEMBERS) : r.pick(TEXT_MEMBERS);
}
function members(r: Rng, max: number): string[] {
  const n = 1 + r.int(max);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(member(r));
  return out;
}
function keys(r: Rng, max: number): string[] {
  const n = 1 + r.int(max);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(setKey(r));
  return out;
}

type Gen = (r: Rng) => Cmd[];
const GENERATORS: [number, Gen][] = [
  [14, (r) => [['SADD', setKey(r), ...members(r, 6)]]],
  [6, (r) => [['SREM', setKey(r), ...members(r, 4)]]],
  [4, (r) => [['SISMEMBER', setKey(r), member(r)]]],
  [3, (r) => [['SMISMEMBER', setKey(r), ...members(r, 4)]]],
  [4, (r) => [['SCARD', setKey(r)]]],
  [6, (r) => [['SMEMBERS', setKey(r)]]],
  [3, (r) => [['SRANDMEMBER', setKey(r), ...(r.chance(0.7) ? [r.pick(['0', '1', '2', '5', '100', '-1', '-3', '-20', 'x', '-9223372036854775808'])] : [])]]],
  [3, (r) => {
    const k = setKey(r);
    const c = r.chance(0.3) ? [] : [r.pick(['0', '1', '2', '3', '10', '100', '-1', 'x'])];
    return [['SPOP', k, ...c], ['DEL', k]];
  }],
  [4, (r) => [['SMOVE', setKey(r), setKey(r), member(r)]]],
  [3, (r) => [['SINTER', ...keys(r, 3)]]],
  [3, (r) => [['SINTERSTORE', setKey(r), ...keys(r, 3)]]],
  [3, (r) => [['SUNION', ...keys(r, 3)]]],
  [3, (r) => [['SUNIONSTORE', setKey(r), ...keys(r, 3)]]],
  [3, (r) => [['SDIFF', ...keys(r, 3)]]],
  [4, (r) => [['SDIFFSTORE', setKey(r), ...keys(r, 4)]]],
  [3, (r) => {
    const ks = keys(r, 3);
    const n = r.pick([String(ks.length), String(ks.length), '0', '-1', 'x', String(ks.length + 1)]);
    const lim = r.chance(0.5) ? [] : r.pick([['LIMIT', '1'], ['LIMIT', '2'], ['LIMIT', '0'], ['LIMIT', '-1'], ['LIMIT'], ['FOO']]);
    return [['SINTERCARD', n, ...ks, ...lim]];
  }],
  [3, (r) => [['SSCAN', setKey(r), '0', ...(r.chance(0.4) ? ['MATCH', r.pick(PATTERNS)] : []), 'COUNT', '1000']]],
  [1, (r) => [['SSCAN', setKey(r), r.pick(['0', 'x', '-1']), ...r.pick([[], ['COUNT', '0'], ['COUNT', 'x'], ['TYPE', 'set'], ['MATCH'], ['BOGUS', '1']])]]],
  [4, (r) => [['OBJECT', 'ENCODING', setKey(r)]]],
  [2, (r) => [['TYPE', setKey(r)]]],
  [1, (r) => [['DEL', setKey(r)]]],
  [1, (r) => [['EXPIRE', setKey(r), r.pick(['1000', '0', '-1'])]]],
  [1, (r) => [['TTL', setKey(r)]]],
  [1, (r) => [['RENAME', setKey(r), setKey(r)]]],
  [1, (r) => [['COPY', setKey(r), setKey(r), ...(r.chance(0.5) ? ['REPLACE'] : [])]]],
  [1, (r) => [['SET', r.pick(['str', 's4']), 'v']]],
  [1, (r) => [['SET', r.pick(['lst', 's3']), '12']]],
  [0.5, (r) => [['CONFIG', 'SET', 'set-max-intset-entries', r.pick(['3', '4', '5', '8', '0', '1'])]]],
  [1, (r) => [[r.pick(['SADD', 'SREM', 'SMOVE', 'SPOP', 'SINTERCARD', 'SSCAN', 'SISMEMBER', 'SMISMEMBER', 'SINTER', 'SDIFFSTORE'])]]],
];
const STEPS = new Weighted(GENERATORS);

/** One random step: a command, sometimes with a follow-up that resynchronises both servers. */
export function randomSetCommands(r: Rng): Cmd[] {
  return STEPS.pick(r);
}
