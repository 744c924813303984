/** PUBSUB CHANNELS / SHARDCHANNELS [pattern] and NUMSUB / SHARDNUMSUB [channel ...]. */
import type { Args } from '../../args.js';
import type { CommandContext } from '../../context.js';
import type { Reply } from '../../reply.js';
import { subcommandSyntaxError } from '../../server/reply-helpers.js';

export function channelsGeneric(ctx: CommandContext, args: Args, reply: Reply, shard: boolean): void {
  if (args.count > 3) return reply.error(subcommandSyntaxError(args.str(1), 'pubsub'));
  const list = ctx.client.pubsub.channels(shard, args.count === 3 ? args.view(2) : null);
  reply.array(list.length);
  for (const b of list) reply.bulk(b);
}

export function numsubGeneric(ctx: CommandContext, args: Args, reply: Reply, shard: boolean): void {
  // A flat array of channel, count pairs, in RESP3 too (as Redis 7.0).
  reply.array((args.count - 2) * 2);
  for (let i = 2; i < args.count; i++) {
    reply.bulk(args.buf, args.start(i), args.end(i));
    reply.int(ctx.client.pubsub.numsub(shard, args.view(i)));
  }
}
