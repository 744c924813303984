/**
 * Random command streams for the generic commands over every type, for the
 * differential test: SORT and SORT_RO (BY, GET, LIMIT, ALPHA, DESC, STORE)
 * over lists, sets and sorted sets with weight, data and hash-field keys
 * whose texts test what strtod accepts; and RENAME, COPY, MOVE, TYPE,
 * OBJECT ENCODING and SCAN TYPE across the types.
 */
import { Weighted, type Cmd, type Rng } from './harness.js';

/** Elements: numbers, texts strtod half-accepts, words, and binary. */
export const ELEMENTS = ['1', '2', '3', '10', '-1', '0', '1.5', '-2.5', '1e3', 'inf', '-inf', ' 7', '0x10', 'a', 'b', 'apple', 'Banana', '', 'é', 'x\x00y'];
/**
 * Texts stored in weight keys: what strtod parses fully, partly or not at all.
 * No out-of-range texts: Redis checks errno == ERANGE after strtod without
 * clearing errno first, so one such text makes later SORTs on the same
 * connection's pipeline fail until something else resets errno.
 */
const WEIGHTS = ['1', '5', '-3', '2.5', '100', '1e2', ' 4', '4 ', '0x1A', 'inf', '-inf', 'nan', '', 'abc', '9', '3'];
const COLLECTIONS = ['l1', 'l2', 's1', 's2', 'z1', 'z2'];
const OTHER = ['h1', 'str', 'none', 'dst', 'dst2', 'x1', 'x2'];
const ALL_KEYS = [...COLLECTIONS, ...OTHER];
/** Keys of one type each (SORT STORE writes lists), so renames among them keep every key's type. */
const KINDS = [['l1', 'l2', 'dst', 'dst2'], ['s1', 's2'], ['z1', 'z2']];
const BY = ['w_*', 'nosort', 'w_*', 'hw_*->f', 'hw_*->g', 'const', 'w_*->f', 'missing_*', 'w_*x', '*'];
const GETS = ['#', 'd_*', 'hw_*->f', 'hw_*->nofield', 'w_*', 'nokey_*', 'd_*->f', 'const', '*'];
const LIMITS: string[][] = [['0', '3'], ['1', '2'], ['0', '0'], ['-1', '2'], ['2', '-1'], ['0', '-1'], ['5', '10'], ['100', '1'], ['x', '1'], ['1', 'y']];
const TYPES = ['string', 'list', 'set', 'zset', 'hash', 'stream', 'bogus'];

function pick<T>(r: Rng, xs: readonly T[]): T {
  return r.pick(xs);
}
function sameKind(r: Rng): [string, string] {
  const kind = r.pick(KINDS);
  return [r.pick(kind), r.pick(kind)];
}
function elements(r: Rng, max: number): string[] {
  const n = 1 + r.int(max);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(pick(r, ELEMENTS));
  return out;
}

function sortArgs(r: Rng, ro: boolean, key: string): string[] {
  const args: string[] = [];
  const parts = r.int(5);
  for (let i = 0; i < parts; i++) {
    switch (r.int(8)) {
      case 0: case 1: args.push('BY', pick(r, BY)); break;
      case 2: case 3: args.push('GET', pick(r, GETS)); break;
      case 4: args.push('LIMIT', ...pick(r, LIMITS)); break;
      case 5: args.push('ALPHA'); break;
      case 6: args.push(r.chance(0.5) ? 'DESC' : 'ASC'); break;
      case 7:
        if (ro || r.chance(0.3)) args.push(r.pick(['STORE', 'BOGUS', 'LIMIT', 'GET', 'BY']));
        else args.push('STORE', r.pick(['dst', 'dst2', 'l2']));
        break;
    }
  }
  if (!ro && r.chance(0.15)) args.push('STORE', r.pick(['dst', 'dst2']));
  // ALPHA by a pattern leaves ties in the input order, and Redis reads a set or sorted set in its hash table's order: numeric ties break on the element.
  const byStar = args.some((a, i) => args[i - 1] === 'BY' && a.includes('*'));
  const noSort = args.some((a, i) => args[i - 1] === 'BY' && !a.includes('*'));
  if ((key.startsWith('s') || key.startsWith('z')) && byStar && !noSort) return args.filter((a) => a !== 'ALPHA');
  return args;
}

type Gen = (r: Rng) => Cmd[];
const GENERATORS: [number, Gen][] = [
  [6, (r) => [[r.chance(0.5) ? 'RPUSH' : 'LPUSH', r.pick(['l1', 'l2']), ...elements(r, 5)]]],
  [4, (r) => [['SADD', r.pick(['s1', 's2']), ...elements(r, 5)]]],
  [4, (r) => {
    const pairs: string[] = [];
    for (const e of elements(r, 4)) pairs.push(r.pick(['1', '2', '0', '-1.5', '3']), e);
    return [['ZADD', r.pick(['z1', 'z2']), ...pairs]];
  }],
  [1, (r) => [[r.pick(['LPOP', 'SPOP', 'ZPOPMIN']), r.pick(COLLECTIONS)], ['DEL', 's1', 's2']]],
  [5, (r) => [['SET', `w_${pick(r, ELEMENTS)}`, pick(r, WEIGHTS)]]],
  [3, (r) => [['SET', `d_${pick(r, ELEMENTS)}`, r.pick(['da', 'db', '', '42', 'x\x00'])]]],
  [3, (r) => [['HSET', `hw_${pick(r, ELEMENTS)}`, r.pick(['f', 'g']), pick(r, WEIGHTS)]]],
  [1, (r) => [['RPUSH', `w_${pick(r, ELEMENTS)}`, 'listweight']]],
  [1, (r) => [['DEL', `w_${pick(r, ELEMENTS)}`, `d_${pick(r, ELEMENTS)}`]]],
  [16, (r) => {
    const k = r.pick([...COLLECTIONS, ...COLLECTIONS, 'h1', 'str', 'none']);
    return [['SORT', k, ...sortArgs(r, false, k)]];
  }],
  [5, (r) => {
    const k = r.pick([...COLLECTIONS, 'h1', 'none']);
    return [['SORT_RO', k, ...sortArgs(r, true, k)]];
  }],
  [2, (r) => [['LRANGE', r.pick(['dst', 'dst2', 'l2']), '0', '-1'], ['TYPE', r.pick(['dst', 'dst2'])]]],
  [1, () => [['SORT']]],
  [1, () => [['HSET', 'h1', 'f', '1', 'g', 'x']]],
  [1, () => [['SET', 'str', '12']]],
  [2, (r) => {
    const [a, b] = sameKind(r);
    return [[r.pick(['RENAME', 'RENAMENX']), a, b]];
  }],
  [2, (r) => {
    const [a, b] = sameKind(r);
    return [['COPY', a, b, ...(r.chance(0.5) ? ['REPLACE'] : []), ...(r.chance(0.2) ? ['DB', r.pick(['0', '1', 'x', '16'])] : [])]];
  }],
  // Across types only into keys SORT never reads, so each SORT key keeps its type.
  [1, (r) => [[r.pick(['RENAME', 'COPY']), r.pick(ALL_KEYS), r.pick(['x1', 'x2'])], ['TYPE', 'x1'], ['OBJECT', 'ENCODING', 'x2']]],
  [1, (r) => {
    const k = r.pick(ALL_KEYS);
    return [['MOVE', k, r.pick(['1', '0', '16', 'x'])], ['SELECT', '1'], ['TYPE', k], ['SORT', k, 'ALPHA'], ['MOVE', k, '0'], ['SELECT', '0']];
  }],
  [3, (r) => [['TYPE', r.pick(ALL_KEYS)], ['OBJECT', 'ENCODING', r.pick(ALL_KEYS)]]],
  [2, (r) => [['SCAN', '0', 'COUNT', '1000', 'TYPE', r.pick(TYPES), ...(r.chance(0.3) ? ['MATCH', r.pick(['w_*', '?1', '*'])] : [])]]],
  [1, (r) => [['EXPIRE', r.pick(ALL_KEYS), r.pick(['1000', '-1'])], ['TTL', r.pick(ALL_KEYS)]]],
];
const STEPS = new Weighted(GENERATORS);

/** One random step: a command, sometimes with follow-ups that read the state back. */
export function randomGenericCommands(r: Rng): Cmd[] {
  return STEPS.pick(r);
}

export const STATE_KEYS = ALL_KEYS;
