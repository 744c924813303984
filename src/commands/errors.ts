/**
 * Redis's error texts, in one place, so every command answers byte for byte
 * as Redis 7.0 does. Handlers pass these to reply.error().
 */

export const WRONGTYPE = 'WRONGTYPE Operation against a key holding the wrong kind of value';
export const SYNTAX = 'ERR syntax error';
export const NOT_INTEGER = 'ERR value is not an integer or out of range';
export const NOT_FLOAT = 'ERR value is not a valid float';
export const OVERFLOW = 'ERR increment or decrement would overflow';
export const NO_SUCH_KEY = 'ERR no such key';
export const DB_INDEX_OUT_OF_RANGE = 'ERR DB index is out of range';
export const NOT_POSITIVE = 'ERR value is out of range, must be positive';
export const NOAUTH = 'NOAUTH Authentication required.';
export const NAN_OR_INF = 'ERR increment would produce NaN or Infinity';
export const STRING_TOO_LONG = 'ERR string exceeds maximum allowed size (proto-max-bulk-len)';

/** "ERR invalid expire time in 'set' command" */
export function invalidExpire(command: string): string {
  return `ERR invalid expire time in '${command}' command`;
}

/** "ERR wrong number of arguments for 'get' command" */
export function wrongArity(fullName: string): string {
  return `ERR wrong number of arguments for '${fullName}' command`;
}

/** Redis truncates user text in errors with %.128s. */
export function clip(text: string, max = 128): string {
  return text.length > max ? text.slice(0, max) : text;
}

/** "ERR unknown subcommand 'x'. Try CONFIG HELP." */
export function unknownSubcommand(sub: string, container: string): string {
  return `ERR unknown subcommand '${clip(sub)}'. Try ${container.toUpperCase()} HELP.`;
}
