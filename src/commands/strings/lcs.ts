// LCS key1 key2 [LEN] [IDX] [MINMATCHLEN len] [WITHMATCHLEN]
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { NOT_INTEGER, SYNTAX } from '../errors.js';
import { KeyType, NO_KEY } from '../../engine/status.js';
import type { Database } from '../../engine/keyspace.js';
import { stringBytes } from '../../engine/types/string.js';
import type { Args } from '../args.js';
import { keyword } from './set-generic.js';

const EMPTY = Buffer.alloc(0);
const NOT_STRINGS = 'ERR The specified keys must contain string values';

/** The key's bytes, EMPTY when missing, null for another type. */
function operand(db: Database, args: Args, i: number): Buffer | null {
  const slot = db.lookupReadAt(args.buf, args.start(i), args.end(i));
  if (slot === NO_KEY) return EMPTY;
  if (db.type(slot) !== KeyType.STRING) return null;
  return stringBytes(db.stringValue(slot));
}

export default defineCommand({
  name: 'lcs',
  arity: -3,
  flags: ['readonly'],
  acl: ['string'],
  firstKey: 1,
  lastKey: 2,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO', 'ACCESS'], 1, 1, 1, 0)],
  doc: { summary: 'Find longest common substring', since: '7.0.0', group: 'string', complexity: 'O(N*M) where N and M are the lengths of s1 and s2, respectively' },
  handler(ctx, args, reply) {
    // Redis's order: both lookups, the type check, the options, then the size checks.
    // `a` is copied: the second lookup may expire a key, and the engine's
    // views are only valid until the next write.
    const av = operand(ctx.db, args, 1);
    const a = av === null || av.length === 0 ? av : Buffer.from(av);
    const b = operand(ctx.db, args, 2);
    if (a === null || b === null) return reply.error(NOT_STRINGS);
    let getlen = false;
    let getidx = false;
    let withmatchlen = false;
    let minmatchlen = 0;
    for (let j = 3; j < args.count; j++) {
      const moreargs = args.count - 1 - j;
      if (keyword(args, j, 'idx')) getidx = true;
      else if (keyword(args, j, 'len')) getlen = true;
      else if (keyword(args, j, 'withmatchlen')) withmatchlen = true;
      else if (moreargs > 0 && keyword(args, j, 'minmatchlen')) {
        const v = args.int64(j + 1);
        if (v === null) return reply.error(NOT_INTEGER);
        minmatchlen = v < 0 ? 0 : Number(v);
        j++;
      } else {
        return reply.error(SYNTAX);
      }
    }
    if (getidx && getlen) return reply.error('ERR If you want both the length and indexes, please just use IDX.');
    const alen = a.length;
    const blen = b.length;
    if (alen >= 0xfffffffe || blen >= 0xfffffffe) return reply.error('ERR String too long for LCS');
    // LCS(i,j) at lcs[j + i*(blen+1)]: the LCS length of a[0..i-1] and b[0..j-1].
    const cells = (alen + 1) * (blen + 1);
    if (cells * 4 > ctx.server.config.getNumber('proto-max-bulk-len')) {
      return reply.error('ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len');
    }
    let lcs: Uint32Array;
    try {
      lcs = new Uint32Array(cells);
    } catch {
      return reply.error('ERR Insufficient memory, failed allocating transient memory for LCS');
    }
    const w = blen + 1;
    for (let i = 1; i <= alen; i++) {
      const ai = a[i - 1]!;
      const row = i * w;
      const prev = row - w;
      for (let j = 1; j <= blen; j++) {
        if (ai === b[j - 1]) {
          lcs[row + j] = lcs[prev + j - 1]! + 1;
        } else {
          const l1 = lcs[prev + j]!;
          const l2 = lcs[row + j - 1]!;
          lcs[row + j] = l1 > l2 ? l1 : l2;
        }
      }
    }
    const total = lcs[alen * w + blen]!;
    let idx = total;
    const computelcs = getidx || !getlen;
    const result = computelcs ? Buffer.allocUnsafe(idx) : EMPTY;
    let token = -1;
    let arraylen = 0;
    if (getidx) {
      reply.map(2);
      reply.bulkStr('matches');
      token = reply.beginArray();
    }
    // Walk back from the end, emitting the ranges as Redis does (same order, same quirks).
    let i = alen;
    let j = blen;
    let arangeStart = alen; // alen means "no range yet"
    let arangeEnd = 0;
    let brangeStart = 0;
    let brangeEnd = 0;
    while (computelcs && i > 0 && j > 0) {
      let emit = false;
      if (a[i - 1] === b[j - 1]) {
        result[idx - 1] = a[i - 1]!;
        if (arangeStart === alen) {
          arangeStart = i - 1;
          arangeEnd = i - 1;
          brangeStart = j - 1;
          brangeEnd = j - 1;
        } else if (arangeStart === i && brangeStart === j) {
          arangeStart--;
          brangeStart--;
        } else {
          emit = true;
        }
        if (arangeStart === 0 || brangeStart === 0) emit = true;
        idx--;
        i--;
        j--;
      } else {
        const l1 = lcs[(i - 1) * w + j]!;
        const l2 = lcs[i * w + j - 1]!;
        if (l1 > l2) i--;
        else j--;
        if (arangeStart !== alen) emit = true;
      }
      if (emit) {
        const matchLen = arangeEnd - arangeStart + 1;
        if (minmatchlen === 0 || matchLen >= minmatchlen) {
          if (getidx) {
            reply.array(withmatchlen ? 3 : 2);
            reply.array(2);
            reply.int(arangeStart);
            reply.int(arangeEnd);
            reply.array(2);
            reply.int(brangeStart);
            reply.int(brangeEnd);
            if (withmatchlen) reply.int(matchLen);
            arraylen++;
          }
        }
        arangeStart = alen;
      }
    }
    if (getidx) {
      reply.endArray(token, arraylen);
      reply.bulkStr('len');
      reply.int(total);
    } else if (getlen) {
      reply.int(idx);
    } else {
      reply.bulk(result);
    }
  },
}) satisfies CommandSpec;
