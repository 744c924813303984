/**
 * The AOF base in RESP form, as rewriteAppendOnlyFileRio() writes it when
 * aof-use-rdb-preamble is no: per non-empty database a SELECT, then per key
 * SET / RPUSH / SADD / ZADD / HMSET in batches of 64 items and a PEXPIREAT
 * for a TTL. This is the one seam where an RDB preamble base would be
 * written instead (the lead switches writeBase, nothing else).
 */
import type { Engine } from '../../engine/engine.js';
import type { Database } from '../../engine/keyspace.js';
import type { SnapshotEncoder } from '../background-file.js';
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
  for (let d = 0; d < engine.dbs.length; d++) {
    const db = engine.dbs[d]!;
    if (db.size === 0) continue;
    // rewriteAppendOnlyFileRio writes SELECT for each database it visits.
    out.selectedDb = -1;
    out.selectFor(d);
    for (let pos = 0; pos < db.slotLimit; pos++) {
      if (!db.occupied(pos) || !writeKeyCommands(out, d, db, pos, now)) continue;
      keys++;
      if (out.pending >= FLUSH_AT) sink.write(Buffer.from(out.take()));
    }
  }
  if (out.pending > 0) sink.write(Buffer.from(out.take()));
  return keys;
}

/**
 * The commands that rebuild the key at `pos` of database `d` (SELECT first
 * when `out` last wrote another database); false for a key expired at `now`
 * or of a type with no commands here.
 */
export function writeKeyCommands(out: CommandBuffer, d: number, db: Database, pos: number, now: number): boolean {
  const at = db.expireAt(pos);
  if (at !== 0 && at <= now) return false;
  const v = readKey(db, pos, -2);
  if (v === null) return false;
  const key = db.keyName(pos);
  switch (v.kind) {
    case 'string':
      out.command(d, ['SET', key, v.value]);
      break;
    case 'list':
      batches(out, d, 'RPUSH', key, v.items);
      break;
    case 'set':
      // An intset's members are its integers.
      batches(out, d, 'SADD', key, v.intset !== null ? v.intset.values.map((x) => String(x)) : v.members);
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
  return true;
}

/** The AOF base in RESP form as a background snapshot's encoder (aof-use-rdb-preamble no). */
export class RespBaseEncoder implements SnapshotEncoder {
  private readonly out = new CommandBuffer();
  constructor(private readonly now: number) {}
  begin(): void {}
  key(dbIndex: number, db: Database, pos: number): void {
    writeKeyCommands(this.out, dbIndex, db, pos, this.now);
  }
  end(): void {}
  take(): Buffer | null {
    return this.out.pending === 0 ? null : Buffer.from(this.out.take());
  }
}

/** One command per 64 items (an item is `width` arguments). */
function batches(out: CommandBuffer, db: number, cmd: string, key: string, items: readonly PropArg[], width = 1): void {
  const per = ITEMS_PER_CMD * width;
  for (let i = 0; i < items.length; i += per) {
    out.command(db, [cmd, key, ...items.slice(i, i + per)]);
  }
}
