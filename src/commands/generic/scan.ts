// SCAN cursor [MATCH pattern] [COUNT count] [TYPE type]
import { defineCommand, type CommandSpec } from '../define.js';
import type { Args } from '../args.js';
import { NOT_INTEGER, SYNTAX } from '../errors.js';
import { keyword } from '../strings/set-generic.js';
import { globMatch } from '../../engine/glob.js';
import { NO_KEY, TYPE_NAMES } from '../../engine/status.js';
import { cString } from './c-string.js';

const INVALID_CURSOR = 'ERR invalid cursor';
const ULONG_MAX = 18446744073709551615n;

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * The cursor as parseScanCursorOrReply() reads it: strtoul() over the C
 * string (an optional sign, digits, nothing after; "" is 0; "-1" wraps), no
 * leading space, no overflow. Returns -1 when invalid. Cursors beyond the
 * engine's slot range all mean "past the end".
 */
export function parseCursor(args: Args, i: number): number {
  const buf = args.buf;
  let p = args.start(i);
  let end = args.end(i);
  for (let q = p; q < end; q++) {
    if (buf[q] === 0) {
      end = q;
      break;
    }
  }
  if (p === end) return 0;
  if (isSpace(buf[p]!)) return -1;
  let neg = false;
  if (buf[p] === 43 /* + */ || buf[p] === 45 /* - */) {
    neg = buf[p] === 45;
    p++;
  }
  if (p === end) return -1;
  let v = 0n;
  for (; p < end; p++) {
    const d = buf[p]! - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10n + BigInt(d);
    if (v > ULONG_MAX) return -1;
  }
  if (neg && v !== 0n) v = ULONG_MAX + 1n - v;
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
}

export default defineCommand({
  name: 'scan',
  arity: -2,
  flags: ['readonly'],
  acl: ['keyspace'],
  tips: ['nondeterministic_output', 'request_policy:special'],
  doc: {
    summary: 'Incrementally iterate the keys space',
    since: '2.8.0',
    group: 'generic',
    complexity:
      'O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection.',
    history: [['6.0.0', 'Added the `TYPE` subcommand.']],
  },
  handler(ctx, args, reply) {
    const cursor = parseCursor(args, 1);
    if (cursor < 0) return reply.error(INVALID_CURSOR);
    let count = 10;
    let patArg = -1;
    let typeName: string | null = null;
    for (let i = 2; i < args.count; ) {
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
      } else if (left >= 2 && keyword(args, i, 'type')) {
        typeName = cString(args, i + 1).toLowerCase();
        i += 2;
      } else {
        return reply.error(SYNTAX);
      }
    }
    const buf = args.buf;
    const ps = patArg < 0 ? 0 : args.start(patArg);
    const pe = patArg < 0 ? 0 : args.end(patArg);
    const usePattern = patArg >= 0 && !(pe - ps === 1 && buf[ps] === 42); /* * */
    const db = ctx.db;
    const names: string[] = [];
    const next = db.scan(cursor, count, (slot) => {
      if (usePattern) {
        const k = db.keyBytes(slot);
        if (!globMatch(buf, ps, pe, k, 0, k.length)) return;
      }
      names.push(db.keyName(slot));
    });
    let n = names.length;
    if (typeName !== null) {
      // Redis looks each candidate up (counting a keyspace hit) to learn its type.
      n = 0;
      for (const name of names) {
        const slot = db.lookupRead(name, false);
        if (TYPE_NAMES[slot === NO_KEY ? 0 : db.type(slot)] === typeName) names[n++] = name;
      }
    }
    reply.array(2);
    reply.bulkStr(String(next));
    reply.array(n);
    for (let i = 0; i < n; i++) reply.bulkStr(names[i]!);
  },
}) satisfies CommandSpec;
