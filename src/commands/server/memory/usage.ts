// MEMORY USAGE key [SAMPLES count]
import { defineCommand, rangeKeySpec } from '../../define.js';
import { SYNTAX } from '../../errors.js';
import { keyword } from '../../strings/set-generic.js';
import { NO_KEY } from '../../../engine/status.js';

const NOT_AN_INTEGER = 'ERR value is not an integer or out of range';

export default defineCommand({
  name: 'usage',
  arity: -3,
  flags: ['readonly'],
  acl: ['read'],
  firstKey: 2,
  lastKey: 2,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO'], 2)],
  doc: {
    summary: 'Estimate the memory usage of a key',
    since: '4.0.0',
    group: 'server',
    complexity: 'O(N) where N is the number of samples.',
  },
  handler(ctx, args, reply) {
    for (let j = 3; j < args.count; j += 2) {
      if (!keyword(args, j, 'samples') || j + 1 >= args.count) return reply.error(SYNTAX);
      const n = args.int64(j + 1);
      if (n === null) return reply.error(NOT_AN_INTEGER);
      if (n < 0) return reply.error(SYNTAX);
    }
    // SAMPLES is accepted for compatibility: collections keep an exact
    // running size, so there is nothing to sample.
    // As Redis, a key that expired but was not collected yet still counts.
    const pos = ctx.db.findAt(args.buf, args.start(2), args.end(2));
    if (pos === NO_KEY) return reply.nil();
    reply.int(ctx.db.memoryUsage(pos));
  },
});
