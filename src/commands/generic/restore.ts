// RESTORE key ttl serialized-value [REPLACE] [ABSTTL] [IDLETIME seconds] [FREQ frequency]
import { N, notifyArg } from '../notify.js';
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { NOT_INTEGER, SYNTAX } from '../errors.js';
import { NO_KEY } from '../../engine/status.js';
import { intsetLimit } from '../../engine/types/set.js';
import { parseDumpPayload, verifyDumpPayload } from '../../persistence/rdb/dump-payload.js';
import { setAccessFromRdb, storeKey, type LoadLimits } from '../../persistence/rdb/rdb-engine.js';
import { listFill } from '../list/list-generic.js';
import { hashLimits } from '../hash/hash-common.js';
import type { CommandContext } from '../context.js';

const BUSYKEY = 'BUSYKEY Target key name already exists.';

function loadLimits(ctx: CommandContext): LoadLimits {
  const config = ctx.server.config;
  return {
    listFill: listFill(ctx),
    setMaxIntset: intsetLimit(config.getNumber('set-max-intset-entries')),
    hash: hashLimits(ctx),
    zsetEntries: config.getNumber('zset-max-listpack-entries'),
    zsetValue: config.getNumber('zset-max-listpack-value'),
  };
}

export default defineCommand({
  name: 'restore',
  arity: -4,
  flags: ['write', 'denyoom'],
  acl: ['keyspace', 'dangerous'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['OW', 'UPDATE'])],
  doc: {
    summary: 'Create a key using the provided serialized value, previously obtained using DUMP.',
    since: '2.6.0',
    group: 'generic',
    complexity: 'O(1) to create the new key and additional O(N*M) to reconstruct the serialized value, where N is the number of Redis objects composing the value and M their average size. For small string values the time complexity is thus O(1)+O(1*M) where M is small, so simply O(1). However for sorted set values the complexity is O(N*M*log(N)) because inserting values into sorted sets is O(log(N)).',
    history: [
      ['3.0.0', 'Added the `REPLACE` modifier.'],
      ['5.0.0', 'Added the `ABSTTL` modifier.'],
      ['5.0.0', 'Added the `IDLETIME` and `FREQ` options.'],
    ],
  },
  handler(ctx, args, reply) {
    let replace = false;
    let absttl = false;
    let freq = -1;
    let idle = -1;
    for (let j = 4; j < args.count; j++) {
      const more = args.count - j - 1;
      if (args.is(j, 'replace')) {
        replace = true;
      } else if (args.is(j, 'absttl')) {
        absttl = true;
      } else if (args.is(j, 'idletime') && more >= 1 && freq === -1) {
        const v = args.int(++j);
        if (v === null) return reply.error(NOT_INTEGER);
        if (v < 0) return reply.error('ERR Invalid IDLETIME value, must be >= 0');
        idle = v;
      } else if (args.is(j, 'freq') && more >= 1 && idle === -1) {
        const v = args.int(++j);
        if (v === null) return reply.error(NOT_INTEGER);
        if (v < 0 || v > 255) return reply.error('ERR Invalid FREQ value, must be >= 0 and <= 255');
        freq = v;
      } else {
        return reply.error(SYNTAX);
      }
    }
    const db = ctx.db;
    const buf = args.buf;
    const ks = args.start(1);
    const ke = args.end(1);
    if (!replace && db.lookupWriteAt(buf, ks, ke) !== NO_KEY) return reply.error(BUSYKEY);
    const ttlArg = args.int(2);
    if (ttlArg === null) return reply.error(NOT_INTEGER);
    if (ttlArg < 0) return reply.error('ERR Invalid TTL value, must be >= 0');
    const payload = args.view(3);
    if (!verifyDumpPayload(payload)) return reply.error('ERR DUMP payload version or checksum are wrong');
    const value = parseDumpPayload(Buffer.from(payload));
    if (value === null) return reply.error('ERR Bad data format');
    let deleted = false;
    if (replace) deleted = db.lookupWriteAt(buf, ks, ke) !== NO_KEY && db.deleteKeyAt(buf, ks, ke);
    const now = ctx.engine.clock.now();
    const ttl = ttlArg !== 0 && !absttl ? ttlArg + now : ttlArg;
    if (ttl !== 0 && ttl <= now) {
      // Already expired: the key is not created (only the replaced one is gone).
      if (deleted) {
        ctx.dirty(1);
        notifyArg(ctx, N.GENERIC, 'del', args, 1);
        ctx.propagation?.rewrite(['DEL', args.view(1)]);
      }
      return reply.ok();
    }
    const pos = storeKey(db, buf, ks, ke, value, loadLimits(ctx));
    if (ttl !== 0) db.setExpire(pos, ttl);
    setAccessFromRdb(db, ctx.engine.stats, pos, freq, idle);
    ctx.dirty(1);
    const p = ctx.propagation;
    if (p !== null && ttl !== 0 && !absttl) {
      // The TTL is propagated as an absolute time: argument 2 becomes it and ABSTTL is appended.
      const argv: (Buffer | string | number)[] = [];
      for (let i = 0; i < args.count; i++) argv.push(i === 2 ? ttl : args.view(i));
      argv.push('ABSTTL');
      p.rewrite(argv);
    }
    notifyArg(ctx, N.GENERIC, 'restore', args, 1);
    reply.ok();
  },
}) satisfies CommandSpec;
