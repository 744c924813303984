// CLIENT GETREDIR
import { defineCommand } from '../../define.js';

export default defineCommand({
  name: 'getredir',
  arity: 2,
  flags: ['noscript', 'loading', 'stale'],
  acl: ['connection'],
  doc: { summary: 'Get tracking notifications redirection client ID if any', since: '6.0.0', group: 'connection', complexity: 'O(1)' },
  handler(_ctx, _args, reply) {
    // Client-side caching (CLIENT TRACKING) is not supported: tracking is always off, which Redis reports as -1.
    reply.int(-1);
  },
});
