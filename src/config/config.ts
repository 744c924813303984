/**
 * Current configuration values, by Redis's names, with CONFIG GET/SET
 * semantics: glob lookup, validation with Redis's error texts, all-or-nothing
 * multi-parameter SET, and change listeners so subsystems apply new values.
 */
import { globMatchStr } from '../engine/glob.js';
import { PARAMS, ParamFlag, parseMemory, type ParamSpec } from './schema.js';

const NOTIFY_CLASSES = 'Ag$lshzxeKEtmdn';

function parseInteger(text: string): number | null {
  if (!/^-?\d+$/.test(text)) return null;
  const v = Number(text);
  return Number.isFinite(v) ? v : null;
}

/** Normalises notify-keyspace-events like Redis's keyspaceEventsFlagsToString(); null when invalid. */
function normaliseNotify(text: string): string | null {
  const set = new Set<string>();
  for (const ch of text) {
    if (!NOTIFY_CLASSES.includes(ch)) return null;
    set.add(ch);
  }
  const classes = ['g', '$', 'l', 's', 'h', 'z', 'x', 'e', 't', 'd'];
  if (set.has('A')) for (const c of classes) set.add(c);
  let out = classes.every((c) => set.has(c)) ? 'A' : classes.filter((c) => set.has(c)).join('');
  if (out !== 'A' && set.has('n')) out += 'n';
  if (set.has('K')) out += 'K';
  if (set.has('E')) out += 'E';
  if (set.has('m')) out += 'm';
  return out;
}

function validSave(text: string): boolean {
  const parts = text.split(/\s+/).filter((p) => p !== '');
  if (parts.length % 2 !== 0) return false;
  return parts.every((p) => /^\d+$/.test(p));
}

const OBL_CLASSES = new Set(['normal', 'slave', 'replica', 'pubsub']);
function validOutputLimits(text: string): boolean {
  const parts = text.split(/\s+/).filter((p) => p !== '');
  if (parts.length === 0 || parts.length % 4 !== 0) return false;
  for (let k = 0; k < parts.length; k += 4) {
    if (!OBL_CLASSES.has(parts[k]!.toLowerCase())) return false;
    if (parseMemory(parts[k + 1]!) === null || parseMemory(parts[k + 2]!) === null || parseInteger(parts[k + 3]!) === null) return false;
  }
  return true;
}

type Listener = () => void;

export class Config {
  private readonly specs = new Map<string, ParamSpec>();
  private readonly values = new Map<string, string>();
  private readonly numbers = new Map<string, number>();
  private readonly listeners = new Map<string, Listener[]>();

  constructor() {
    for (const p of PARAMS) {
      this.specs.set(p.name, p);
      for (const a of p.aliases ?? []) this.specs.set(a, p);
      this.store(p, p.name === 'dir' ? process.cwd() : p.def);
    }
  }

  /** The spec for a name or alias (case-insensitive). */
  spec(name: string): ParamSpec | undefined {
    return this.specs.get(name.toLowerCase());
  }

  /** Current value in CONFIG GET form, or undefined for unknown names. */
  get(name: string): string | undefined {
    const p = this.spec(name);
    return p === undefined ? undefined : this.values.get(p.name);
  }

  getString(name: string): string {
    const v = this.get(name);
    if (v === undefined) throw new Error(`unknown config ${name}`);
    return v;
  }

  getNumber(name: string): number {
    const p = this.spec(name);
    const v = p === undefined ? undefined : this.numbers.get(p.name);
    if (v === undefined) throw new Error(`config ${name} is not numeric`);
    return v;
  }

  getBool(name: string): boolean {
    return this.getString(name) === 'yes';
  }

  /** Calls `listener` after `name` changes. */
  onChange(name: string, listener: Listener): void {
    const p = this.spec(name);
    if (p === undefined) throw new Error(`unknown config ${name}`);
    const list = this.listeners.get(p.name) ?? [];
    list.push(listener);
    this.listeners.set(p.name, list);
  }

  /**
   * Validates a value; returns [normalised, null] or [null, error suffix as
   * Redis words it after "... - "].
   */
  validate(p: ParamSpec, raw: string): [string, null] | [null, string] {
    switch (p.kind) {
      case 'bool': {
        const v = raw.toLowerCase();
        return v === 'yes' || v === 'no' ? [v, null] : [null, "argument must be 'yes' or 'no'"];
      }
      case 'int':
      case 'memory': {
        const n = p.kind === 'memory' ? parseMemory(raw) ?? parseInteger(raw) : parseInteger(raw);
        if (n === null) return [null, p.kind === 'memory' ? 'argument must be a memory value' : "argument couldn't be parsed into an integer"];
        if (p.clamp) return [String(Math.min(500, Math.max(1, n))), null];
        if ((p.min !== undefined && n < p.min) || (p.max !== undefined && n > p.max)) {
          return [null, `argument must be between ${fmtBound(p.min!)} and ${fmtBound(p.max!)} inclusive`];
        }
        return [String(n), null];
      }
      case 'enum': {
        const v = raw.toLowerCase();
        return p.values!.includes(v) ? [v, null] : [null, `argument(s) must be one of the following: ${p.values!.join(', ')}`];
      }
      case 'string':
        return [raw, null];
      case 'special':
        return this.validateSpecial(p, raw);
    }
  }

  private validateSpecial(p: ParamSpec, raw: string): [string, null] | [null, string] {
    switch (p.name) {
      case 'save':
        return validSave(raw) ? [raw.split(/\s+/).filter((x) => x !== '').join(' '), null] : [null, 'Invalid save parameters'];
      case 'notify-keyspace-events': {
        const v = normaliseNotify(raw);
        return v === null ? [null, `Invalid event class character. Use '${NOTIFY_CLASSES}'.`] : [v, null];
      }
      case 'client-output-buffer-limit':
        return validOutputLimits(raw) ? [this.mergeOutputLimits(raw), null] : [null, 'Wrong client output buffer limit'];
      case 'bind': {
        const addrs = raw.split(/\s+/).filter((x) => x !== '');
        return addrs.length > 0 && addrs.length <= 16 ? [addrs.join(' '), null] : [null, 'Too many bind addresses specified.'];
      }
      default:
        return [raw, null];
    }
  }

  /** Redis keeps the classes not mentioned in a client-output-buffer-limit update. */
  private mergeOutputLimits(raw: string): string {
    const current = (this.values.get('client-output-buffer-limit') ?? '').split(' ');
    const byClass = new Map<string, string[]>();
    for (let k = 0; k + 3 < current.length; k += 4) byClass.set(current[k]!, current.slice(k + 1, k + 4));
    const parts = raw.split(/\s+/).filter((x) => x !== '');
    for (let k = 0; k < parts.length; k += 4) {
      let cls = parts[k]!.toLowerCase();
      if (cls === 'replica') cls = 'slave';
      byClass.set(cls, [String(parseMemory(parts[k + 1]!)), String(parseMemory(parts[k + 2]!)), parts[k + 3]!]);
    }
    return ['normal', 'slave', 'pubsub'].map((c) => `${c} ${(byClass.get(c) ?? ['0', '0', '0']).join(' ')}`).join(' ');
  }

  /** Sets one value without CONFIG SET's protections (config file, command line). Returns an error or null. */
  setFromFile(name: string, raw: string): string | null {
    const p = this.spec(name);
    if (p === undefined) return 'Bad directive or wrong number of arguments';
    const [v, err] = this.validate(p, raw);
    if (err !== null) return err;
    this.store(p, v);
    return null;
  }

  /**
   * CONFIG SET with any number of pairs, all or nothing. Returns null on
   * success or the full error reply text.
   */
  setMany(pairs: readonly [string, string][], protectedAllowed = false): string | null {
    const seen = new Set<string>();
    const staged: [ParamSpec, string][] = [];
    for (const [name, raw] of pairs) {
      const p = this.spec(name);
      if (p === undefined) return `ERR Unknown option or number of arguments for CONFIG SET - '${name}'`;
      const fail = (why: string): string => `ERR CONFIG SET failed (possibly related to argument '${name}') - ${why}`;
      if (seen.has(p.name)) return fail('duplicate parameter');
      seen.add(p.name);
      if ((p.flags ?? 0) & ParamFlag.IMMUTABLE) return fail("can't set immutable config");
      if ((p.flags ?? 0) & ParamFlag.PROTECTED && !protectedAllowed) return fail("can't set protected config");
      const [v, err] = this.validate(p, raw);
      if (err !== null) return fail(err);
      staged.push([p, v]);
    }
    for (const [p, v] of staged) this.store(p, v);
    for (const [p] of staged) for (const l of this.listeners.get(p.name) ?? []) l();
    return null;
  }

  /** CONFIG SET of one value: null or the full error text. */
  set(name: string, value: string): string | null {
    return this.setMany([[name, value]]);
  }

  /** [name, value] pairs for CONFIG GET `pattern`, aliases included, as Redis lists them. */
  getMatching(pattern: string): [string, string][] {
    const out: [string, string][] = [];
    if (!/[*?[\\]/.test(pattern)) {
      const v = this.get(pattern);
      if (v !== undefined) out.push([pattern, v]);
      return out;
    }
    for (const [name, p] of this.specs) {
      if (globMatchStr(pattern, name, true)) out.push([name, this.values.get(p.name)!]);
    }
    return out;
  }

  /** Every parameter whose value differs from its default, for CONFIG REWRITE. */
  changed(): [string, string][] {
    const out: [string, string][] = [];
    for (const p of PARAMS) {
      const v = this.values.get(p.name)!;
      if (v !== (p.name === 'dir' ? v : p.def)) out.push([p.name, v]);
    }
    return out;
  }

  private store(p: ParamSpec, v: string): void {
    this.values.set(p.name, v);
    if (p.kind === 'int' || p.kind === 'memory') this.numbers.set(p.name, Number(v));
  }
}

function fmtBound(n: number): string {
  if (n >= 9223372036854775807) return '9223372036854775807';
  if (n <= -9223372036854775808) return '-9223372036854775808';
  return String(n);
}
