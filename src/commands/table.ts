/**
 * The command table: specs from src/commands/index.ts (generated) indexed
 * for allocation-free lookup by the bytes of the name, case-insensitively.
 * Subcommands of containers (CONFIG GET, CLIENT LIST...) have their own table.
 */
import type { CommandStat } from './context.js';
import type { CommandSpec, Handler } from './define.js';
import { LatencyHistogram } from '../observability/latency-histogram.js';

/** A command as dispatch uses it. */
export class CommandEntry {
  /** "get", or "config|get" for a subcommand. */
  readonly fullName: string;
  readonly arity: number;
  readonly handler: Handler | undefined;
  readonly write: boolean;
  /** May grow memory: refused with -OOM when over maxmemory and nothing can be evicted. */
  readonly denyOom: boolean;
  readonly noAuth: boolean;
  readonly skipMonitor: boolean;
  readonly skipSlowlog: boolean;
  /** May replicate (PUBLISH, PFCOUNT...): held by CLIENT PAUSE WRITE as writes are. */
  readonly mayReplicate: boolean;
  /** Flagged fast: its calls are "fast-command" events for the latency monitor. */
  readonly fast: boolean;
  readonly subcommands: NameIndex<CommandEntry> | null;
  /** INFO commandstats counters. */
  readonly stat: CommandStat = { calls: 0, usec: 0, rejected: 0, failed: 0 };
  /** INFO latencystats: made at the first recorded call, dropped by CONFIG RESETSTAT (as Redis). */
  latency: LatencyHistogram | null = null;

  /** CONFIG RESETSTAT: commandstats zeroed, the latency histogram dropped (as Redis). */
  resetStats(): void {
    this.latency = null;
    this.stat.calls = 0;
    this.stat.usec = 0;
    this.stat.rejected = 0;
    this.stat.failed = 0;
  }

  /** This entry, then its subcommands (a container's stats and histograms are listed so). */
  withSubcommands(): CommandEntry[] {
    const out: CommandEntry[] = [this];
    if (this.subcommands) for (const [, sub] of this.subcommands.entries()) out.push(sub);
    return out;
  }

  /** Records one call's duration in the latency histogram. */
  recordLatency(us: number): void {
    (this.latency ??= new LatencyHistogram()).recordUs(us);
  }

  constructor(
    readonly spec: CommandSpec,
    readonly parent: CommandEntry | null,
  ) {
    this.fullName = parent ? `${parent.spec.name}|${spec.name}` : spec.name;
    this.arity = spec.arity;
    this.handler = spec.handler;
    const f = spec.flags;
    this.write = f.includes('write');
    this.denyOom = f.includes('denyoom');
    this.noAuth = f.includes('no_auth');
    this.skipMonitor = f.includes('skip_monitor');
    this.skipSlowlog = f.includes('skip_slowlog');
    this.mayReplicate = spec.mayReplicate === true || f.includes('may_replicate');
    this.fast = f.includes('fast');
    if (spec.subcommands) {
      this.subcommands = new NameIndex();
      for (const sub of spec.subcommands) this.subcommands.add(sub.name, new CommandEntry(sub, this));
    } else {
      this.subcommands = null;
    }
  }
}

/** Open-addressing map from ASCII names to values, probed with raw bytes. */
export class NameIndex<T> {
  private names: string[] = [];
  private values: T[] = [];
  private slots = new Int32Array(64).fill(-1);
  private mask = 63;
  private lastIdx = -1;

  get size(): number {
    return this.names.length;
  }

  add(name: string, value: T): void {
    const lower = name.toLowerCase();
    if (this.names.length * 2 >= this.slots.length) this.rehash(this.slots.length * 2);
    const idx = this.names.length;
    this.names.push(lower);
    this.values.push(value);
    this.insert(lower, idx);
  }

  /** Finds a name given as bytes, ignoring ASCII case. */
  find(buf: Uint8Array, start: number, end: number): T | undefined {
    // Pipelines repeat a command: try the last one found before hashing.
    const last = this.lastIdx;
    if (last >= 0 && this.matches(this.names[last]!, buf, start, end)) return this.values[last];
    let h = 2166136261;
    for (let i = start; i < end; i++) {
      let c = buf[i]!;
      if (c >= 65 && c <= 90) c |= 32;
      h = Math.imul(h ^ c, 16777619);
    }
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const idx = this.slots[s]!;
      if (idx < 0) return undefined;
      if (this.matches(this.names[idx]!, buf, start, end)) {
        this.lastIdx = idx;
        return this.values[idx];
      }
    }
  }

  private matches(name: string, buf: Uint8Array, start: number, end: number): boolean {
    const len = end - start;
    if (name.length !== len) return false;
    for (let k = 0; k < len; k++) {
      let c = buf[start + k]!;
      if (c >= 65 && c <= 90) c |= 32;
      if (c !== name.charCodeAt(k)) return false;
    }
    return true;
  }

  get(name: string): T | undefined {
    const b = Buffer.from(name, 'latin1');
    return this.find(b, 0, b.length);
  }

  entries(): IterableIterator<[string, T]> {
    const names = this.names;
    const values = this.values;
    return (function* () {
      for (let i = 0; i < names.length; i++) yield [names[i]!, values[i]!] as [string, T];
    })();
  }

  private insert(lower: string, idx: number): void {
    let h = 2166136261;
    for (let i = 0; i < lower.length; i++) h = Math.imul(h ^ lower.charCodeAt(i), 16777619);
    let s = h & this.mask;
    while (this.slots[s]! >= 0) s = (s + 1) & this.mask;
    this.slots[s] = idx;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let i = 0; i < this.names.length; i++) this.insert(this.names[i]!, i);
  }
}

/** All commands of the server. */
export class CommandTable {
  readonly index = new NameIndex<CommandEntry>();

  constructor(specs: readonly CommandSpec[]) {
    for (const spec of specs) {
      if (this.index.get(spec.name)) throw new Error(`duplicate command ${spec.name}`);
      this.index.add(spec.name, new CommandEntry(spec, null));
    }
  }

  get size(): number {
    return this.index.size;
  }

  lookup(buf: Uint8Array, start: number, end: number): CommandEntry | undefined {
    return this.index.find(buf, start, end);
  }

  /** Finds "get" or "config|get" by name. */
  byName(fullName: string): CommandEntry | undefined {
    const bar = fullName.indexOf('|');
    if (bar < 0) return this.index.get(fullName);
    return this.index.get(fullName.slice(0, bar))?.subcommands?.get(fullName.slice(bar + 1));
  }

  *all(): IterableIterator<CommandEntry> {
    for (const [, e] of this.index.entries()) yield e;
  }

  /** Every command and subcommand, each container followed by its subcommands. */
  everyEntry(): CommandEntry[] {
    const out: CommandEntry[] = [];
    for (const e of this.all()) out.push(...e.withSubcommands());
    return out;
  }
}
