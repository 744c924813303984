// PFDEBUG subcommand key
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { Encoding, NO_KEY } from '../../engine/status.js';
import { StringView } from '../../engine/types/bitmap.js';
import { HLL_DENSE, HLL_HDR, HLL_REGISTERS, HllWork, denseGet } from '../../engine/types/hyperloglog.js';
import { INVALIDOBJ, viewHll } from './hll-common.js';

const view = new StringView();
const work = new HllWork();

/** The sparse opcodes as Redis prints them: "z:len", "Z:len", "v:value,len". */
function decodeSparse(mem: Uint8Array, s: number, end: number): string {
  const parts: string[] = [];
  let p = s + HLL_HDR;
  while (p < end) {
    const op = mem[p]!;
    if ((op & 0xc0) === 0) {
      parts.push(`z:${(op & 0x3f) + 1}`);
      p++;
    } else if ((op & 0xc0) === 0x40) {
      parts.push(`Z:${(((op & 0x3f) << 8) | (p + 1 < end ? mem[p + 1]! : 0)) + 1}`);
      p += 2;
    } else {
      parts.push(`v:${((op >> 2) & 0x1f) + 1},${(op & 3) + 1}`);
      p++;
    }
  }
  return parts.join(' ');
}

export default defineCommand({
  name: 'pfdebug',
  arity: 3,
  flags: ['write', 'denyoom', 'admin'],
  acl: ['hyperloglog'],
  firstKey: 2,
  lastKey: 2,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'ACCESS'], 2)],
  doc: { summary: 'Internal commands for debugging HyperLogLog values', since: '2.8.9', group: 'hyperloglog', complexity: 'N/A' },
  handler(ctx, args, reply) {
    const db = ctx.db;
    const ks = args.start(2);
    const ke = args.end(2);
    const pos = db.lookupWriteAt(args.buf, ks, ke);
    if (pos === NO_KEY) return reply.error('ERR The specified key does not exist');
    const err = viewHll(db, pos, view);
    if (err !== null) return reply.error(err);
    const dense = view.mem[view.start + 4] === HLL_DENSE;
    const getreg = args.is(1, 'getreg');
    if (getreg || args.is(1, 'todense')) {
      work.load(view.mem, view.start, view.len);
      if (!dense) {
        if (!work.toDense()) return reply.error(INVALIDOBJ);
        // As Redis: the encoding change is a write (dirty++), so it propagates.
        db.putBytesAt(args.buf, ks, ke, Encoding.RAW, work.buf, 0, work.len, true);
        ctx.dirty(1);
      }
      if (!getreg) return reply.int(dense ? 0 : 1);
      reply.array(HLL_REGISTERS);
      for (let i = 0; i < HLL_REGISTERS; i++) reply.int(denseGet(work.buf, HLL_HDR, i));
      return;
    }
    if (args.is(1, 'decode')) {
      if (dense) return reply.error('ERR HLL encoding is not sparse');
      return reply.bulkStr(decodeSparse(view.mem, view.start, view.start + view.len));
    }
    if (args.is(1, 'encoding')) return reply.simple(dense ? 'dense' : 'sparse');
    reply.error(`ERR Unknown PFDEBUG subcommand '${args.str(1)}'`);
  },
}) satisfies CommandSpec;
