// PING [message]
import { defineCommand, type CommandSpec } from '../define.js';

export default defineCommand({
  name: 'ping',
  arity: -1,
  flags: ['fast'],
  acl: ['connection'],
  tips: ['request_policy:all_shards', 'response_policy:all_succeeded'],
  doc: { summary: 'Ping the server', since: '1.0.0', group: 'connection', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    if (args.count > 2) return reply.error("ERR wrong number of arguments for 'ping' command");
    if (reply.resp === 2 && ctx.client.pubsub.active) {
      // A subscribed RESP2 client reads everything as message arrays.
      reply.array(2);
      reply.bulkStr('pong');
      if (args.count === 1) reply.bulkStr('');
      else reply.bulk(args.buf, args.start(1), args.end(1));
      return;
    }
    if (args.count === 1) reply.simple('PONG');
    else reply.bulk(args.buf, args.start(1), args.end(1));
  },
}) satisfies CommandSpec;
