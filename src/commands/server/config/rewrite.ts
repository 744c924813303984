// CONFIG REWRITE
import { defineCommand } from '../../define.js';
import { rewriteConfigFile } from '../config-rewrite.js';

export default defineCommand({
  name: 'rewrite',
  arity: 2,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  doc: { summary: 'Rewrite the configuration file with the in memory configuration', since: '2.8.0', group: 'server', complexity: 'O(1)' },
  handler(ctx, _args, reply) {
    const file = ctx.server.configFile;
    if (file === '') return reply.error('ERR The server is running without a config file');
    const err = rewriteConfigFile(ctx.server.config, file);
    if (err !== null) reply.error(`ERR Rewriting config file: ${err}`);
    else reply.ok();
  },
});
