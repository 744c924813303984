/**
 * COMMAND INFO and COMMAND DOCS replies in Redis 7.0's exact shapes
 * (addReplyCommandInfo / addReplyCommandDocs), and key extraction from key
 * specs for COMMAND GETKEYS (getKeysUsingKeySpecs).
 */
import { aclCategories, orderedFlags, type CommandSpec, type KeySpec } from '../define.js';
import type { Reply } from '../reply.js';
import type { Args } from '../args.js';
import type { CommandEntry, CommandTable } from '../table.js';

/** Key-spec flags in the order and spelling Redis prints them. */
const KEY_FLAGS = ['RO', 'RW', 'OW', 'RM', 'access', 'update', 'insert', 'delete', 'not_key', 'incomplete', 'variable_flags'];

/** A key spec's flags as Redis prints them (specs may spell them "ACCESS" as in the JSON files). */
export function keySpecFlags(flags: readonly string[]): string[] {
  const have = new Set(flags.map((f) => f.toLowerCase()));
  return KEY_FLAGS.filter((f) => have.has(f.toLowerCase()));
}

function replyKeySpec(reply: Reply, ks: KeySpec): void {
  reply.map(ks.notes !== undefined ? 4 : 3);
  if (ks.notes !== undefined) {
    reply.bulkStr('notes');
    reply.bulkStr(ks.notes);
  }
  reply.bulkStr('flags');
  const flags = keySpecFlags(ks.flags);
  reply.set(flags.length);
  for (const f of flags) reply.simple(f);

  reply.bulkStr('begin_search');
  reply.map(2);
  reply.bulkStr('type');
  const bs = ks.beginSearch;
  reply.bulkStr(bs.type);
  reply.bulkStr('spec');
  if (bs.type === 'index') {
    reply.map(1);
    reply.bulkStr('index');
    reply.int(bs.index);
  } else if (bs.type === 'keyword') {
    reply.map(2);
    reply.bulkStr('keyword');
    reply.bulkStr(bs.keyword);
    reply.bulkStr('startfrom');
    reply.int(bs.startfrom);
  } else {
    reply.map(0);
  }

  reply.bulkStr('find_keys');
  reply.map(2);
  reply.bulkStr('type');
  const fk = ks.findKeys;
  reply.bulkStr(fk.type);
  reply.bulkStr('spec');
  if (fk.type === 'range') {
    reply.map(3);
    reply.bulkStr('lastkey');
    reply.int(fk.lastkey);
    reply.bulkStr('keystep');
    reply.int(fk.step);
    reply.bulkStr('limit');
    reply.int(fk.limit);
  } else if (fk.type === 'keynum') {
    reply.map(3);
    reply.bulkStr('keynumidx');
    reply.int(fk.keynumidx);
    reply.bulkStr('firstkey');
    reply.int(fk.firstkey);
    reply.bulkStr('keystep');
    reply.int(fk.step);
  } else {
    reply.map(0);
  }
}

function subcommandsOf(e: CommandEntry): CommandEntry[] {
  return e.withSubcommands().slice(1);
}

/** One COMMAND INFO entry: [name, arity, flags, first, last, step, categories, tips, key specs, subcommands]; nil for unknown. */
export function replyCommandInfo(reply: Reply, e: CommandEntry | undefined): void {
  if (e === undefined) return reply.nil();
  const spec = e.spec;
  reply.array(10);
  reply.bulkStr(e.fullName);
  reply.int(spec.arity);
  const flags = orderedFlags(spec);
  reply.set(flags.length);
  for (const f of flags) reply.simple(f);
  reply.int(spec.firstKey ?? 0);
  reply.int(spec.lastKey ?? 0);
  reply.int(spec.keyStep ?? 0);
  const cats = aclCategories(spec);
  reply.set(cats.length);
  for (const c of cats) reply.simple('@' + c);
  const tips = spec.tips ?? [];
  reply.set(tips.length);
  for (const t of tips) reply.bulkStr(t);
  const specs = spec.keySpecs ?? [];
  reply.set(specs.length);
  for (const ks of specs) replyKeySpec(reply, ks);
  const subs = subcommandsOf(e);
  // Redis answers an empty set when there are no subcommands, an array otherwise.
  if (subs.length === 0) return reply.set(0);
  reply.array(subs.length);
  for (const s of subs) replyCommandInfo(reply, s);
}

/** One COMMAND DOCS value: a map of summary, since, group, complexity, doc_flags, history, subcommands. */
export function replyCommandDocs(reply: Reply, e: CommandEntry): void {
  const d = e.spec.doc;
  const subs = subcommandsOf(e);
  const fields =
    3 +
    (d.complexity !== undefined ? 1 : 0) +
    (d.docFlags !== undefined && d.docFlags.length > 0 ? 1 : 0) +
    (d.deprecatedSince !== undefined ? 1 : 0) +
    (d.replacedBy !== undefined ? 1 : 0) +
    (d.history !== undefined && d.history.length > 0 ? 1 : 0) +
    (subs.length > 0 ? 1 : 0);
  reply.map(fields);
  reply.bulkStr('summary');
  reply.bulkStr(d.summary);
  reply.bulkStr('since');
  reply.bulkStr(d.since);
  reply.bulkStr('group');
  reply.bulkStr(d.group);
  if (d.complexity !== undefined) {
    reply.bulkStr('complexity');
    reply.bulkStr(d.complexity);
  }
  if (d.docFlags !== undefined && d.docFlags.length > 0) {
    reply.bulkStr('doc_flags');
    reply.set(d.docFlags.length);
    for (const f of d.docFlags) reply.simple(f);
  }
  if (d.deprecatedSince !== undefined) {
    reply.bulkStr('deprecated_since');
    reply.bulkStr(d.deprecatedSince);
  }
  if (d.replacedBy !== undefined) {
    reply.bulkStr('replaced_by');
    reply.bulkStr(d.replacedBy);
  }
  if (d.history !== undefined && d.history.length > 0) {
    reply.bulkStr('history');
    reply.set(d.history.length);
    for (const [version, text] of d.history) {
      reply.array(2);
      reply.bulkStr(version);
      reply.bulkStr(text);
    }
  }
  if (subs.length > 0) {
    reply.bulkStr('subcommands');
    reply.map(subs.length);
    for (const s of subs) {
      reply.bulkStr(s.fullName);
      replyCommandDocs(reply, s);
    }
  }
}

/** Every command, top-level first then its subcommands, as COMMAND LIST walks them. */
export function* allEntries(table: CommandTable): IterableIterator<CommandEntry> {
  for (const e of table.all()) {
    yield e;
    yield* subcommandsOf(e);
  }
}

/** lookupCommandLogic(): the command named by args[from] (and args[from+1] for containers). */
export function lookupCommandAt(table: CommandTable, args: Args, from: number): CommandEntry | undefined {
  const base = table.lookup(args.buf, args.start(from), args.end(from));
  if (base === undefined || base.subcommands === null || args.count - from === 1) return base;
  return base.subcommands.find(args.buf, args.start(from + 1), args.end(from + 1));
}

function isNotKey(ks: KeySpec): boolean {
  return ks.flags.some((f) => f.toLowerCase() === 'not_key');
}

/** doesCommandHaveKeys(): some key spec that is not NOT_KEY (or a legacy key range). */
export function commandHasKeys(spec: CommandSpec): boolean {
  if (spec.keySpecs !== undefined && spec.keySpecs.length > 0) return spec.keySpecs.some((ks) => !isNotKey(ks));
  return (spec.firstKey ?? 0) > 0;
}

export interface FoundKey {
  pos: number;
  flags: readonly string[];
}

/**
 * getKeysUsingKeySpecs() over arguments args[from..]: positions are relative
 * to `from` (0 = the command name). Specs whose keys cannot be located
 * ("unknown") are skipped; null when the arguments contradict a spec.
 */
export function keysFromSpecs(spec: CommandSpec, args: Args, from: number): FoundKey[] | null {
  const argc = args.count - from;
  const out: FoundKey[] = [];
  const specs: readonly KeySpec[] =
    spec.keySpecs !== undefined && spec.keySpecs.length > 0
      ? spec.keySpecs
      : (spec.firstKey ?? 0) > 0
        ? [
            {
              flags: [],
              beginSearch: { type: 'index', index: spec.firstKey! },
              findKeys: { type: 'range', lastkey: spec.lastKey! < 0 ? spec.lastKey! : spec.lastKey! - spec.firstKey!, step: spec.keyStep ?? 1, limit: 0 },
            },
          ]
        : [];
  for (const ks of specs) {
    if (isNotKey(ks)) continue;
    let first = 0;
    const bs = ks.beginSearch;
    if (bs.type === 'index') {
      first = bs.index;
    } else if (bs.type === 'keyword') {
      const startIndex = bs.startfrom > 0 ? bs.startfrom : argc + bs.startfrom;
      const endIndex = bs.startfrom > 0 ? argc - 1 : 0;
      for (let i = startIndex; i !== endIndex; i = startIndex <= endIndex ? i + 1 : i - 1) {
        if (i >= argc || i < 1) break;
        if (args.is(from + i, bs.keyword.toLowerCase())) {
          first = i + 1;
          break;
        }
      }
      if (first === 0) continue;
    } else {
      continue;
    }
    let last: number;
    let step: number;
    const fk = ks.findKeys;
    if (fk.type === 'range') {
      step = fk.step;
      if (fk.lastkey >= 0) last = first + fk.lastkey;
      else if (fk.limit === 0) last = argc + fk.lastkey;
      else last = first + (Math.floor((argc - first) / fk.limit) + fk.lastkey);
    } else if (fk.type === 'keynum') {
      step = fk.step;
      const at = first + fk.keynumidx;
      if (at >= argc) return null;
      const numkeys = args.int64(from + at);
      if (numkeys === null || typeof numkeys === 'bigint' || numkeys < 0) return null;
      first += fk.firstkey;
      last = first + numkeys - 1;
    } else {
      continue;
    }
    if (last >= argc || last < first || first >= argc) return null;
    const flags = keySpecFlags(ks.flags);
    for (let i = first; i <= last; i += step) out.push({ pos: i, flags });
  }
  return out;
}
