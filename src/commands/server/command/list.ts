// COMMAND LIST [FILTERBY <MODULE module-name | ACLCAT category | PATTERN pattern>]
import { aclCategories, defineCommand, type AclCategory } from '../../define.js';
import { SYNTAX } from '../../errors.js';
import { globMatchStr } from '../../../engine/glob.js';
import { allEntries } from '../command-reply.js';

export default defineCommand({
  name: 'list',
  arity: -2,
  flags: ['loading', 'stale'],
  acl: ['connection'],
  tips: ['nondeterministic_output_order'],
  doc: { summary: 'Get an array of Redis command names', since: '7.0.0', group: 'server', complexity: 'O(N) where N is the total number of Redis commands' },
  handler(ctx, args, reply) {
    let filter: ((name: string, cats: AclCategory[]) => boolean) | null = null;
    for (let i = 2; i < args.count; i++) {
      if (args.is(i, 'filterby') && args.count - 1 - i === 2) {
        const arg = args.str(i + 2);
        if (args.is(i + 1, 'module')) {
          // There are no modules: nothing belongs to any.
          filter = () => false;
        } else if (args.is(i + 1, 'aclcat')) {
          const cat = arg.toLowerCase();
          filter = (_name, cats) => cats.includes(cat as AclCategory);
        } else if (args.is(i + 1, 'pattern')) {
          filter = (name) => globMatchStr(arg, name, true);
        } else {
          return reply.error(SYNTAX);
        }
        i += 2;
      } else {
        return reply.error(SYNTAX);
      }
    }
    // Every command followed by its subcommands ("config", "config|get", ...).
    const names: string[] = [];
    for (const e of allEntries(ctx.server.table)) {
      if (filter === null || filter(e.fullName, aclCategories(e.spec))) names.push(e.fullName);
    }
    reply.array(names.length);
    for (const n of names) reply.bulkStr(n);
  },
});
