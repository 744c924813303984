// GETBIT key offset
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { WRONGTYPE } from '../errors.js';
import { NO_KEY } from '../../engine/status.js';
import { StringView } from '../../engine/types/bitmap.js';
import { lookupStringAt, WRONG_TYPE } from '../../engine/types/string.js';
import { BIT_OFFSET_ERR, bitOffset } from './bit-args.js';

const view = new StringView();

export default defineCommand({
  name: 'getbit',
  arity: 3,
  flags: ['readonly', 'fast'],
  acl: ['bitmap'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO', 'ACCESS'])],
  doc: { summary: 'Returns the bit value at offset in the string value stored at key', since: '2.2.0', group: 'bitmap', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    const offset = bitOffset(args, 2, ctx.server.config.getNumber('proto-max-bulk-len'));
    if (offset < 0) return reply.error(BIT_OFFSET_ERR);
    const slot = lookupStringAt(ctx.db, args.buf, args.start(1), args.end(1));
    if (slot === NO_KEY) return reply.int(0);
    if (slot === WRONG_TYPE) return reply.error(WRONGTYPE);
    const v = view.of(ctx.db, slot);
    const byte = Math.floor(offset / 8);
    reply.int(byte < v.len && (v.mem[v.start + byte]! & (0x80 >> offset % 8)) !== 0 ? 1 : 0);
  },
}) satisfies CommandSpec;
