// PUBSUB NUMPAT
import { defineCommand } from '../../define.js';

export default defineCommand({
  name: 'numpat',
  arity: 2,
  flags: ['pubsub', 'loading', 'stale'],
  doc: { summary: 'Get the count of unique patterns pattern subscriptions', since: '2.8.0', group: 'pubsub', complexity: 'O(1)' },
  handler(ctx, _args, reply) {
    reply.int(ctx.client.pubsub.numpat());
  },
});
