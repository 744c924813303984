/**
 * Parsing and printing of configuration values, ported from Redis 7.0.15's
 * config.c/util.c so accepted strings, stored values and error texts match.
 */

/*
 * memtoull(), string2ll(), strtoll(), string2d(), enums and the special
 * parameters (save, bind, client-output-buffer-limit, ...). 64-bit values are
 * bigints holding the C `long long` interpretation.
 */
import { statSync, accessSync, realpathSync, constants } from 'node:fs';
import { resolve } from 'node:path';
import type { ConfigEntry } from './schema.js';

const U64 = (v: bigint): bigint => BigInt.asUintN(64, v);
const I64 = (v: bigint): bigint => BigInt.asIntN(64, v);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/** string2ll(): strict decimal (no '+', spaces or leading zeros); null on error or overflow. */
export function string2ll(s: string): bigint | null {
  if (!/^(0|-?[1-9][0-9]*)$/.test(s)) return null;
  const v = BigInt(s);
  return v > 9223372036854775807n || v < -9223372036854775808n ? null : v;
}

/**
 * strtoll(s, &end, base): leading blanks, a sign, then digits; saturates on
 * overflow (`overflow` set, like errno ERANGE). `end` is the index after the
 * digits, or 0 when there were none (C sets endptr to the start).
 */
export function strtoll(s: string, base = 10): { value: bigint; end: number; overflow: boolean } {
  let p = 0;
  while (p < s.length && isSpace(s.charCodeAt(p))) p++;
  let neg = false;
  if (s[p] === '+' || s[p] === '-') neg = s[p++] === '-';
  const start = p;
  let v = 0n;
  const b = BigInt(base);
  while (p < s.length) {
    const d = parseInt(s[p]!, base);
    if (Number.isNaN(d)) break;
    v = v * b + BigInt(d);
    p++;
  }
  if (p === start) return { value: 0n, end: 0, overflow: false };
  if (neg) v = -v;
  const overflow = v > 9223372036854775807n || v < -9223372036854775808n;
  if (overflow) v = neg ? -9223372036854775808n : 9223372036854775807n;
  return { value: v, end: p, overflow };
}

/** strtoll() that must consume the whole string (`*eptr == '\0'`); null otherwise. */
function strtollWhole(s: string): bigint | null {
  const r = strtoll(s);
  return r.end === s.length ? r.value : null;
}

const UNITS: Record<string, bigint> = { '': 1n, b: 1n, k: 1000n, kb: 1024n, m: 1000000n, mb: 1048576n, g: 1000000000n, gb: 1073741824n };

/**
 * memtoull(): digits then an optional unit (b k kb m mb g gb, any case);
 * "" and a bare unit are 0, a '-' or any other text is an error (null).
 * Like Redis 7.0.15, too many digits saturate and value*unit wraps mod 2^64.
 */
export function memtoull(s: string): bigint | null {
  let p = 0;
  if (s[0] === '-') return null;
  while (p < s.length && isDigit(s.charCodeAt(p))) p++;
  const mul = UNITS[s.slice(p).toLowerCase()];
  if (mul === undefined || p >= 128) return null;
  let v = p === 0 ? 0n : BigInt(s.slice(0, p));
  if (v > 18446744073709551615n) v = 18446744073709551615n;
  return U64(v * mul);
}

/** Parses "100mb"-style sizes with Redis's units (k=1000, kb=1024, ...); null when invalid. */
export function parseMemory(text: string): number | null {
  const v = memtoull(text);
  return v === null ? null : Number(v);
}

/**
 * Formats bytes as CONFIG REWRITE does: "1gb", "512mb", "3kb" when exact,
 * else plain bytes. A decimal string is read exactly; anything that is not an
 * integer (e.g. "5%") comes back as it was given.
 */
export function formatMemory(bytes: number | bigint | string): string {
  if (typeof bytes === 'string' ? !/^\d+$/.test(bytes) : typeof bytes === 'number' && !Number.isInteger(bytes)) return String(bytes);
  const b = BigInt(bytes);
  for (const [u, f] of [['gb', 1073741824n], ['mb', 1048576n], ['kb', 1024n]] as const) {
    if (b !== 0n && b % f === 0n) return `${b / f}${u}`;
  }
  return b.toString();
}

/** string2d(): strtod over the whole string, no leading blank, no NaN, no overflow/underflow. */
export function string2d(s: string): number | null {
  if (s === '' || isSpace(s.charCodeAt(0))) return null;
  const t = s.toLowerCase();
  let v: number;
  if (/^[+-]?(inf|infinity)$/.test(t)) v = t.startsWith('-') ? -Infinity : Infinity;
  else if (/^[+-]?0x[0-9a-f]+$/.test(t)) v = (t.startsWith('-') ? -1 : 1) * parseInt(t.replace(/^[+-]?0x/, ''), 16);
  else if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(t)) v = Number(t);
  else return null;
  if (Number.isNaN(v)) return null;
  // ERANGE: overflow to HUGE_VAL or underflow to zero from a non-zero mantissa.
  if (!Number.isFinite(v) && !/inf/.test(t)) return null;
  if (v === 0 && /[1-9]/.test(t.split('e')[0]!)) return null;
  return v;
}

/** printf("%f") then trimDoubleString(): "99.900000" -> "99.9", "-0.000000" -> "-0". */
export function formatPercentile(v: number): string {
  let s = Math.abs(v).toFixed(6);
  if (v < 0 || Object.is(v, -0)) s = '-' + s;
  return s.replace(/\.?0+$/, '');
}

export type ParseResult = { ok: true; value: bigint } | { ok: false; error: string };

/** numericParseString() + numericBoundaryCheck(): the stored C value or Redis's error text. */
export function parseNumeric(e: ConfigEntry, text: string): ParseResult {
  let v: bigint | null = null;
  if (e.type === 'memory') {
    const m = memtoull(text);
    if (m !== null) v = I64(m);
  }
  if (v === null && e.percent && text.length > 1 && text.endsWith('%')) {
    const p = string2ll(text.slice(0, -1));
    if (p !== null && p >= 0n) v = -p;
  }
  if (v === null && e.octal) {
    const r = strtoll(text, 8);
    if (!r.overflow && r.end === text.length) v = r.value;
  }
  if (v === null && e.type === 'int' && !e.octal) v = string2ll(text);
  if (v === null) {
    const error =
      e.type === 'memory' && e.percent ? 'argument must be a memory or percent value'
      : e.type === 'memory' ? 'argument must be a memory value'
      : e.octal ? "argument couldn't be parsed as an octal number"
      : "argument couldn't be parsed into an integer";
    return { ok: false, error };
  }
  const min = e.min!;
  const max = e.max!;
  if (e.ctype === 'ulonglong' || e.ctype === 'uint' || e.ctype === 'size_t') {
    const u = U64(v);
    if (u > U64(max) || u < U64(min)) {
      const f = (x: bigint): string => (e.octal ? U64(x).toString(8) : U64(x).toString());
      return { ok: false, error: `argument must be between ${f(min)} and ${f(max)} inclusive` };
    }
  } else if (e.percent && v < 0n) {
    if (v < min) return { ok: false, error: `percentage argument must be less or equal to ${-min}` };
  } else if (v > max || v < min) {
    return { ok: false, error: `argument must be between ${min} and ${max} inclusive` };
  }
  return { ok: true, value: v };
}

/** numericConfigGet(): "N%" for percents, unsigned for memory, octal, else signed. */
export function formatNumeric(e: ConfigEntry, v: bigint): string {
  if (e.percent && v < 0n) return `${-v}%`;
  if (e.type === 'memory') return U64(v).toString();
  if (e.octal) return U64(v).toString(8);
  return v.toString();
}

/** yesnotoi(). */
export function parseBool(text: string): boolean | null {
  const t = text.toLowerCase();
  return t === 'yes' ? true : t === 'no' ? false : null;
}

function enumBits(e: ConfigEntry): number[] {
  return e.enumBits ?? e.enumValues!.map((_, i) => i);
}

/** configEnumGetValue(): one name (or several OR-ed for flag enums); null when invalid. */
export function parseEnum(e: ConfigEntry, args: readonly string[]): number | null {
  if (args.length === 0 || (!e.multiArg && args.length !== 1)) return null;
  const names = e.enumValues!;
  const bits = enumBits(e);
  let value = 0;
  for (const a of args) {
    const t = a.toLowerCase();
    let matched = false;
    for (let i = 0; i < names.length; i++) {
      if (names[i] === t) {
        value |= bits[i]!;
        matched = true;
      }
    }
    if (!matched) return null;
  }
  return value;
}

/** configEnumGetName(): the first name with this value, or the flag names in schema order. */
export function formatEnum(e: ConfigEntry, value: number): string {
  const names = e.enumValues!;
  const bits = enumBits(e);
  const out: string[] = [];
  let unmatched = value;
  for (let i = 0; i < names.length; i++) {
    if (bits[i] === value) return names[i]!;
    if (e.multiArg && bits[i] !== 0 && (unmatched & bits[i]!) === bits[i]) {
      out.push(names[i]!);
      unmatched &= ~bits[i]!;
    }
  }
  return out.length === 0 || unmatched !== 0 ? 'unknown' : out.join(' ');
}

export function enumError(e: ConfigEntry): string {
  return `argument(s) must be one of the following: ${e.enumValues!.join(', ')}`;
}

/** Keyspace notification classes, as Redis's NOTIFY_* bits. */
export const NOTIFY = {
  KEYSPACE: 1 << 0, KEYEVENT: 1 << 1, GENERIC: 1 << 2, STRING: 1 << 3, LIST: 1 << 4, SET: 1 << 5, HASH: 1 << 6,
  ZSET: 1 << 7, EXPIRED: 1 << 8, EVICTED: 1 << 9, STREAM: 1 << 10, KEY_MISS: 1 << 11, LOADED: 1 << 12, MODULE: 1 << 13, NEW: 1 << 14,
} as const;
const NOTIFY_ALL = NOTIFY.GENERIC | NOTIFY.STRING | NOTIFY.LIST | NOTIFY.SET | NOTIFY.HASH | NOTIFY.ZSET | NOTIFY.EXPIRED | NOTIFY.EVICTED | NOTIFY.STREAM | NOTIFY.MODULE;
const NOTIFY_CHARS: Record<string, number> = {
  A: NOTIFY_ALL, g: NOTIFY.GENERIC, $: NOTIFY.STRING, l: NOTIFY.LIST, s: NOTIFY.SET, h: NOTIFY.HASH, z: NOTIFY.ZSET, x: NOTIFY.EXPIRED,
  e: NOTIFY.EVICTED, K: NOTIFY.KEYSPACE, E: NOTIFY.KEYEVENT, t: NOTIFY.STREAM, m: NOTIFY.KEY_MISS, d: NOTIFY.MODULE, n: NOTIFY.NEW,
};

/** keyspaceEventsStringToFlags(); -1 on an unknown class character. */
export function keyspaceEventsStringToFlags(classes: string): number {
  let flags = 0;
  for (const ch of classes) {
    const f = NOTIFY_CHARS[ch];
    if (f === undefined) return -1;
    flags |= f;
  }
  return flags;
}

/** keyspaceEventsFlagsToString(). */
export function keyspaceEventsFlagsToString(flags: number): string {
  let res = '';
  if ((flags & NOTIFY_ALL) === NOTIFY_ALL) res += 'A';
  else {
    for (const ch of 'g$lshzxetdn') if (flags & NOTIFY_CHARS[ch]!) res += ch;
  }
  if (flags & NOTIFY.KEYSPACE) res += 'K';
  if (flags & NOTIFY.KEYEVENT) res += 'E';
  if (flags & NOTIFY.KEY_MISS) res += 'm';
  return res;
}

/** What a special parameter's setter may read: current values and load state. */
export interface SpecialContext {
  get(name: string): string | undefined;
  /** True while a config file is being read (Redis's reading_config_file). */
  readingFile: boolean;
  /** The first `save` line of a load resets the rules; later ones append. */
  saveLoaded: boolean;
}

/** `bits`: what the parameter means when its CONFIG GET text loses something (notify-keyspace-events's n next to A). */
export type SpecialResult = { ok: true; value: string; bits?: number } | { ok: false; error: string };
const fail = (error: string): SpecialResult => ({ ok: false, error });
const WRONG_ARGS = fail('wrong number of arguments');

function setSave(args: readonly string[], ctx: SpecialContext): SpecialResult {
  let argv = args;
  let reset = false;
  if (argv.length === 1 && argv[0] === '') {
    argv = [];
    reset = true;
  }
  if (argv.length % 2 !== 0) return fail('Invalid save parameters');
  const rules: string[] = [];
  for (let j = 0; j < argv.length; j++) {
    const v = strtollWhole(argv[j]!);
    if (v === null || (j % 2 === 0 && v < 1n) || (j % 2 === 1 && v < 0n)) return fail('Invalid save parameters');
    rules.push(j % 2 === 0 ? v.toString() : BigInt.asIntN(32, v).toString());
  }
  const keep = ctx.readingFile && ctx.saveLoaded && !reset;
  ctx.saveLoaded = ctx.saveLoaded || ctx.readingFile;
  const current = keep ? (ctx.get('save') ?? '') : '';
  return { ok: true, value: [current, ...rules].filter((x) => x !== '').join(' ') };
}

const OBUF_CLASSES = ['normal', 'slave', 'pubsub'];

function setClientOutputBufferLimit(args: readonly string[], ctx: SpecialContext): SpecialResult {
  if (args.length % 4 !== 0) return fail('Wrong number of arguments in buffer limit configuration.');
  const cur = (ctx.get('client-output-buffer-limit') ?? '').split(' ');
  const classes = OBUF_CLASSES.map((_, i) => cur.slice(i * 4 + 1, i * 4 + 4));
  for (let j = 0; j < args.length; j += 4) {
    const name = args[j]!.toLowerCase();
    const cls = name === 'replica' ? 1 : OBUF_CLASSES.indexOf(name);
    if (cls < 0) return fail('Invalid client class specified in buffer limit configuration.');
    const hard = memtoull(args[j + 1]!);
    const soft = memtoull(args[j + 2]!);
    const secs = strtoll(args[j + 3]!);
    const seconds = BigInt.asIntN(32, secs.value);
    if (hard === null || soft === null || seconds < 0n || secs.end !== args[j + 3]!.length) {
      return fail('Error in hard, soft or soft_seconds setting in buffer limit configuration.');
    }
    classes[cls] = [hard.toString(), soft.toString(), seconds.toString()];
  }
  return { ok: true, value: OBUF_CLASSES.map((c, i) => `${c} ${classes[i]!.join(' ')}`).join(' ') };
}

function setOomScoreAdjValues(args: readonly string[]): SpecialResult {
  if (args.length !== 3) return WRONG_ARGS;
  const out: string[] = [];
  for (const a of args) {
    const v = strtollWhole(a);
    if (v === null || v < -2000n || v > 2000n) return fail('Invalid oom-score-adj-values, elements must be between -2000 and 2000.');
    out.push(v.toString());
  }
  return { ok: true, value: out.join(' ') };
}

function setNotify(args: readonly string[]): SpecialResult {
  if (args.length !== 1) return WRONG_ARGS;
  const flags = keyspaceEventsStringToFlags(args[0]!);
  if (flags === -1) return fail("Invalid event class character. Use 'Ag$lshzxeKEtmdn'.");
  return { ok: true, value: keyspaceEventsFlagsToString(flags), bits: flags };
}

function setBind(args: readonly string[]): SpecialResult {
  if (args.length > 16) return fail('Too many bind addresses specified.');
  if (args.length === 1 && args[0] === '') return { ok: true, value: '' };
  return { ok: true, value: args.join(' ') };
}

function setReplicaOf(args: readonly string[]): SpecialResult {
  if (args.length !== 2) return WRONG_ARGS;
  if (args[0]!.toLowerCase() === 'no' && args[1]!.toLowerCase() === 'one') return { ok: true, value: '' };
  const port = strtoll(args[1]!);
  if (port.end !== args[1]!.length || port.value < 0n || port.value > 65535n) return fail('Invalid master port');
  return { ok: true, value: `${args[0]} ${port.value}` };
}

function setPercentiles(args: readonly string[]): SpecialResult {
  if (args.length === 1 && args[0] === '') return { ok: true, value: '' };
  const out: string[] = [];
  for (const a of args) {
    const v = string2d(a);
    if (v === null) return fail('Invalid latency-tracking-info-percentiles parameters');
    if (v > 100 || v < 0) return fail('latency-tracking-info-percentiles parameters should sit between [0.0,100.0]');
    out.push(formatPercentile(v));
  }
  return { ok: true, value: out.join(' ') };
}

const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'No such file or directory',
  ENOTDIR: 'Not a directory',
  EACCES: 'Permission denied',
  ENAMETOOLONG: 'File name too long',
  ELOOP: 'Too many levels of symbolic links',
};

/** strerror() text for a Node fs error. */
export function errnoText(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  return ERRNO_TEXT[code] ?? (err as Error).message;
}

/** chdir() check: the new directory (absolute, latin1 bytes) or strerror(). */
function setDir(args: readonly string[], ctx: SpecialContext): SpecialResult {
  if (args.length !== 1) return WRONG_ARGS;
  const base = Buffer.from(ctx.get('dir') ?? process.cwd(), 'latin1').toString();
  let target = resolve(base, Buffer.from(args[0]!, 'latin1').toString());
  try {
    if (!statSync(target).isDirectory()) return fail(ERRNO_TEXT.ENOTDIR!);
    accessSync(target, constants.X_OK);
    target = realpathSync(target); // getcwd() reports the physical path
  } catch (err) {
    return fail(errnoText(err));
  }
  return { ok: true, value: Buffer.from(target).toString('latin1') };
}

/** Setters of the 'special' parameters: argv (already split) to the CONFIG GET form. */
export const SPECIAL_SETTERS: Record<string, (args: readonly string[], ctx: SpecialContext) => SpecialResult> = {
  save: setSave,
  'client-output-buffer-limit': setClientOutputBufferLimit,
  'oom-score-adj-values': setOomScoreAdjValues,
  'notify-keyspace-events': setNotify,
  bind: setBind,
  replicaof: setReplicaOf,
  'latency-tracking-info-percentiles': setPercentiles,
  dir: setDir,
};
