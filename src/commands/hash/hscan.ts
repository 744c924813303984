// HSCAN key cursor [MATCH pattern] [COUNT count]
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import type { Reply } from '../reply.js';
import type { Args } from '../args.js';
import { WRONGTYPE } from '../errors.js';
import { INVALID_CURSOR, parseCursor, parseScanOptions, replyEmptyScan, scanMatches, type ScanOptions } from '../generic/scan-options.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { lookupReadOf } from '../../engine/types/lookup.js';
import { HashPairs, type HashVisitor } from '../../engine/types/hash.js';

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

/** The call's arguments and options, bound for HashPairs.fieldMatches. */
let scanArgs: Args;
let scanOpts: ScanOptions;
function matches(subject: Uint8Array, s: number, e: number): boolean {
  return scanMatches(scanArgs, scanOpts, subject, s, e);
}

class PairWriter implements HashVisitor {
  reply!: Reply;
  bytes(mem: Uint8Array, fs: number, fe: number, vs: number, ve: number): void {
    this.reply.bulk(mem, fs, fe);
    this.reply.bulk(mem, vs, ve);
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
    if (pos === NO_KEY) return replyEmptyScan(reply);
    if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
    const o = parseScanOptions(args, 3, false, reply);
    if (o === null) return;
    scanArgs = args;
    scanOpts = o;
    pairs.load(db, pos);
    nfound = 0;
    let next = 0;
    // A listpack is returned whole in one call, whatever the cursor and COUNT.
    if (pairs.compact) for (let i = 0; i < pairs.size; i++) collect(i);
    else next = pairs.scan(cursor, o.count, collect);
    let n = 0;
    for (let i = 0; i < nfound; i++) if (!o.usePattern || pairs.fieldMatches(found[i]!, matches)) found[n++] = found[i]!;
    reply.array(2);
    reply.bulkStr(String(next));
    reply.array(n * 2);
    writer.reply = reply;
    for (let i = 0; i < n; i++) pairs.visit(found[i]!, true, writer);
  },
}) satisfies CommandSpec;
