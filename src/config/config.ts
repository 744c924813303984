/**
 * The live configuration: values by Redis's names with the exact semantics of
 * Redis 7.0.15's CONFIG GET / CONFIG SET, typed getters and change listeners.
 */

/*
 * Values are latin1 byte strings like every other string from the protocol.
 * Aliases (slave-read-only, hash-max-ziplist-entries, ...) are separate
 * entries as in Redis: CONFIG GET * lists them and errors name them.
 */
import { globMatchStr } from '../engine/glob.js';
import { CONFIG_SCHEMA, type ParamSpec } from './schema.js';
import {
  SPECIAL_SETTERS,
  keyspaceEventsStringToFlags,
  enumError,
  formatEnum,
  formatNumeric,
  parseBool,
  parseEnum,
  parseNumeric,
  type SpecialContext,
} from './values.js';

export { parseMemory, formatMemory, keyspaceEventsStringToFlags, keyspaceEventsFlagsToString, NOTIFY } from './values.js';

/** Called after a parameter changed (CONFIG SET, set()). Throwing rolls the change back. */
export type ChangeListener = (value: string, name: string) => void;

export interface SetManyOptions {
  /** A dataset is loading: parameters flagged denyLoading answer -LOADING. */
  loading?: boolean;
}

/** One registered name: the parameter it reaches and the name it answers to. */
interface Registered {
  spec: ParamSpec;
  name: string;
}

/** shared.loadingerr. */
const LOADING_ERROR = 'LOADING Redis is loading the dataset in memory';

export class Config {
  /** Names (lowercase) to parameters, primary names and aliases, in schema order. */
  private readonly registry = new Map<string, Registered>();
  private readonly values = new Map<string, string>();
  private readonly numbers = new Map<string, bigint>();
  private readonly listeners = new Map<string, ChangeListener[]>();
  /** Load state read by the `save` setter; conf-file.ts drives readingFile. */
  readonly loadState: SpecialContext;
  /** Absolute path of the config file the server was started with, if any. */
  configFile: string | undefined;
  /** rename-command, user, loadmodule and module.option lines, for the server to act on. */
  readonly directives: { name: string; args: string[] }[] = [];

  constructor() {
    for (const spec of CONFIG_SCHEMA) {
      this.registry.set(spec.name, { spec, name: spec.name });
      for (const a of spec.aliases ?? []) this.registry.set(a, { spec, name: a });
      this.store(spec, spec.default);
    }
    this.loadState = { get: (n) => this.get(n), readingFile: false, saveLoaded: false };
  }

  /** The schema entry for a name or alias (case-insensitive). */
  spec(name: string): ParamSpec | undefined {
    return this.registry.get(name.toLowerCase())?.spec;
  }

  /** Every registered name: primary names and aliases, hidden ones included. */
  names(): string[] {
    return [...this.registry.keys()];
  }

  /** Current value as CONFIG GET prints it, or undefined for unknown names. */
  get(name: string): string | undefined {
    const spec = this.spec(name);
    return spec === undefined ? undefined : this.values.get(spec.name);
  }

  getString(name: string): string {
    const v = this.get(name);
    if (v === undefined) throw new Error(`unknown config ${name}`);
    return v;
  }

  /** Numeric parameters as numbers (percent values of maxmemory-clients are negative); enums give their bits. */
  getNumber(name: string): number {
    return Number(this.getBigInt(name));
  }

  /** Numeric parameters exactly (the C long long; memory values above 2^63 read as unsigned). */
  getBigInt(name: string): bigint {
    const spec = this.spec(name);
    const v = spec === undefined ? undefined : this.numbers.get(spec.name);
    if (v === undefined) throw new Error(`config ${name} is not numeric`);
    return spec!.type === 'memory' && !spec!.percent ? BigInt.asUintN(64, v) : v;
  }

  getBool(name: string): boolean {
    return this.getString(name) === 'yes';
  }

  /** Calls `listener` after `name` (or its alias) changes; returns a function that removes it. */
  onChange(name: string, listener: ChangeListener): () => void {
    const spec = this.spec(name);
    if (spec === undefined) throw new Error(`unknown config ${name}`);
    const list = this.listeners.get(spec.name) ?? [];
    list.push(listener);
    this.listeners.set(spec.name, list);
    return () => {
      const i = list.indexOf(listener);
      if (i >= 0) list.splice(i, 1);
    };
  }

  /**
   * Sets one parameter from already split arguments, as a config file line
   * does: no immutable/protected checks. Returns null, or Redis's reason
   * ("argument must be 'yes' or 'no'", ...). Listeners run on a change.
   */
  setArgs(name: string, args: readonly string[]): string | null {
    const reg = this.registry.get(name.toLowerCase());
    if (reg === undefined) return `Unknown option or number of arguments for CONFIG SET - '${name}'`;
    const before = this.values.get(reg.spec.name)!;
    const beforeState = this.state(reg.spec);
    const err = this.assign(reg.spec, args);
    if (err !== null) return err;
    if (!this.loadState.readingFile) this.apply(reg.spec);
    if (this.state(reg.spec) === beforeState) return null;
    try {
      this.notify(reg.spec);
    } catch (e) {
      this.store(reg.spec, before);
      return (e as Error).message;
    }
    return null;
  }

  /**
   * Sets one parameter from a CONFIG SET style value (multi-word parameters
   * split on ' '), without CONFIG SET's immutable/protected checks. Returns
   * null on success or the reason Redis prints after "... - ".
   */
  set(name: string, value: string): string | null {
    const spec = this.spec(name);
    return this.setArgs(name, spec?.multiArg ? splitSpaces(value) : [value]);
  }

  /** Older name of set() used by config file loading. */
  setFromFile(name: string, value: string): string | null {
    return this.set(name, value);
  }

  /**
   * CONFIG SET name value [name value ...]: all or nothing. Returns null on
   * success, or the complete error reply ("ERR CONFIG SET failed (possibly
   * related to argument 'x') - reason", "ERR Unknown option ...", "LOADING ...").
   * `protectedAllowed`: enable-protected-configs permits this client.
   */
  setMany(pairs: readonly (readonly [string, string])[], protectedAllowed = false, opts: SetManyOptions = {}): string | null {
    // Phase 1 as configSetCommand(): find every parameter; the first problem wins.
    let invalidArgName: string | null = null;
    let invalid = false;
    let denyLoading = false;
    let errstr: string | null = null;
    let errArg = '';
    const regs: (Registered | undefined)[] = [];
    for (let i = 0; i < pairs.length; i++) {
      const name = pairs[i]![0];
      const reg = this.registry.get(name.toLowerCase());
      regs.push(reg);
      if (reg === undefined) {
        if (!invalid) {
          invalidArgName = name;
          invalid = true;
        }
        continue;
      }
      if (invalid) continue;
      if (reg.spec.immutable || (reg.spec.protected && !protectedAllowed)) {
        errstr = reg.spec.immutable ? "can't set immutable config" : "can't set protected config";
        errArg = name;
        invalid = true;
        continue;
      }
      if (opts.loading && reg.spec.denyLoading) {
        denyLoading = true;
        invalid = true;
        continue;
      }
      // The same entry twice (an alias is a different entry, as in Redis).
      for (let j = 0; j < i; j++) {
        if (regs[j] === reg) {
          errstr = 'duplicate parameter';
          errArg = name;
          invalid = true;
          break;
        }
      }
    }
    if (invalid) {
      if (denyLoading) return LOADING_ERROR;
      if (invalidArgName !== null) return `ERR Unknown option or number of arguments for CONFIG SET - '${invalidArgName}'`;
      return `ERR CONFIG SET failed (possibly related to argument '${errArg}') - ${errstr}`;
    }
    // Phase 2: set every value, restoring all on the first failure.
    const backup = regs.map((r) => this.values.get(r!.spec.name)!);
    const beforeState = regs.map((r) => this.state(r!.spec));
    const restore = (upTo: number): void => {
      for (let i = upTo; i >= 0; i--) this.store(regs[i]!.spec, backup[i]!);
    };
    for (let i = 0; i < pairs.length; i++) {
      const spec = regs[i]!.spec;
      const err = this.assign(spec, spec.multiArg ? splitSpaces(pairs[i]![1]) : [pairs[i]![1]]);
      if (err !== null) {
        restore(i);
        return `ERR CONFIG SET failed (possibly related to argument '${regs[i]!.name}') - ${err}`;
      }
    }
    // Phase 3: apply (Redis's clamps), then listeners; a throwing listener rolls everything back.
    const changed: Registered[] = [];
    for (let i = 0; i < pairs.length; i++) {
      const spec = regs[i]!.spec;
      this.apply(spec);
      if (this.state(spec) !== beforeState[i] && !changed.some((r) => r.spec === spec)) changed.push(regs[i]!);
    }
    const notified: ParamSpec[] = [];
    for (const reg of changed) {
      try {
        this.notify(reg.spec);
        notified.push(reg.spec);
      } catch (e) {
        restore(pairs.length - 1);
        for (const spec of notified) {
          try {
            this.notify(spec);
          } catch {
            // Already failing: the first error is the one reported.
          }
        }
        return `ERR CONFIG SET failed (possibly related to argument '${reg.name}') - ${(e as Error).message}`;
      }
    }
    return null;
  }

  /**
   * CONFIG GET for one argument: a name without `[*?` is looked up exactly
   * (hidden parameters too) and answered with the spelling given; otherwise
   * a case-insensitive glob over every visible name and alias.
   */
  getMatching(pattern: string): [string, string][] {
    if (!/[[*?]/.test(pattern)) {
      const v = this.get(pattern);
      return v === undefined ? [] : [[pattern, v]];
    }
    const out: [string, string][] = [];
    for (const [name, reg] of this.registry) {
      if (!reg.spec.hidden && globMatchStr(pattern, name, true)) out.push([name, this.values.get(reg.spec.name)!]);
    }
    return out;
  }

  /** CONFIG GET with several arguments: each name at most once (case-insensitive, first spelling wins). */
  getMany(patterns: readonly string[]): [string, string][] {
    const seen = new Set<string>();
    const out: [string, string][] = [];
    for (const p of patterns) {
      for (const pair of this.getMatching(p)) {
        const key = pair[0].toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(pair);
      }
    }
    return out;
  }

  /** Parameters whose value differs from the default, [name, value]. */
  changed(): [string, string][] {
    const out: [string, string][] = [];
    for (const spec of CONFIG_SCHEMA) {
      const v = this.values.get(spec.name)!;
      if (v !== spec.default) out.push([spec.name, v]);
    }
    return out;
  }

  /** What Redis does after loading a config file: hz is clamped to 1..500. */
  clampAfterLoad(): void {
    this.apply(this.spec('hz')!);
  }

  /** Type-specific set: parses `args` and stores the value. Returns the reason on failure. */
  private assign(spec: ParamSpec, args: readonly string[]): string | null {
    let value: string;
    let bits: number | undefined;
    switch (spec.type) {
      case 'bool': {
        const b = parseBool(args[0] ?? '');
        if (b === null) return "argument must be 'yes' or 'no'";
        value = b ? 'yes' : 'no';
        break;
      }
      case 'int':
      case 'memory': {
        const r = parseNumeric(spec, args[0] ?? '');
        if (!r.ok) return r.error;
        this.values.set(spec.name, formatNumeric(spec, r.value));
        this.numbers.set(spec.name, r.value);
        return null;
      }
      case 'enum': {
        const bits = parseEnum(spec, args);
        if (bits === null) return enumError(spec);
        value = formatEnum(spec, bits);
        break;
      }
      case 'string':
        value = args[0] ?? '';
        break;
      case 'special': {
        const r = SPECIAL_SETTERS[spec.name]!(args, this.loadState);
        if (!r.ok) return r.error;
        value = r.value;
        bits = r.bits;
        break;
      }
    }
    const err = spec.validate?.(value, this);
    if (err) return err;
    this.store(spec, value);
    if (bits !== undefined) this.numbers.set(spec.name, BigInt(bits));
    return null;
  }

  /** The apply step of CONFIG SET: hz is clamped to 1..500, repl-backlog-size raised to 16kb. */
  private apply(spec: ParamSpec): void {
    if (spec.name === 'hz') {
      const hz = this.numbers.get('hz')!;
      if (hz < 1n || hz > 500n) this.store(spec, hz < 1n ? '1' : '500');
    } else if (spec.name === 'repl-backlog-size' && this.numbers.get(spec.name)! < 16384n) {
      this.store(spec, '16384');
    }
  }

  private notify(spec: ParamSpec): void {
    const value = this.values.get(spec.name)!;
    for (const l of this.listeners.get(spec.name) ?? []) l(value, spec.name);
  }

  /** Stores a value given in CONFIG GET form (defaults, backups, clamps). */
  private store(spec: ParamSpec, value: string): void {
    this.values.set(spec.name, value);
    if (spec.type === 'int' || spec.type === 'memory') {
      const r = parseNumeric(spec, value);
      if (r.ok) this.numbers.set(spec.name, r.value);
    } else if (spec.type === 'enum') {
      this.numbers.set(spec.name, BigInt(parseEnum(spec, spec.multiArg ? value.split(' ') : [value]) ?? 0));
    } else if (spec.name === 'notify-keyspace-events') {
      this.numbers.set(spec.name, BigInt(keyspaceEventsStringToFlags(value)));
    }
  }

  /** What a change is detected on: the text, and the bits when they say more (CONFIG SET notify-keyspace-events An after A). */
  private state(spec: ParamSpec): string {
    const n = spec.type === 'special' ? this.numbers.get(spec.name) : undefined;
    return n === undefined ? this.values.get(spec.name)! : `${this.values.get(spec.name)!}#${n}`;
  }
}

/** sdssplitlen(value, " "): "" gives no words, "a  b" gives an empty middle word. */
function splitSpaces(value: string): string[] {
  return value === '' ? [] : value.split(' ');
}
