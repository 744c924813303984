// CLIENT TRACKINGINFO
import { defineCommand } from '../../define.js';

export default defineCommand({
  name: 'trackinginfo',
  arity: 2,
  flags: ['noscript', 'loading', 'stale'],
  acl: ['connection'],
  doc: {
    summary: 'Return information about server assisted client side caching for the current connection',
    since: '6.2.0',
    group: 'connection',
    complexity: 'O(1)',
  },
  handler(_ctx, _args, reply) {
    // Client-side caching is not supported, so tracking is off for every client.
    reply.map(3);
    reply.bulkStr('flags');
    reply.set(1);
    reply.bulkStr('off');
    reply.bulkStr('redirect');
    reply.int(-1);
    reply.bulkStr('prefixes');
    reply.array(0);
  },
});
