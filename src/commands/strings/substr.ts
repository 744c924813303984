// SUBSTR key start end
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { getrangeCommand } from './getrange-generic.js';

export default defineCommand({
  name: 'substr',
  arity: 4,
  flags: ['readonly'],
  acl: ['string'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO', 'ACCESS'])],
  doc: {
    summary: 'Get a substring of the string stored at a key',
    since: '1.0.0',
    group: 'string',
    complexity:
      'O(N) where N is the length of the returned string. The complexity is ultimately determined by the returned length, but because creating a substring from an existing string is very cheap, it can be considered O(1) for small strings.',
    docFlags: ['deprecated'],
    deprecatedSince: '2.0.0',
    replacedBy: '`GETRANGE`',
  },
  handler: getrangeCommand,
}) satisfies CommandSpec;
