/** Writes a string value as a bulk reply, whatever its encoding. */
import type { Database, StringValue } from '../../engine/keyspace.js';
import type { Reply } from '../reply.js';

export function replyString(reply: Reply, v: StringValue): void {
  if (typeof v === 'object') reply.bulk(v);
  else reply.bulkInt(v);
}

/**
 * Writes the string value of `slot` straight from the engine's memory (no
 * view object: the GET path). Only Reply.bulk() may see the bytes: a big
 * value is written by reference and pinned until the socket is done with it.
 */
export function replyStoredString(reply: Reply, db: Database, slot: number): void {
  const mem = db.stringRefForReply(slot);
  if (mem !== null) reply.bulk(mem, db.refStart, db.refEnd);
  else replyString(reply, db.value(slot) as StringValue);
}
