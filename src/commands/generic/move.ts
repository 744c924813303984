// MOVE key db
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { DB_INDEX_OUT_OF_RANGE } from '../errors.js';
import { NO_KEY } from '../../engine/status.js';
import { SAME_OBJECT, intArg, validDb } from './db-index.js';
import { N, notify, notifyArg } from '../notify.js';

export default defineCommand({
  name: 'move',
  arity: 3,
  flags: ['write', 'fast'],
  acl: ['keyspace'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'ACCESS', 'UPDATE'])],
  doc: { summary: 'Move a key to another database', since: '1.0.0', group: 'generic', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    const id = intArg(args, 2, reply);
    if (id === null) return;
    if (!validDb(id, ctx.engine.dbs.length)) return reply.error(DB_INDEX_OUT_OF_RANGE);
    const src = ctx.db;
    const dst = ctx.engine.dbs[id]!;
    if (src === dst) return reply.error(SAME_OBJECT);
    const buf = args.buf;
    const ks = args.start(1);
    const ke = args.end(1);
    const slot = src.lookupWriteAt(buf, ks, ke);
    if (slot === NO_KEY) return reply.int(0);
    if (dst.lookupWriteAt(buf, ks, ke) !== NO_KEY) return reply.int(0);
    // The value moves with its TTL; the source is deleted
    // last because the value may be a view of its memory.
    const to = dst.putAt(buf, ks, ke, src.type(slot), src.encoding(slot), src.value(slot));
    const expire = src.expireAt(slot);
    if (expire !== 0) dst.setExpire(to, expire);
    src.removeAt(slot);
    ctx.dirty(1);
    notifyArg(ctx, N.GENERIC, 'move_from', args, 1);
    notify(ctx, N.GENERIC, 'move_to', buf, ks, ke, id);
    reply.int(1);
  },
}) satisfies CommandSpec;
