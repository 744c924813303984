// RENAMENX key newkey
import { defineCommand, type CommandSpec } from '../define.js';
import { renameGeneric } from './rename-generic.js';

export default defineCommand({
  name: 'renamenx',
  arity: 3,
  flags: ['write', 'fast'],
  acl: ['keyspace'],
  firstKey: 1,
  lastKey: 2,
  keyStep: 1,
  keySpecs: [
    { flags: ['RW', 'ACCESS', 'DELETE'], beginSearch: { type: 'index', index: 1 }, findKeys: { type: 'range', lastkey: 0, step: 1, limit: 0 } },
    { flags: ['OW', 'INSERT'], beginSearch: { type: 'index', index: 2 }, findKeys: { type: 'range', lastkey: 0, step: 1, limit: 0 } },
  ],
  doc: {
    summary: 'Rename a key, only if the new key does not exist',
    since: '1.0.0',
    group: 'generic',
    complexity: 'O(1)',
    history: [['3.2.0', 'The command no longer returns an error when source and destination names are the same.']],
  },
  handler(ctx, args, reply) {
    renameGeneric(ctx, args, reply, true);
  },
}) satisfies CommandSpec;
