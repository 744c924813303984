/** Writes a string value as a bulk reply, whatever its encoding. */
import type { StringValue } from '../../engine/keyspace.js';
import type { Reply } from '../reply.js';

export function replyString(reply: Reply, v: StringValue): void {
  if (typeof v === 'object') reply.bulk(v);
  else reply.bulkInt(v);
}
