/**
 * DEBUG OBJECT's line, in Redis's format:
 * "Value at:0x... refcount:1 encoding:embstr serializedlength:6 lru:255333 lru_seconds_idle:0"
 * (plus ql_* fields for quicklists). The address is a stable pseudo address
 * (there is no C pointer to show); serializedlength is the RDB length Redis
 * would write, without LZF compression.
 */
import type { CommandContext } from '../context.js';
import { KeyType } from '../../engine/status.js';
import { listLength } from '../../engine/types/list.js';
import { encodingName, refcount } from '../generic/object/lookup.js';
import { idleSeconds } from '../../engine/eviction/access.js';

/** rdbSaveLen(): bytes of an RDB length prefix. */
function lenLen(n: number): number {
  if (n < 1 << 6) return 1;
  if (n < 1 << 14) return 2;
  if (n <= 0xffffffff) return 5;
  return 9;
}

/** rdbEncodeInteger(): 2, 3 or 5 bytes for values that fit int8/int16/int32, else 0. */
function intLen(v: number | bigint): number {
  if (typeof v === 'bigint') return 0;
  if (v >= -(1 << 7) && v <= (1 << 7) - 1) return 2;
  if (v >= -(1 << 15) && v <= (1 << 15) - 1) return 3;
  if (v >= -(2 ** 31) && v <= 2 ** 31 - 1) return 5;
  return 0;
}

/** Redis's string2ll round trip: the canonical decimal form of an int64. */
function canonicalInt(b: Buffer): number | null {
  if (b.length === 0 || b.length > 11) return null;
  const s = b.latin1Slice(0, b.length);
  if (!/^(-?[1-9]\d*|0)$/.test(s)) return null;
  return Number(s);
}

/** rdbSaveStringObject() length without compression. */
export function serializedStringLength(v: Buffer | number | bigint): number {
  if (typeof v !== 'object') {
    const n = intLen(v);
    if (n > 0) return n;
    const digits = String(v).length;
    return lenLen(digits) + digits;
  }
  const asInt = canonicalInt(v);
  if (asInt !== null) {
    const n = intLen(asInt);
    if (n > 0) return n;
  }
  return lenLen(v.length) + v.length;
}

/** An estimate for collection values: each element as a length-prefixed string. */
function serializedLengthOf(v: unknown): number {
  if (Buffer.isBuffer(v)) return lenLen(v.length) + v.length;
  if (typeof v === 'string') return lenLen(v.length) + v.length;
  if (typeof v === 'number' || typeof v === 'bigint') return serializedStringLength(v);
  let total = 0;
  let n = 0;
  if (v instanceof Map) {
    for (const [k, x] of v) {
      total += serializedLengthOf(k) + serializedLengthOf(x);
      n++;
    }
  } else if (v !== null && typeof v === 'object' && Symbol.iterator in v) {
    for (const x of v as Iterable<unknown>) {
      total += serializedLengthOf(x);
      n++;
    }
  }
  return lenLen(n) + total;
}

/** The DEBUG OBJECT status line for `slot` of the client's database. */
export function debugObjectLine(ctx: CommandContext, slot: number): string {
  const db = ctx.db;
  const type = db.type(slot);
  const value = db.value(slot);
  const serialized = type === KeyType.STRING ? serializedStringLength(db.stringValue(slot)) : serializedLengthOf(value);
  const lru = db.accessTime(slot);
  const idle = idleSeconds(lru, ctx.engine.stats);
  const addr = (0x7f0000000000 + ctx.client.dbIndex * 0x100000000 + slot * 0x40).toString(16);
  let extra = '';
  if (type === KeyType.LIST) {
    const n = listLength(db, slot);
    extra =
      ` ql_nodes:1 ql_avg_node:${n.toFixed(2)} ql_listpack_max:${ctx.server.config.getNumber('list-max-listpack-size')}` +
      ` ql_compressed:${ctx.server.config.getNumber('list-compress-depth') !== 0 ? 1 : 0} ql_uncompressed_size:${serialized}`;
  }
  return `Value at:0x${addr} refcount:${refcount(ctx, slot)} encoding:${encodingName(ctx, slot)} serializedlength:${serialized} lru:${lru} lru_seconds_idle:${idle}${extra}`;
}
