// SADD key member [member ...]
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { WRONGTYPE } from '../errors.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { lookupWriteOf } from '../../engine/types/lookup.js';
import { parseInt64 } from '../../engine/types/int64.js';
import { acc, maxIntset } from './set-common.js';
import { N, notifyArg } from '../notify.js';

export default defineCommand({
  name: 'sadd',
  arity: -3,
  flags: ['write', 'denyoom', 'fast'],
  acl: ['set'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'INSERT'])],
  doc: {
    summary: 'Add one or more members to a set',
    since: '1.0.0',
    group: 'set',
    complexity: 'O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.',
    history: [['2.4.0', 'Accepts multiple `member` arguments.']],
  },
  handler(ctx, args, reply) {
    const db = ctx.db;
    const buf = args.buf;
    const pos = lookupWriteOf(db, KeyType.SET, buf, args.start(1), args.end(1));
    if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
    const max = maxIntset(ctx);
    // setTypeCreate(): the first member decides the encoding of a new set.
    if (pos !== NO_KEY) acc.load(db, pos, max);
    else if (parseInt64(buf, args.start(2), args.end(2)) !== null) acc.reset(max);
    else acc.resetHash(max);
    let added = 0;
    for (let j = 2; j < args.count; j++) if (acc.addBytes(buf, args.start(j), args.end(j))) added++;
    if (pos === NO_KEY) acc.store(db, buf, args.start(1), args.end(1));
    else if (added > 0) acc.commit(db, pos);
    else acc.discard();
    ctx.dirty(added);
    if (added > 0) notifyArg(ctx, N.SET, 'sadd', args, 1);
    reply.int(added);
  },
}) satisfies CommandSpec;
