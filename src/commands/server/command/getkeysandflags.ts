// COMMAND GETKEYSANDFLAGS command [arg [arg ...]]
import { defineCommand } from '../../define.js';
import { getKeysCommand } from './getkeys-generic.js';

export default defineCommand({
  name: 'getkeysandflags',
  arity: -4,
  flags: ['loading', 'stale'],
  acl: ['connection'],
  doc: {
    summary: 'Extract keys and access flags given a full Redis command',
    since: '7.0.0',
    group: 'server',
    complexity: 'O(N) where N is the number of arguments to the command',
  },
  handler(ctx, args, reply) {
    getKeysCommand(ctx, args, reply, true);
  },
});
