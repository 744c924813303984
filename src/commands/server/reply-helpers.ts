/**
 * Reply shapes shared by the administration commands: Redis's HELP layout
 * (addReplyHelp), its subcommand syntax error, and the sanitising Redis
 * applies to user text quoted in error replies.
 */
import type { Reply } from '../reply.js';

/** Redis's addReplyErrorFormat turns CR and LF into spaces so the reply stays one line. */
export function errorArg(text: string): string {
  return text.replace(/[\r\n]/g, ' ');
}

/** addReplyHelp(): a header, the help lines, then "HELP / Prints this help.", all status replies. */
export function replyHelp(reply: Reply, container: string, lines: readonly string[]): void {
  reply.array(lines.length + 3);
  reply.simple(`${container.toUpperCase()} <subcommand> [<arg> [value] [opt] ...]. Subcommands are:`);
  for (const l of lines) reply.simple(l);
  reply.simple('HELP');
  reply.simple('    Prints this help.');
}

/** addReplySubcommandSyntaxError(): "ERR unknown subcommand or wrong number of arguments for 'get'. Try SLOWLOG HELP." */
export function subcommandSyntaxError(sub: string, container: string): string {
  return `ERR unknown subcommand or wrong number of arguments for '${errorArg(sub).slice(0, 128)}'. Try ${container.toUpperCase()} HELP.`;
}
