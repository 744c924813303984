// COPY source destination [DB destination-db] [REPLACE]
import { defineCommand, type CommandSpec } from '../define.js';
import { DB_INDEX_OUT_OF_RANGE, SYNTAX } from '../errors.js';
import { keyword } from '../strings/set-generic.js';
import { KeyType, NO_KEY } from '../../engine/status.js';
import { SAME_OBJECT, intArg, validDb } from './db-index.js';
import { N, notify } from '../notify.js';

/** What duplicateValue() returns for a value it cannot copy. */
export const CANNOT_COPY: unique symbol = Symbol('cannot copy');

/**
 * A deep copy of a value (Redis's dupStringObject and friends). Strings and
 * compact encodings are bytes (ints are numbers); other types' value objects
 * provide clone().
 */
export function duplicateValue(type: KeyType, value: unknown): unknown {
  // Bytes are a string or a collection's compact encoding (a blob).
  if (value instanceof Uint8Array) return Buffer.from(value);
  // Redis's copy of an int is a new object, never a shared integer
  // (OBJECT REFCOUNT 1): the copy is kept as a bigint, which OBJECT
  // REFCOUNT reads as unshared and every string command reads as the same int.
  if (type === KeyType.STRING) return typeof value === 'number' ? BigInt(value) : value;
  const v = value as { clone?: () => unknown } | null;
  if (v !== null && typeof v === 'object' && typeof v.clone === 'function') return v.clone();
  return CANNOT_COPY;
}

export default defineCommand({
  name: 'copy',
  arity: -3,
  flags: ['write', 'denyoom'],
  acl: ['keyspace'],
  firstKey: 1,
  lastKey: 2,
  keyStep: 1,
  keySpecs: [
    { flags: ['RO', 'ACCESS'], beginSearch: { type: 'index', index: 1 }, findKeys: { type: 'range', lastkey: 0, step: 1, limit: 0 } },
    { flags: ['OW', 'UPDATE'], beginSearch: { type: 'index', index: 2 }, findKeys: { type: 'range', lastkey: 0, step: 1, limit: 0 } },
  ],
  doc: {
    summary: 'Copy a key',
    since: '6.2.0',
    group: 'generic',
    complexity: 'O(N) worst case for collections, where N is the number of nested items. O(1) for string values.',
  },
  handler(ctx, args, reply) {
    const src = ctx.db;
    let dst = src;
    let dstId = -1;
    let replace = false;
    for (let j = 3; j < args.count; j++) {
      if (keyword(args, j, 'replace')) {
        replace = true;
      } else if (keyword(args, j, 'db') && j + 1 < args.count) {
        const id = intArg(args, j + 1, reply);
        if (id === null) return;
        if (!validDb(id, ctx.engine.dbs.length)) return reply.error(DB_INDEX_OUT_OF_RANGE);
        dst = ctx.engine.dbs[id]!;
        dstId = id;
        j++;
      } else {
        return reply.error(SYNTAX);
      }
    }
    const buf = args.buf;
    if (src === dst && args.len(1) === args.len(2) && buf.compare(buf, args.start(1), args.end(1), args.start(2), args.end(2)) === 0) {
      return reply.error(SAME_OBJECT);
    }
    if (src.lookupReadAt(buf, args.start(1), args.end(1)) === NO_KEY) return reply.int(0);
    const exists = dst.lookupWriteAt(buf, args.start(2), args.end(2)) !== NO_KEY;
    if (exists && !replace) return reply.int(0);
    // Found again: expiring the destination may have moved the source's handle.
    const slot = src.findAt(buf, args.start(1), args.end(1));
    const expire = src.expireAt(slot);
    // The copy is a new object; put() overwrites a replaced destination and clears its TTL.
    const type = src.type(slot);
    const value = duplicateValue(type, src.value(slot));
    // Redis's answer for a type it has no copy for.
    if (value === CANNOT_COPY) return reply.error('ERR unknown type object');
    const to = dst.putAt(buf, args.start(2), args.end(2), type, src.encoding(slot), value);
    if (expire !== 0) dst.setExpire(to, expire);
    ctx.dirty(1);
    // Redis deletes a replaced destination and adds it anew.
    if (exists) notify(ctx, N.NEW, 'new', buf, args.start(2), args.end(2), dstId);
    notify(ctx, N.GENERIC, 'copy_to', buf, args.start(2), args.end(2), dstId);
    reply.int(1);
  },
}) satisfies CommandSpec;
