/**
 * Meta-tests over the command table: names are unique, write commands are
 * in @write, every command we declare matches Redis 7.0.15's COMMAND INFO
 * (arity, flags, key positions, ACL categories, key specs) as recorded in
 * test/fixtures/redis-7.0-commands.json, and every command has a test file
 * that mentions it.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { commands } from '../../src/commands/index.js';
import { CommandTable } from '../../src/commands/table.js';
import { aclCategories, orderedFlags, type CommandSpec, type KeySpec } from '../../src/commands/define.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURE = join(ROOT, 'test', 'fixtures', 'redis-7.0-commands.json');

/**
 * NenCache's own commands (the KV-chunk family): not in Redis's fixture, so
 * they are checked for consistency instead (and must stay absent from it).
 */
const NENCACHE_ONLY = new Set(['kv.put', 'kv.lookup', 'kv.get', 'kv.del', 'kv.keys', 'kv.info']);

/** Every declared command as [full name, spec], subcommands included. */
function allSpecs(): [string, CommandSpec][] {
  const out: [string, CommandSpec][] = [];
  for (const c of commands) {
    out.push([c.name, c]);
    for (const sub of c.subcommands ?? []) out.push([`${c.name}|${sub.name}`, sub]);
  }
  return out;
}

// ---- Redis's view of a command, normalised ----------------------------------

interface RedisCommand {
  name: string;
  arity: number;
  flags: string[];
  first: number;
  last: number;
  step: number;
  acl: string[];
  keySpecs: unknown[];
}

/** A RESP2-flattened map (["k", v, "k2", v2]) or an object, as a plain object. */
function asObject(v: unknown): Record<string, unknown> {
  if (Array.isArray(v)) {
    const o: Record<string, unknown> = {};
    for (let i = 0; i + 1 < v.length; i += 2) o[String(v[i])] = v[i + 1];
    return o;
  }
  if (v !== null && typeof v === 'object') {
    const m = (v as { map?: unknown }).map;
    if (m !== undefined) return asObject(Array.isArray(m) ? m.flat() : m);
    return v as Record<string, unknown>;
  }
  return {};
}

const KEY_FLAG_ORDER = ['RO', 'RW', 'OW', 'RM', 'access', 'update', 'insert', 'delete', 'not_key', 'incomplete', 'variable_flags'];

function normFlags(flags: unknown): string[] {
  const have = new Set(((flags as string[]) ?? []).map((f) => String(f).toLowerCase()));
  return KEY_FLAG_ORDER.filter((f) => have.has(f.toLowerCase()));
}

/** A key spec from either side as one comparable shape. */
function normKeySpec(v: unknown): unknown {
  const o = asObject(v);
  const bs = asObject(o.begin_search ?? o.beginSearch);
  const fk = asObject(o.find_keys ?? o.findKeys);
  const bsSpec = asObject(bs.spec ?? bs);
  const fkSpec = asObject(fk.spec ?? fk);
  const begin =
    bs.type === 'index'
      ? { type: 'index', index: Number(bsSpec.index) }
      : bs.type === 'keyword'
        ? { type: 'keyword', keyword: String(bsSpec.keyword), startfrom: Number(bsSpec.startfrom) }
        : { type: 'unknown' };
  const find =
    fk.type === 'range'
      ? { type: 'range', lastkey: Number(fkSpec.lastkey), step: Number(fkSpec.keystep ?? fkSpec.step), limit: Number(fkSpec.limit) }
      : fk.type === 'keynum'
        ? { type: 'keynum', keynumidx: Number(fkSpec.keynumidx), firstkey: Number(fkSpec.firstkey), step: Number(fkSpec.keystep ?? fkSpec.step) }
        : { type: 'unknown' };
  return { notes: o.notes ?? null, flags: normFlags(o.flags), begin, find };
}

/** One COMMAND INFO entry (array of 10) or an object with the same facts. */
function fromInfo(v: unknown, out: Map<string, RedisCommand>): void {
  if (Array.isArray(v) && v.length >= 10 && typeof v[0] === 'string') {
    out.set(v[0].toLowerCase(), {
      name: v[0].toLowerCase(),
      arity: Number(v[1]),
      flags: (v[2] as string[]).map(String),
      first: Number(v[3]),
      last: Number(v[4]),
      step: Number(v[5]),
      acl: (v[6] as string[]).map(String),
      keySpecs: (v[8] as unknown[]) ?? [],
    });
    for (const sub of (v[9] as unknown[]) ?? []) fromInfo(sub, out);
    return;
  }
  const o = asObject(v);
  const name = String(o.name ?? o.fullname ?? '').toLowerCase();
  if (name === '') return;
  out.set(name, {
    name,
    arity: Number(o.arity),
    flags: ((o.flags as string[]) ?? []).map(String),
    first: Number(o.first_key ?? o.firstKey ?? o.first ?? 0),
    last: Number(o.last_key ?? o.lastKey ?? o.last ?? 0),
    step: Number(o.step ?? o.key_step ?? o.keyStep ?? 0),
    acl: ((o.acl_categories ?? o.aclCategories ?? o.acl ?? []) as string[]).map(String),
    keySpecs: ((o.key_specs ?? o.keySpecs ?? []) as unknown[]) ?? [],
  });
  const subs = o.subcommands;
  if (Array.isArray(subs)) for (const s of subs) fromInfo(s, out);
  else if (subs !== null && typeof subs === 'object') for (const [n, s] of Object.entries(subs)) fromInfo({ name: n, ...asObject(s) }, out);
}

/** Reads the fixture in the shapes the generator may use: COMMAND INFO's array, or a name → info object. */
function loadRedisCommands(): Map<string, RedisCommand> {
  const raw = JSON.parse(readFileSync(FIXTURE, 'utf8')) as unknown;
  const out = new Map<string, RedisCommand>();
  const root = asObject(raw);
  const list = Array.isArray(raw) ? raw : (root.commands ?? root.info ?? raw);
  if (Array.isArray(list)) for (const c of list) fromInfo(c, out);
  else for (const [name, c] of Object.entries(asObject(list))) fromInfo(Array.isArray(c) ? c : { name, ...asObject(c) }, out);
  return out;
}

/** Our spec in the same shape. */
function ours(fullName: string, spec: CommandSpec): RedisCommand {
  return {
    name: fullName,
    arity: spec.arity,
    flags: orderedFlags(spec),
    first: spec.firstKey ?? 0,
    last: spec.lastKey ?? 0,
    step: spec.keyStep ?? 0,
    acl: aclCategories(spec).map((c) => '@' + c),
    keySpecs: (spec.keySpecs ?? []) as KeySpec[],
  };
}

// ---- test files ----------------------------------------------------------------

function testSources(): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  (function walk(dir: string): void {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.ts') && !p.endsWith('meta.test.ts')) out.push({ path: p, text: readFileSync(p, 'utf8') });
    }
  })(join(ROOT, 'test'));
  return out;
}

function mentions(text: string, upperName: string): boolean {
  const esc = upperName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^A-Za-z0-9_-])${esc}($|[^A-Za-z0-9_-])`).test(text);
}

describe('command table', () => {
  test('command names are unique, and subcommand names within each container', () => {
    const seen = new Set<string>();
    for (const c of commands) {
      assert.equal(c.name, c.name.toLowerCase(), `${c.name} is lowercase`);
      assert.ok(!seen.has(c.name), `duplicate command ${c.name}`);
      seen.add(c.name);
      const subs = new Set<string>();
      for (const s of c.subcommands ?? []) {
        assert.ok(!subs.has(s.name), `duplicate subcommand ${c.name}|${s.name}`);
        subs.add(s.name);
      }
    }
    assert.equal(new CommandTable(commands).size, commands.length);
  });

  test('every write command has the write flag if and only if it is in @write', () => {
    for (const [name, spec] of allSpecs()) {
      assert.equal(spec.flags.includes('write'), aclCategories(spec).includes('write'), name);
      assert.ok(!(spec.flags.includes('write') && spec.flags.includes('readonly')), `${name} is not both write and readonly`);
    }
  });

  test('every command declares a summary, since and group for COMMAND DOCS', () => {
    for (const [name, spec] of allSpecs()) {
      assert.ok(spec.doc.summary !== '' && /^\d+\.\d+\.\d+$/.test(spec.doc.since) && spec.doc.group !== '', name);
      assert.ok((spec.handler !== undefined) || (spec.subcommands?.length ?? 0) > 0, `${name} has a handler or subcommands`);
    }
  });

  test(
    'every command matches Redis 7.0 COMMAND INFO: arity, flags, key positions, ACL categories and key specs',
    { skip: existsSync(FIXTURE) ? false : `${FIXTURE} not generated yet (scripts/dump-redis-commands.mjs)` },
    () => {
      const redis = loadRedisCommands();
      const problems: string[] = [];
      for (const [name, spec] of allSpecs()) {
        const r = redis.get(name);
        if (NENCACHE_ONLY.has(name)) {
          if (r !== undefined) problems.push(`${name}: listed as NenCache-only but Redis 7.0 has it`);
          continue;
        }
        if (r === undefined) {
          problems.push(`${name}: not a Redis 7.0 command`);
          continue;
        }
        const o = ours(name, spec);
        const check = (what: string, a: unknown, b: unknown): void => {
          if (JSON.stringify(a) !== JSON.stringify(b)) problems.push(`${name} ${what}: ours ${JSON.stringify(a)}, Redis ${JSON.stringify(b)}`);
        };
        check('arity', o.arity, r.arity);
        check('flags', [...o.flags].sort(), [...r.flags].sort());
        check('first/last/step', [o.first, o.last, o.step], [r.first, r.last, r.step]);
        check('ACL categories', [...o.acl].sort(), [...r.acl].sort());
        check('key specs', o.keySpecs.map(normKeySpec), r.keySpecs.map(normKeySpec));
      }
      assert.deepEqual(problems, []);
    },
  );

  test('NenCache-only commands declare consistent flags and key specs', () => {
    const declared = new Set(allSpecs().map(([name]) => name));
    for (const name of NENCACHE_ONLY) {
      assert.ok(declared.has(name), `${name} is listed as NenCache-only but not declared`);
      const spec = allSpecs().find(([n]) => n === name)![1];
      const specs = spec.keySpecs ?? [];
      // Redis sets movablekeys exactly when some key spec is not index + range.
      const movable = specs.some((ks) => ks.beginSearch.type !== 'index' || ks.findKeys.type !== 'range');
      assert.equal(spec.flags.includes('movablekeys'), movable, `${name}: movablekeys iff a key spec is not index + range`);
      assert.equal(spec.doc.group, 'kvcache', name);
      if (spec.flags.includes('write') || spec.flags.includes('readonly')) assert.ok(specs.length > 0, `${name} touches keys, so it has a key spec`);
    }
  });

  test('every command has a test file that mentions it', () => {
    const sources = testSources();
    const lacking: string[] = [];
    for (const c of commands) {
      const top = c.name.toUpperCase();
      const files = sources.filter((f) => mentions(f.text, top));
      if (files.length === 0) lacking.push(top);
      for (const s of c.subcommands ?? []) {
        const sub = s.name.toUpperCase();
        if (!files.some((f) => mentions(f.text, sub))) lacking.push(`${top} ${sub}`);
      }
    }
    assert.deepEqual(lacking, [], `commands without tests: ${lacking.join(', ')}`);
  });
});
