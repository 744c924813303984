// CONFIG SET parameter value [parameter value ...]
import { defineCommand } from '../../define.js';
import type { ClientHandle } from '../../context.js';
import { SYNTAX } from '../../errors.js';
import { errorArg } from '../reply-helpers.js';

/** Parameters whose values Redis hides from SLOWLOG and MONITOR (SENSITIVE_CONFIG). */
const SENSITIVE = new Set(['requirepass', 'masterauth', 'masteruser']);

/** enable-protected-configs: "yes" everywhere, "local" from loopback clients only. */
function protectedAllowed(mode: string, client: ClientHandle): boolean {
  if (mode === 'yes') return true;
  if (mode !== 'local') return false;
  const a = client.addr;
  return a.startsWith('127.') || a.startsWith('::1:') || a.startsWith('[::1]:') || a.startsWith('::ffff:127.');
}

export default defineCommand({
  name: 'set',
  arity: -4,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  tips: ['request_policy:all_nodes', 'response_policy:all_succeeded'],
  doc: {
    summary: 'Set configuration parameters to the given values',
    since: '2.0.0',
    group: 'server',
    complexity: 'O(N) when N is the number of configuration parameters provided',
    history: [['7.0.0', 'Added the ability to set multiple parameters in one call.']],
  },
  handler(ctx, args, reply) {
    // Parameters come in pairs; all are validated before any is applied.
    if (args.count % 2 !== 0) return reply.error(SYNTAX);
    const config = ctx.server.config;
    const pairs: [string, string][] = [];
    for (let i = 2; i < args.count; i += 2) {
      const name = args.str(i);
      // Redacted even when the command then fails.
      const spec = config.spec(name);
      if (spec !== undefined && (spec.sensitive === true || SENSITIVE.has(spec.name))) ctx.client.redactArg(i + 1);
      pairs.push([name, args.str(i + 1)]);
    }
    const err = config.setMany(pairs, protectedAllowed(config.getString('enable-protected-configs'), ctx.client));
    if (err !== null) reply.error(errorArg(err));
    else reply.ok();
  },
});
