/**
 * HGETALL, HKEYS and HVALS (Redis's genericHgetallCommand): every pair in
 * the hash's order (insertion order for a listpack); HGETALL is a map in
 * RESP3, the others arrays.
 */
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import type { Reply } from '../reply.js';
import { WRONGTYPE } from '../errors.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { lookupReadOf } from '../../engine/types/lookup.js';
import { hashForEach, hashLength, type HashVisitor } from '../../engine/types/hash.js';

export const WITH_FIELDS = 1;
export const WITH_VALUES = 2;

class PairWriter implements HashVisitor {
  reply!: Reply;
  what = 0;
  bytes(mem: Uint8Array, fs: number, fe: number, vs: number, ve: number): void {
    if (this.what & WITH_FIELDS) this.reply.bulk(mem, fs, fe);
    if (this.what & WITH_VALUES) this.reply.bulk(mem, vs, ve);
  }
}
const writer = new PairWriter();

export function hgetallGeneric(ctx: CommandContext, args: Args, reply: Reply, what: number): void {
  const db = ctx.db;
  const both = what === (WITH_FIELDS | WITH_VALUES);
  const pos = lookupReadOf(db, KeyType.HASH, args.buf, args.start(1), args.end(1));
  if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
  const n = pos === NO_KEY ? 0 : hashLength(db, pos);
  if (both) reply.map(n);
  else reply.array(n);
  if (pos === NO_KEY) return;
  writer.reply = reply;
  writer.what = what;
  hashForEach(db, pos, writer);
}
