// COMMAND GETKEYS command [arg [arg ...]]
import { defineCommand } from '../../define.js';
import { getKeysCommand } from './getkeys-generic.js';

export default defineCommand({
  name: 'getkeys',
  arity: -4,
  flags: ['loading', 'stale'],
  acl: ['connection'],
  doc: { summary: 'Extract keys given a full Redis command', since: '2.8.13', group: 'server', complexity: 'O(N) where N is the number of arguments to the command' },
  handler(ctx, args, reply) {
    getKeysCommand(ctx, args, reply, false);
  },
});
