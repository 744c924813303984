/**
 * Random command streams over bitmaps and HyperLogLogs for the differential
 * test, mixed with the string commands that read or rewrite the same bytes
 * (GET compares HLL registers and bitmaps byte for byte). A small key space,
 * element pools big enough to promote sparse HLLs to dense, and hand-made
 * HLL values (valid, corrupted, random dense registers) set directly.
 */
import type { Cmd, Rng } from './harness.js';

const KEYS = ['b1', 'b2', 'b3', 'h1', 'h2', 'h3', 'n', 's', ''];
const VALUES = ['', 'a', 'foobar', '0', '1', '255', '-1', '12345678901234567890', '\x00\xff\x0f\xf0', 'x'.repeat(44), 'y'.repeat(45), '\xff'.repeat(20)];
const OFFSETS = ['0', '1', '7', '8', '9', '15', '31', '63', '64', '100', '1000', '4095', '-1', 'x', '4294967295', '4294967296', '9223372036854775807', ''];
const RANGE = ['0', '1', '2', '-1', '-2', '-3', '3', '5', '7', '8', '9', '15', '16', '-8', '-9', '100', '-100', '9223372036854775807', '-9223372036854775808', 'x'];
const TYPES = ['i1', 'u1', 'i4', 'u4', 'i7', 'u7', 'i8', 'u8', 'i16', 'u16', 'i31', 'u31', 'i32', 'u32', 'i33', 'u33', 'i53', 'u53', 'i63', 'u63', 'i64', 'u64', 'i65', 'i0', 'I8', 'x8', 'i', 'u-1'];
const INTS = [
  '0', '1', '-1', '2', '-2', '7', '-8', '100', '-100', '127', '128', '-128', '-129', '255', '256', '65535', '4294967295', '4294967296',
  '9223372036854775807', '-9223372036854775808', '9007199254740993', '-9007199254740993', '1.5', 'x',
];

function key(r: Rng): string {
  return r.pick(KEYS);
}
/** Mostly a key of the group's own (b* for bitmaps, h* for HLLs), so few commands just meet the other kind. */
function bkey(r: Rng): string {
  return r.chance(0.8) ? r.pick(['b1', 'b2', 'b3', 'n']) : key(r);
}
function hkey(r: Rng): string {
  return r.chance(0.8) ? r.pick(['h1', 'h2', 'h3', 'h3']) : key(r);
}
function type(r: Rng): string {
  return r.chance(0.9) ? r.pick(TYPES.slice(0, 21)) : r.pick(TYPES);
}
function fieldOffset(r: Rng): string {
  if (r.chance(0.3)) return '#' + r.pick(['0', '1', '2', '3', '10', '-1', 'x']);
  return r.pick(['0', '1', '3', '5', '7', '8', '13', '16', '31', '60', '64', '100', '-1', 'x']);
}

function bitfieldOps(r: Rng, readOnly: boolean): string[] {
  const out: string[] = [];
  const n = 1 + r.int(4);
  for (let i = 0; i < n; i++) {
    const c = readOnly && r.chance(0.9) ? 0 : r.int(10);
    if (c <= 3) out.push('GET', type(r), fieldOffset(r));
    else if (c <= 5) out.push('SET', type(r), fieldOffset(r), r.pick(INTS));
    else if (c <= 7) out.push('INCRBY', type(r), fieldOffset(r), r.pick(INTS));
    else if (c === 8) out.push('OVERFLOW', r.pick(['WRAP', 'SAT', 'FAIL', 'fail', 'sat', 'bogus']));
    else out.push(r.pick(['GET', 'SET', 'INCRBY', 'OVERFLOW', 'bogus']));
  }
  return out;
}

function range(r: Rng): string[] {
  switch (r.int(6)) {
    case 0: return [];
    case 1: return [r.pick(RANGE)];
    case 2: return [r.pick(RANGE), r.pick(RANGE)];
    case 3: return [r.pick(RANGE), r.pick(RANGE), r.pick(['BIT', 'BYTE', 'bit', 'Byte', 'bits'])];
    case 4: return [r.pick(RANGE), r.pick(RANGE), 'BIT'];
    default: return [r.pick(RANGE), r.pick(RANGE), 'BIT', 'x'];
  }
}

/** An element of a pool that grows slowly, so HLLs see repeats and new values. */
function elements(r: Rng): string[] {
  const n = r.chance(0.2) ? 0 : r.chance(0.7) ? 1 + r.int(5) : 20 + r.int(200);
  const pool = r.pick([50, 500, 5000, 100000]);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(r.chance(0.05) ? r.pick(VALUES) : `e${r.int(pool)}`);
  return out;
}

// ---- hand-made HLL values ----------------------------------------------------

const HDR_SPARSE = 'HYLL\x01\x00\x00\x00';
const HDR_DENSE = 'HYLL\x00\x00\x00\x00';
const CARD_INVALID = '\x00\x00\x00\x00\x00\x00\x00\x80';
const CARD_VALID = '\x2a\x00\x00\x00\x00\x00\x00\x00';

/** A sparse HLL built from random opcodes (valid when they cover exactly 16384 registers). */
function sparse(r: Rng, valid: boolean): string {
  let s = HDR_SPARSE + (r.chance(0.5) ? CARD_INVALID : CARD_VALID);
  let left = 16384 + (valid ? 0 : r.pick([-1, 1, 100, -3]));
  while (left > 0) {
    const k = r.int(3);
    if (k === 0 || left < 4) {
      const len = 1 + r.int(Math.min(64, left));
      s += String.fromCharCode(len - 1);
      left -= len;
    } else if (k === 1) {
      const len = 1 + r.int(Math.min(16384, left));
      s += String.fromCharCode(0x40 | ((len - 1) >> 8), (len - 1) & 0xff);
      left -= len;
    } else {
      const len = 1 + r.int(4);
      s += String.fromCharCode(0x80 | (r.int(32) << 2) | (len - 1));
      left -= len;
    }
  }
  return s;
}

function dense(r: Rng): string {
  const regs: string[] = [];
  const max = r.pick([2, 8, 64, 256]);
  for (let i = 0; i < 12288; i++) regs.push(String.fromCharCode(r.chance(0.7) ? 0 : r.int(max)));
  return HDR_DENSE + (r.chance(0.5) ? CARD_INVALID : CARD_VALID) + regs.join('');
}

function hllValue(r: Rng): string {
  switch (r.int(8)) {
    case 0: return sparse(r, true);
    case 1: return sparse(r, false);
    case 2: return dense(r);
    case 3: return HDR_DENSE + CARD_INVALID + 'x'.repeat(100);
    case 4: return 'HYLL\x02\x00\x00\x00' + CARD_INVALID + '\x7f\xff';
    case 5: return 'HYL';
    case 6: return HDR_SPARSE + CARD_INVALID + '\x7f\xff';
    // Not a lone truncated XZERO: Redis then keeps a byte past the sds end
    // across commands (a split writes over the terminator), which a stored copy cannot.
    default: return HDR_SPARSE + CARD_VALID + '\x7f\xff\x00';
  }
}

type Gen = (r: Rng) => Cmd;
/** Bitmap commands. */
export const BITMAP: [number, Gen][] = [
  [8, (r) => ['SETBIT', bkey(r), r.pick(OFFSETS.slice(0, 12)), r.pick(['0', '1', '1', '2', '-1', 'x'])]],
  // A valid offset far out would make a 512 MB string: only invalid ones here.
  [1, (r) => ['SETBIT', bkey(r), r.pick(['-1', 'x', '', '4294967296', '9223372036854775807', '80000']), r.pick(['0', '1'])]],
  [5, (r) => ['GETBIT', bkey(r), r.pick(OFFSETS)]],
  [6, (r) => ['BITCOUNT', bkey(r), ...range(r)]],
  [6, (r) => ['BITPOS', bkey(r), r.pick(['0', '1', '1', '0', '2', 'x']), ...range(r)]],
  [4, (r) => ['BITOP', r.pick(['AND', 'OR', 'XOR', 'NOT', 'and', 'nand']), bkey(r), ...Array.from({ length: 1 + r.int(3) }, () => bkey(r))]],
  [8, (r) => ['BITFIELD', bkey(r), ...bitfieldOps(r, false)]],
  [3, (r) => ['BITFIELD_RO', bkey(r), ...bitfieldOps(r, true)]],
  [0.3, (r) => ['BITFIELD', bkey(r)]],
];
/** HyperLogLog commands. */
export const HLL: [number, Gen][] = [
  [10, (r) => ['PFADD', hkey(r), ...elements(r)]],
  [5, (r) => ['PFCOUNT', hkey(r), ...(r.chance(0.3) ? [hkey(r), hkey(r)] : [])]],
  [3, (r) => ['PFMERGE', hkey(r), ...Array.from({ length: r.int(3) }, () => hkey(r))]],
  [1, (r) => ['SET', hkey(r), hllValue(r)]],
];
/** String and key commands over the same keys. */
export const STRINGS: [number, Gen][] = [
  [4, (r) => ['GET', key(r)]],
  [2, (r) => ['SET', key(r), r.pick(VALUES)]],
  [1, (r) => ['APPEND', key(r), r.pick(VALUES)]],
  [1, (r) => ['SETRANGE', key(r), r.pick(['0', '1', '5', '20']), r.pick(VALUES)]],
  [1, (r) => ['STRLEN', key(r)]],
  [1, (r) => ['DEL', key(r)]],
  [1, (r) => ['TYPE', key(r)]],
  [2, (r) => ['OBJECT', 'ENCODING', key(r)]],
  [0.5, (r) => ['COPY', key(r), key(r), 'REPLACE']],
  [0.3, (r) => ['INCR', key(r)]],
  [0.3, (r) => ['EXPIRE', key(r), '100000']],
  [0.5, (r) => ['TTL', key(r)]],
];

/** A random command drawn from the given generator tables. */
export function randomCommand(r: Rng, tables: readonly (readonly [number, Gen][])[]): Cmd {
  const all = tables.flat();
  let x = r.next() * all.reduce((a, [w]) => a + w, 0);
  for (const [w, g] of all) {
    x -= w;
    if (x <= 0) return g(r);
  }
  return all[0]![1](r);
}
