/**
 * Random command streams over lists for the differential test: a small key
 * space (lists, a string, missing keys) so wrong types, missing keys and
 * collisions happen often; long elements and bulk pushes so lists cross from
 * the blob to the QuickList and pops bring them back down; runs of hundreds
 * of elements and elements around 4 and 8 KiB so QuickLists span several
 * chunks and own-buffer nodes, and middle edits cross them; the threshold
 * itself changes now and then (CONFIG SET list-max-listpack-size).
 */
import { Weighted, type Cmd, type Rng } from './harness.js';

const KEYS = ['l1', 'l2', 'l3', 'l3', 's1', '', 'bin\x00\xff'];
const SMALL = ['a', 'b', 'c', 'a', 'b', '', '0', '1', '-1', 'x\x00y', '\xff\xfe', 'hello world'];
const BIG = ['L'.repeat(127), 'M'.repeat(128), 'N'.repeat(300), 'O'.repeat(3000), 'P'.repeat(9000), 'Q'.repeat(16384), 'R'.repeat(4096), 'S'.repeat(4097), 'T'.repeat(8192)];
const INDEXES = ['0', '1', '2', '-1', '-2', '3', '5', '10', '-5', '-100', '100', '1000', '511', '513', '-600', '700', 'x', '', '1.5', '9223372036854775807', '-9223372036854775808'];
const COUNTS = ['0', '1', '2', '3', '-1', '-2', '10', '100', 'x', '9223372036854775807', '-9223372036854775808'];
const POP_COUNTS = ['0', '1', '2', '5', '50', '1000', '-1', 'x', '9223372036854775807'];
const ENDS = ['LEFT', 'RIGHT', 'left', 'Right', 'middle'];
const FILLS = ['-1', '-2', '-2', '-3', '-5', '1', '4', '128', '0'];

export function key(r: Rng): string {
  return r.pick(KEYS);
}
function elem(r: Rng): string {
  return r.chance(0.06) ? r.pick(BIG) : r.pick(SMALL);
}
function elems(r: Rng): string[] {
  if (r.chance(0.05)) {
    const n = r.chance(0.3) ? 500 + r.int(800) : 20 + r.int(400);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(r.chance(0.3) ? r.pick(SMALL) : `e${i}-${r.int(1000)}`);
    return out;
  }
  const n = 1 + r.int(4);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(elem(r));
  return out;
}

function lposOptions(r: Rng): string[] {
  const out: string[] = [];
  const n = r.int(4);
  for (let i = 0; i < n; i++) {
    switch (r.int(5)) {
      case 0: out.push('RANK', r.pick(['1', '2', '-1', '-2', '3', '0', 'x', '-9223372036854775807', '9223372036854775807'])); break;
      case 1: out.push('COUNT', r.pick(['0', '1', '2', '-1', 'x', '100'])); break;
      case 2: out.push('MAXLEN', r.pick(['0', '1', '2', '5', '-1', 'x'])); break;
      case 3: out.push(r.pick(['rank', 'count', 'maxlen'])); break;
      default: out.push(r.pick(['BOGUS', 'Rank', 'cOUNT']), r.pick(['1', '2']));
    }
  }
  return out;
}

function lmpop(r: Rng): Cmd {
  const n = r.int(4);
  const keys: string[] = [];
  for (let i = 0; i < n; i++) keys.push(key(r));
  const numkeys = r.chance(0.85) ? String(n) : r.pick(['0', '-1', 'x', String(n + 1), String(Math.max(0, n - 1))]);
  const tail: string[] = r.chance(0.9) ? [r.pick(ENDS)] : [];
  if (r.chance(0.4)) tail.push('COUNT', r.pick(['1', '2', '10', '0', '-1', 'x']));
  if (r.chance(0.05)) tail.push(r.pick(['COUNT', 'junk']));
  return ['LMPOP', numkeys, ...keys, ...tail];
}

type Gen = (r: Rng) => Cmd;
const GENERATORS: [number, Gen][] = [
  [12, (r) => ['LPUSH', key(r), ...elems(r)]],
  [12, (r) => ['RPUSH', key(r), ...elems(r)]],
  [3, (r) => ['LPUSHX', key(r), ...elems(r)]],
  [3, (r) => ['RPUSHX', key(r), ...elems(r)]],
  [8, (r) => ['LPOP', key(r), ...(r.chance(0.5) ? [r.pick(POP_COUNTS)] : [])]],
  [8, (r) => ['RPOP', key(r), ...(r.chance(0.5) ? [r.pick(POP_COUNTS)] : [])]],
  [4, (r) => ['LLEN', key(r)]],
  [8, (r) => ['LRANGE', key(r), r.pick(INDEXES), r.pick(INDEXES)]],
  [5, (r) => ['LINDEX', key(r), r.pick(INDEXES)]],
  [4, (r) => ['LSET', key(r), r.pick(INDEXES), elem(r)]],
  [4, (r) => ['LINSERT', key(r), r.pick(['BEFORE', 'AFTER', 'before', 'after', 'middle']), elem(r), elem(r)]],
  [4, (r) => ['LREM', key(r), r.pick(COUNTS), elem(r)]],
  [3, (r) => ['LTRIM', key(r), r.pick(INDEXES), r.pick(INDEXES)]],
  [5, (r) => ['LPOS', key(r), elem(r), ...lposOptions(r)]],
  [5, (r) => ['LMOVE', key(r), key(r), r.pick(ENDS), r.pick(ENDS)]],
  [3, (r) => ['RPOPLPUSH', key(r), key(r)]],
  [4, lmpop],
  [2, (r) => ['SET', r.chance(0.7) ? 's1' : key(r), elem(r)]],
  [1, (r) => ['GET', key(r)]],
  [2, (r) => ['DEL', key(r)]],
  [2, (r) => ['TYPE', key(r)]],
  [2, (r) => ['OBJECT', 'ENCODING', key(r)]],
  [1, (r) => ['EXISTS', key(r), key(r)]],
  [2, (r) => ['EXPIRE', key(r), r.pick(['1000', '5000', '-1'])]],
  [1, (r) => ['TTL', key(r)]],
  [1, (r) => ['PERSIST', key(r)]],
  [2, (r) => ['RENAME', key(r), key(r)]],
  [2, (r) => ['COPY', key(r), key(r), ...r.pick([[], ['REPLACE'], ['DB', '1'], ['DB', '1', 'REPLACE']])]],
  [1, (r) => ['MOVE', key(r), r.pick(['0', '1'])]],
  [0.5, (r) => ['SELECT', r.pick(['0', '0', '0', '1'])]],
  [1, () => ['SCAN', '0', 'TYPE', 'list', 'COUNT', '1000']],
  [0.3, (r) => ['CONFIG', 'SET', 'list-max-listpack-size', r.pick(FILLS)]],
  [0.5, (r) => ['HELLO', r.pick(['2', '2', '3'])]],
  [0.5, (r) => [r.pick(['LPUSH', 'LPOP', 'LRANGE', 'LINSERT', 'LPOS', 'LMOVE', 'LMPOP', 'LSET', 'LREM']), key(r)]],
  [0.3, () => ['FLUSHDB']],
];
const STEPS = new Weighted(GENERATORS);

/** One random command. */
export function randomCommand(r: Rng): Cmd {
  return STEPS.pick(r);
}

/** Commands that read back the whole state of both databases. */
export function finalState(): Cmd[] {
  const out: Cmd[] = [['HELLO', '2']];
  for (const db of ['0', '1']) {
    out.push(['SELECT', db], ['DBSIZE']);
    for (const k of new Set(KEYS)) out.push(['TYPE', k], ['LRANGE', k, '0', '-1'], ['TTL', k]);
  }
  return out;
}
