/**
 * The AOF base in RESP form, as rewriteAppendOnlyFileRio() writes it when
 * aof-use-rdb-preamble is no: per non-empty database a SELECT, then per key
 * SET / RPUSH / SADD / ZADD / HMSET in batches of 64 items and a PEXPIREAT
 * for a TTL. This is the one seam where an RDB preamble base would be
 * written instead (the lead switches writeBase, nothing else).
 */
import type { Engine } from '../../engine/engine.js';
import type { PropArg } from '../../commands/context.js';
import { readKey } from '../rdb/rdb-engine.js';
import { d2string } from '../rdb/rdb-object.js';
import { CommandBuffer } from './encode.js';

/** Where base bytes go (a file, a test's array). */
export interface BaseSink {
  write(chunk: Buffer): void;
}

/** AOF_REWRITE_ITEMS_PER_CMD */
const ITEMS_PER_CMD = 64;
const FLUSH_AT = 256 * 1024;

/** Writes the whole dataset of `engine` as commands; keys already expired at `now` are left out. Returns the keys written. */
export function writeBase(engine: Engine, sink: BaseSink, now = engine.clock.now()): number {
  const out = new CommandBuffer();
  let keys = 0;
  const flush = (force: boolean): void => {
    if (out.pending === 0 || (!force && out.pending < FLUSH_AT)) return;
    sink.write(Buffer.from(out.take()));
  };
  for (let d = 0; d < engine.dbs.length; d++) {
    const db = engine.dbs[d]!;
    if (db.size === 0) continue;
    // rewriteAppendOnlyFileRio writes SELECT for each database it visits.
    out.selectedDb = -1;
    out.selectFor(d);
    for (let pos = 0; pos < db.slotLimit; pos++) {
      if (!db.occupied(pos)) continue;
      const at = db.expireAt(pos);
      if (at !== 0 && at <= now) continue;
      const v = readKey(db, pos, -2);
      if (v === null) continue;
      const key = db.keyName(pos);
      switch (v.kind) {
        case 'string':
          out.command(d, ['SET', key, v.value]);
          break;
        case 'list':
          batches(out, d, 'RPUSH', key, v.items);
          break;
        case 'set':
          batches(out, d, 'SADD', key, v.members);
          break;
        case 'zset': {
          const flat: PropArg[] = [];
          for (let i = 0; i < v.members.length; i++) flat.push(d2string(v.scores[i]!), v.members[i]!);
          batches(out, d, 'ZADD', key, flat, 2);
          break;
        }
        case 'hash': {
          const flat: PropArg[] = [];
          for (let i = 0; i < v.fields.length; i++) flat.push(v.fields[i]!, v.values[i]!);
          batches(out, d, 'HMSET', key, flat, 2);
          break;
        }
      }
      if (at !== 0) out.command(d, ['PEXPIREAT', key, at]);
      keys++;
      flush(false);
    }
  }
  flush(true);
  return keys;
}

/** One command per 64 items (an item is `width` arguments). */
function batches(out: CommandBuffer, db: number, cmd: string, key: string, items: readonly PropArg[], width = 1): void {
  const per = ITEMS_PER_CMD * width;
  for (let i = 0; i < items.length; i += per) {
    out.command(db, [cmd, key, ...items.slice(i, i + per)]);
  }
}
