/**
 * Builds a Config from redis-server style arguments: an optional redis.conf
 * file (with `include`), then `--name value ...` overrides, exactly as
 * redis-server merges them. Errors carry Redis's FATAL CONFIG FILE ERROR text.
 */
import { readFileSync } from 'node:fs';
import { splitInline } from '../protocol/resp/inline.js';
import { REDIS_COMPAT_VERSION } from '../observability/version.js';
import { Config } from './config.js';

/** Splits a line with redis.conf quoting rules (sdssplitargs); null on unbalanced quotes. */
export function splitArgs(line: string): string[] | null {
  const buf = Buffer.from(line, 'latin1');
  const sink = {
    offs: new Int32Array(8),
    lens: new Int32Array(8),
    growArgs(n: number) {
      const o = new Int32Array(n);
      o.set(this.offs);
      const l = new Int32Array(n);
      l.set(this.lens);
      this.offs = o;
      this.lens = l;
    },
  };
  const n = splitInline(buf, 0, buf.length, sink);
  if (n < 0) return null;
  const out: string[] = [];
  for (let k = 0; k < n; k++) out.push(buf.latin1Slice(sink.offs[k]!, sink.offs[k]! + sink.lens[k]!));
  return out;
}

function fatal(lineNo: number, line: string, why: string): Error {
  return new Error(
    `\n*** FATAL CONFIG FILE ERROR (Redis ${REDIS_COMPAT_VERSION}) ***\nReading the configuration file, at line ${lineNo}\n>>> '${line}'\n${why}`,
  );
}

/** Parameters that take several arguments, joined with spaces. */
const MULTI_ARG = new Set(['bind', 'save', 'client-output-buffer-limit', 'oom-score-adj-values', 'latency-tracking-info-percentiles', 'replicaof', 'slaveof']);

/** Applies redis.conf text to `config`; `include` reads other files. */
export function applyConfigText(config: Config, text: string, depth = 0): void {
  const lines = text.split('\n');
  const saves: string[] = [];
  let sawSave = false;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const argv = splitArgs(line);
    if (argv === null) throw fatal(n + 1, line, 'Unbalanced quotes in configuration line');
    if (argv.length === 0) continue;
    const name = argv[0]!.toLowerCase();
    const args = argv.slice(1);
    if (name === 'include' && args.length === 1) {
      if (depth > 16) throw fatal(n + 1, line, 'Too many nested includes');
      applyConfigText(config, readFileSync(args[0]!, 'latin1'), depth + 1);
      continue;
    }
    if (name === 'save') {
      // Each save line adds a rule; `save ""` clears them.
      sawSave = true;
      if (args.length === 1 && args[0] === '') saves.length = 0;
      else saves.push(...args);
      continue;
    }
    const spec = config.spec(name);
    if (spec === undefined || args.length === 0 || (args.length > 1 && !MULTI_ARG.has(spec.name))) {
      throw fatal(n + 1, line, 'Bad directive or wrong number of arguments');
    }
    const err = config.setFromFile(name, args.join(' '));
    if (err !== null) throw fatal(n + 1, line, err);
  }
  if (sawSave) {
    const err = config.setFromFile('save', saves.join(' '));
    if (err !== null) throw fatal(0, `save ${saves.join(' ')}`, err);
  }
}

/** Quotes an argument as redis-server does when turning `--name value` into a config line. */
function quote(arg: string): string {
  return '"' + arg.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r') + '"';
}

/**
 * redis-server [config-file] [--name value ...]: the file (if the first
 * argument is not an option), then the options appended as config lines.
 */
export function loadConfig(argv: readonly string[]): Config {
  const config = new Config();
  let text = '';
  let k = 0;
  if (argv.length > 0 && !argv[0]!.startsWith('--')) {
    const file = argv[0]!;
    text += (file === '-' ? readFileSync(0, 'latin1') : readFileSync(file, 'latin1')) + '\n';
    k = 1;
  }
  let line = '';
  for (; k < argv.length; k++) {
    const a = argv[k]!;
    if (a.startsWith('--') && a.length > 2) {
      if (line !== '') text += line + '\n';
      line = a.slice(2);
    } else {
      line += ' ' + quote(a);
    }
  }
  if (line !== '') text += line + '\n';
  applyConfigText(config, text);
  return config;
}
