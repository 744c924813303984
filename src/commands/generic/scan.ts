// SCAN cursor [MATCH pattern] [COUNT count] [TYPE type]
import { defineCommand, type CommandSpec } from '../define.js';
import { NO_KEY, TYPE_NAMES } from '../../engine/status.js';
import { INVALID_CURSOR, parseCursor, parseScanOptions, scanMatches } from './scan-options.js';

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
    const o = parseScanOptions(args, 2, true, reply);
    if (o === null) return;
    const typeName = o.typeName;
    const db = ctx.db;
    const names: string[] = [];
    const next = db.scan(cursor, o.count, (slot) => {
      if (o.usePattern) {
        const k = db.keyBytes(slot);
        if (!scanMatches(args, o, k, 0, k.length)) return;
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
