// SET key value [NX | XX] [GET] [EX seconds | PX milliseconds | EXAT unix-time-seconds | PXAT unix-time-milliseconds | KEEPTTL]
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { setCommand } from './set-generic.js';

export default defineCommand({
  name: 'set',
  arity: -3,
  flags: ['write', 'denyoom'],
  acl: ['string'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'ACCESS', 'UPDATE', 'VARIABLE_FLAGS'], 1, 0, 1, 0, 'RW and ACCESS due to the optional `GET` argument')],
  doc: {
    summary: 'Set the string value of a key',
    since: '1.0.0',
    group: 'string',
    complexity: 'O(1)',
    history: [
      ['2.6.12', 'Added the `EX`, `PX`, `NX` and `XX` options.'],
      ['6.0.0', 'Added the `KEEPTTL` option.'],
      ['6.2.0', 'Added the `GET`, `EXAT` and `PXAT` option.'],
      ['7.0.0', 'Allowed the `NX` and `GET` options to be used together.'],
    ],
  },
  handler: setCommand,
}) satisfies CommandSpec;
