/**
 * The command spec: everything about a command declared once (name, arity,
 * flags, keys, ACL categories, docs, handler). The table built from these
 * drives dispatch, arity errors, COMMAND output, ACL categories and key
 * extraction. Adding a command means adding one file that calls defineCommand.
 */
import type { Args } from './args.js';
import type { CommandContext } from './context.js';
import type { Reply } from './reply.js';

/** Command flags, named as COMMAND INFO prints them. */
export type CommandFlag =
  | 'write'
  | 'readonly'
  | 'denyoom'
  | 'admin'
  | 'pubsub'
  | 'noscript'
  | 'blocking'
  | 'loading'
  | 'stale'
  | 'skip_monitor'
  | 'skip_slowlog'
  | 'asking'
  | 'fast'
  | 'no_auth'
  | 'may_replicate'
  | 'no_mandatory_keys'
  | 'no_async_loading'
  | 'no_multi'
  | 'movablekeys'
  | 'allow_busy';

/** Order in which Redis 7.0 prints flags (server.c, addReplyCommandFlags). */
export const FLAG_ORDER: readonly CommandFlag[] = [
  'write', 'readonly', 'denyoom', 'admin', 'pubsub', 'noscript', 'blocking', 'loading', 'stale',
  'skip_monitor', 'skip_slowlog', 'asking', 'fast', 'no_auth', 'may_replicate', 'no_mandatory_keys',
  'no_async_loading', 'no_multi', 'movablekeys', 'allow_busy',
];

/** ACL categories in Redis's bit order (acl.c ACLCommandCategories). */
export const ACL_CATEGORIES = [
  'keyspace', 'read', 'write', 'set', 'sortedset', 'list', 'hash', 'string', 'bitmap', 'hyperloglog',
  'geo', 'stream', 'pubsub', 'admin', 'fast', 'slow', 'blocking', 'dangerous', 'connection',
  'transaction', 'scripting',
] as const;
export type AclCategory = (typeof ACL_CATEGORIES)[number];

/** A key spec as COMMAND INFO prints it (Redis 7 key-specs). */
export interface KeySpec {
  flags: readonly string[];
  beginSearch: { type: 'index'; index: number } | { type: 'keyword'; keyword: string; startfrom: number } | { type: 'unknown' };
  findKeys:
    | { type: 'range'; lastkey: number; step: number; limit: number }
    | { type: 'keynum'; keynumidx: number; firstkey: number; step: number }
    | { type: 'unknown' };
  notes?: string;
}

/** Documentation shown by COMMAND DOCS. */
export interface CommandDoc {
  summary: string;
  since: string;
  group: string;
  complexity?: string;
  docFlags?: readonly string[];
  deprecatedSince?: string;
  replacedBy?: string;
  history?: readonly (readonly [string, string])[];
}

export type Handler = (ctx: CommandContext, args: Args, reply: Reply) => void;

export interface CommandSpec {
  /** Lowercase name; for a subcommand only the part after the '|'. */
  name: string;
  /** Redis arity: n = exactly n arguments including the name, -n = at least n. */
  arity: number;
  flags: readonly CommandFlag[];
  /** Categories beyond those implied by the flags (those are added as Redis does). */
  acl?: readonly AclCategory[];
  /** Legacy key positions (COMMAND INFO's first key, last key, step). */
  firstKey?: number;
  lastKey?: number;
  keyStep?: number;
  keySpecs?: readonly KeySpec[];
  tips?: readonly string[];
  doc: CommandDoc;
  /** Absent for containers (CONFIG, CLIENT...), which dispatch to subcommands. */
  handler?: Handler;
  /**
   * The keys whose values the command will read, when its key positions
   * cannot say (derived keys): tiered values among them are loaded before it
   * runs, with the client held, instead of synchronously while it runs.
   */
  tierKeys?: (ctx: CommandContext, args: Args) => Buffer[] | null;
  /**
   * Redis 7.0's CMD_MAY_REPLICATE, which its COMMAND output does not list:
   * CLIENT PAUSE WRITE holds the command as it holds writes.
   */
  mayReplicate?: true;
  subcommands?: readonly CommandSpec[];
}

/** Declares a command; the identity function exists for type checking and grep. */
export function defineCommand<T extends CommandSpec>(spec: T): T {
  return spec;
}

/** The categories COMMAND INFO shows: the declared ones plus those Redis derives from flags. */
export function aclCategories(spec: CommandSpec): AclCategory[] {
  const cats = new Set<AclCategory>(spec.acl ?? []);
  const f = new Set(spec.flags);
  if (f.has('write')) cats.add('write');
  if (f.has('readonly') && !cats.has('scripting')) cats.add('read');
  if (f.has('admin')) {
    cats.add('admin');
    cats.add('dangerous');
  }
  if (f.has('pubsub')) cats.add('pubsub');
  if (f.has('fast')) cats.add('fast');
  if (f.has('blocking')) cats.add('blocking');
  if (!cats.has('fast')) cats.add('slow');
  return ACL_CATEGORIES.filter((c) => cats.has(c));
}

/** Flags in the order Redis prints them. */
export function orderedFlags(spec: CommandSpec): CommandFlag[] {
  return FLAG_ORDER.filter((f) => spec.flags.includes(f));
}

/** The common key spec: keys found by index, then a range (COMMAND INFO's begin_search index / find_keys range). */
export function rangeKeySpec(flags: readonly string[], index = 1, lastkey = 0, step = 1, limit = 0, notes?: string): KeySpec {
  const spec: KeySpec = { flags, beginSearch: { type: 'index', index }, findKeys: { type: 'range', lastkey, step, limit } };
  return notes === undefined ? spec : { ...spec, notes };
}
