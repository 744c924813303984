// KEYS pattern
import { defineCommand, type CommandSpec } from '../define.js';
import { globMatch } from '../../engine/glob.js';

export default defineCommand({
  name: 'keys',
  arity: 2,
  flags: ['readonly'],
  acl: ['keyspace', 'dangerous'],
  tips: ['request_policy:all_shards', 'nondeterministic_output_order'],
  doc: {
    summary: 'Find all keys matching the given pattern',
    since: '1.0.0',
    group: 'generic',
    complexity:
      'O(N) with N being the number of keys in the database, under the assumption that the key names in the database and the given pattern have limited length.',
  },
  handler(ctx, args, reply) {
    const db = ctx.db;
    const pat = args.buf;
    const ps = args.start(1);
    const pe = args.end(1);
    const allKeys = pe - ps === 1 && pat[ps] === 42; /* * */
    // As Redis's keysCommand: expired keys are skipped but not deleted.
    const now = ctx.engine.clock.now();
    const limit = db.slotLimit;
    const token = reply.beginArray();
    let n = 0;
    for (let s = 0; s < limit; s++) {
      if (!db.occupied(s)) continue;
      const k = db.keyBytes(s);
      if (!allKeys && !globMatch(pat, ps, pe, k, 0, k.length)) continue;
      const at = db.expireAt(s);
      if (at !== 0 && at <= now) continue;
      reply.bulk(k, 0, k.length);
      n++;
    }
    reply.endArray(token, n);
  },
}) satisfies CommandSpec;
