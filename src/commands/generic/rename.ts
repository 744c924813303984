// RENAME key newkey
import { defineCommand, type CommandSpec } from '../define.js';
import { renameGeneric } from './rename-generic.js';

export default defineCommand({
  name: 'rename',
  arity: 3,
  flags: ['write'],
  acl: ['keyspace'],
  firstKey: 1,
  lastKey: 2,
  keyStep: 1,
  keySpecs: [
    { flags: ['RW', 'ACCESS', 'DELETE'], beginSearch: { type: 'index', index: 1 }, findKeys: { type: 'range', lastkey: 0, step: 1, limit: 0 } },
    { flags: ['OW', 'UPDATE'], beginSearch: { type: 'index', index: 2 }, findKeys: { type: 'range', lastkey: 0, step: 1, limit: 0 } },
  ],
  doc: { summary: 'Rename a key', since: '1.0.0', group: 'generic', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    renameGeneric(ctx, args, reply, false);
  },
}) satisfies CommandSpec;
