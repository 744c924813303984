/**
 * COMMAND GETKEYS and GETKEYSANDFLAGS (getKeysSubcommandImpl): the command in
 * the arguments is looked up, its arity checked, and its keys found from its
 * key specs.
 */
import type { CommandContext } from '../../context.js';
import type { Args } from '../../args.js';
import type { Reply } from '../../reply.js';
import { commandHasKeys, keysFromSpecs, lookupCommandAt } from '../command-reply.js';

export function getKeysCommand(ctx: CommandContext, args: Args, reply: Reply, withFlags: boolean): void {
  const e = lookupCommandAt(ctx.server.table, args, 2);
  if (e === undefined) return reply.error('ERR Invalid command specified');
  const spec = e.spec;
  if (!commandHasKeys(spec)) return reply.error('ERR The command has no key arguments');
  const argc = args.count - 2;
  if ((spec.arity > 0 && spec.arity !== argc) || argc < -spec.arity) {
    return reply.error('ERR Invalid number of arguments specified for command');
  }
  const keys = keysFromSpecs(spec, args, 2);
  if (keys === null) {
    if (spec.flags.includes('no_mandatory_keys')) return reply.array(0);
    return reply.error('ERR Invalid arguments specified for command');
  }
  reply.array(keys.length);
  for (const k of keys) {
    if (withFlags) reply.array(2);
    reply.bulk(args.buf, args.start(2 + k.pos), args.end(2 + k.pos));
    if (withFlags) {
      reply.set(k.flags.length);
      for (const f of k.flags) reply.simple(f);
    }
  }
}
