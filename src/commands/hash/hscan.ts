// HSCAN key cursor [MATCH pattern] [COUNT count]
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import type { Reply } from '../reply.js';
import { NOT_INTEGER, SYNTAX, WRONGTYPE } from '../errors.js';
import { keyword } from '../strings/set-generic.js';
import { parseCursor } from '../generic/scan.js';
import { globMatch } from '../../engine/glob.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { lookupReadOf } from '../../engine/types/lookup.js';
import { HashPairs, type HashVisitor } from '../../engine/types/hash.js';

const INVALID_CURSOR = 'ERR invalid cursor';
const pairs = new HashPairs();
let found = new Int32Array(64);
let nfound = 0;

function collect(i: number): void {
  if (nfound === found.length) {
    const bigger = new Int32Array(found.length * 2);
    bigger.set(found);
    found = bigger;
  }
  found[nfound++] = i;
}

/** The MATCH pattern, bound for HashPairs.fieldMatches. */
const pattern = { buf: Buffer.alloc(0) as Uint8Array, start: 0, end: 0 };
function matches(subject: Uint8Array, s: number, e: number): boolean {
  return globMatch(pattern.buf, pattern.start, pattern.end, subject, s, e);
}

class PairWriter implements HashVisitor {
  reply!: Reply;
  bytes(mem: Uint8Array, fs: number, fe: number, vs: number, ve: number): void {
    this.reply.bulk(mem, fs, fe);
    this.reply.bulk(mem, vs, ve);
  }
  text(field: string, value: string): void {
    this.reply.bulkStr(field);
    this.reply.bulkStr(value);
  }
}
const writer = new PairWriter();

export default defineCommand({
  name: 'hscan',
  arity: -3,
  flags: ['readonly'],
  acl: ['hash'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO', 'ACCESS'])],
  tips: ['nondeterministic_output'],
  doc: {
    summary: 'Incrementally iterate hash fields and associated values',
    since: '2.8.0',
    group: 'hash',
    complexity:
      'O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection..',
  },
  handler(ctx, args, reply) {
    // hscanCommand(): the cursor, then the key (a missing key answers an
    // empty scan whatever the options), then scanGenericCommand()'s options.
    const cursor = parseCursor(args, 2);
    if (cursor < 0) return reply.error(INVALID_CURSOR);
    const db = ctx.db;
    const pos = lookupReadOf(db, KeyType.HASH, args.buf, args.start(1), args.end(1));
    if (pos === NO_KEY) {
      reply.array(2);
      reply.bulkStr('0');
      return reply.array(0);
    }
    if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
    let count = 10;
    let patArg = -1;
    for (let i = 3; i < args.count; ) {
      const left = args.count - i;
      if (left >= 2 && keyword(args, i, 'count')) {
        const n = args.int64(i + 1);
        if (n === null) return reply.error(NOT_INTEGER);
        if (n < 1) return reply.error(SYNTAX);
        count = Number(n);
        i += 2;
      } else if (left >= 2 && keyword(args, i, 'match')) {
        patArg = i + 1;
        i += 2;
      } else {
        return reply.error(SYNTAX);
      }
    }
    const buf = args.buf;
    const usePattern = patArg >= 0 && !(args.len(patArg) === 1 && buf[args.start(patArg)] === 42); /* * */
    if (usePattern) {
      pattern.buf = buf;
      pattern.start = args.start(patArg);
      pattern.end = args.end(patArg);
    }
    pairs.load(db, pos);
    nfound = 0;
    let next = 0;
    // A listpack is returned whole in one call, whatever the cursor and COUNT.
    if (pairs.compact) for (let i = 0; i < pairs.size; i++) collect(i);
    else next = pairs.scan(cursor, count, collect);
    let n = 0;
    for (let i = 0; i < nfound; i++) if (!usePattern || pairs.fieldMatches(found[i]!, matches)) found[n++] = found[i]!;
    reply.array(2);
    reply.bulkStr(String(next));
    reply.array(n * 2);
    writer.reply = reply;
    for (let i = 0; i < n; i++) pairs.visit(found[i]!, true, writer);
  },
}) satisfies CommandSpec;
