/** BITFIELD and BITFIELD_RO: Redis 7.0's bitfieldGeneric(). Every operation is parsed before any runs. */
import { N, notifyArg } from '../notify.js';
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import type { Reply } from '../reply.js';
import { NOT_INTEGER, STRING_TOO_LONG, SYNTAX, WRONGTYPE } from '../errors.js';
import { KeyType, NO_KEY } from '../../engine/status.js';
import {
  Overflow, StringEditor, StringView, checkSigned, checkUnsigned, getSigned, getUnsigned, limit, setBits,
} from '../../engine/types/bitmap.js';
import { lookupStringAt, WRONG_TYPE } from '../../engine/types/string.js';
import { MAX_BUFFER } from '../strings/grow.js';
import { BIT_OFFSET_ERR, BITFIELD_TYPE_ERR, bitOffset, bitfieldType } from './bit-args.js';

const GET = 0;
const SET = 1;
const INCRBY = 2;

/** The parsed operations, in reused parallel arrays. */
const ops = { offset: [] as number[], value: [] as bigint[], code: [] as number[], ow: [] as Overflow[], type: [] as number[] };
const view = new StringView();
const editor = new StringEditor();

function replyInt(reply: Reply, v: bigint): void {
  if (v >= -9007199254740991n && v <= 9007199254740991n) reply.int(Number(v));
  else reply.bigint(v);
}

export function bitfieldGeneric(ctx: CommandContext, args: Args, reply: Reply, readonlyCommand: boolean): void {
  const maxBulk = ctx.server.config.getNumber('proto-max-bulk-len');
  let ow = Overflow.WRAP;
  let numops = 0;
  let writes = false;
  let highest = 0;
  const argc = args.count;
  for (let j = 2; j < argc; j++) {
    const rem = argc - j - 1;
    let code: number;
    if (args.is(j, 'get') && rem >= 2) code = GET;
    else if (args.is(j, 'set') && rem >= 3) code = SET;
    else if (args.is(j, 'incrby') && rem >= 3) code = INCRBY;
    else if (args.is(j, 'overflow') && rem >= 1) {
      j++;
      if (args.is(j, 'wrap')) ow = Overflow.WRAP;
      else if (args.is(j, 'sat')) ow = Overflow.SAT;
      else if (args.is(j, 'fail')) ow = Overflow.FAIL;
      else return reply.error('ERR Invalid OVERFLOW type specified');
      continue;
    } else {
      return reply.error(SYNTAX);
    }
    const type = bitfieldType(args, j + 1);
    if (type === 0) return reply.error(BITFIELD_TYPE_ERR);
    const bits = Math.abs(type);
    const offset = bitOffset(args, j + 2, maxBulk, bits);
    if (offset < 0) return reply.error(BIT_OFFSET_ERR);
    let value = 0n;
    if (code !== GET) {
      writes = true;
      if (highest < offset + bits - 1) highest = offset + bits - 1;
      const v = args.int64(j + 3);
      if (v === null) return reply.error(NOT_INTEGER);
      value = BigInt(v);
    }
    ops.offset[numops] = offset;
    ops.value[numops] = value;
    ops.code[numops] = code;
    ops.ow[numops] = ow;
    ops.type[numops] = type;
    numops++;
    j += code === GET ? 2 : 3;
  }

  const db = ctx.db;
  const kbuf = args.buf;
  const ks = args.start(1);
  const ke = args.end(1);
  let mem: Uint8Array;
  let base: number;
  let len: number;
  if (!writes) {
    const slot = lookupStringAt(db, kbuf, ks, ke);
    if (slot === WRONG_TYPE) return reply.error(WRONGTYPE);
    const v = view.of(db, slot);
    mem = v.mem;
    base = v.start;
    len = v.len;
  } else {
    if (readonlyCommand) return reply.error('ERR BITFIELD_RO only supports the GET subcommand');
    const slot = db.lookupWriteAt(kbuf, ks, ke);
    if (slot !== NO_KEY && db.type(slot) !== KeyType.STRING) return reply.error(WRONGTYPE);
    const need = Math.floor(highest / 8) + 1;
    if (need > MAX_BUFFER) return reply.error(STRING_TOO_LONG);
    // The value grows to the farthest bit written even if a FAIL overflow then writes nothing.
    const e = editor.open(db, slot, need);
    mem = e.mem;
    base = e.base;
    len = e.len;
  }

  reply.array(numops);
  for (let k = 0; k < numops; k++) {
    const type = ops.type[k]!;
    const bits = Math.abs(type);
    const offset = ops.offset[k]!;
    const code = ops.code[k]!;
    if (code === GET) {
      replyInt(reply, type < 0 ? getSigned(mem, base, len, offset, bits) : getUnsigned(mem, base, len, offset, bits));
      continue;
    }
    const opow = ops.ow[k]!;
    const arg = ops.value[k]!;
    let overflow: number;
    let newval: bigint;
    let retval: bigint;
    if (type < 0) {
      const old = getSigned(mem, base, len, offset, bits);
      if (code === INCRBY) {
        overflow = checkSigned(old, arg, bits, opow);
        newval = overflow ? limit.value : old + arg;
        retval = newval;
      } else {
        overflow = checkSigned(arg, 0n, bits, opow);
        newval = overflow ? limit.value : arg;
        retval = old;
      }
    } else {
      const old = getUnsigned(mem, base, len, offset, bits);
      if (code === INCRBY) {
        overflow = checkUnsigned(old, arg, bits, opow);
        newval = overflow ? limit.value : BigInt.asUintN(64, old + arg);
        retval = newval;
      } else {
        const u = BigInt.asUintN(64, arg);
        overflow = checkUnsigned(u, 0n, bits, opow);
        newval = overflow ? limit.value : u;
        retval = old;
      }
    }
    if (overflow !== 0 && opow === Overflow.FAIL) {
      reply.nil();
    } else {
      replyInt(reply, retval);
      setBits(mem, base, offset, bits, newval);
    }
  }
  if (writes) {
    editor.commit(db, kbuf, ks, ke);
    ctx.dirty(numops);
    notifyArg(ctx, N.STRING, 'setbit', args, 1);
  }
}
