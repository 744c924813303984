/**
 * Builds a Config the way redis-server 7.0.15 does at startup: redis.conf
 * (includes, sdssplitargs quoting) then `--name value` options; errors carry
 * redis-server's exact FATAL CONFIG FILE ERROR text.
 */

/*
 * Ported from loadServerConfig(), loadServerConfigFromString() and the
 * option handling of main() in Redis: options are appended after the file
 * as quoted config lines, so their line numbers continue the file's.
 */
import { readFileSync, readdirSync, openSync, closeSync } from 'node:fs';
import { join, resolve, isAbsolute } from 'node:path';
import { globMatchStr } from '../engine/glob.js';
import { REDIS_COMPAT_VERSION } from '../observability/version.js';
import { Config } from './config.js';
import { quoteArg, splitArgs } from './split-args.js';
import { errnoText } from './values.js';

export { splitArgs, splitArgsBytes, quoteArg } from './split-args.js';

/** A config that redis-server would refuse; `message` is its stderr text. */
export class ConfigFileError extends Error {
  constructor(
    message: string,
    /** The reason alone ("Bad directive or wrong number of arguments", ...). */
    readonly reason: string,
    /** 1-based line in the file (or in file + options) when a line is to blame. */
    readonly line?: number,
    /** That line, trimmed, as Redis echoes it. */
    readonly lineText?: string,
  ) {
    super(message);
    this.name = 'ConfigFileError';
  }
}

function fatal(reason: string, line?: number, lineText?: string): ConfigFileError {
  let msg = `\n*** FATAL CONFIG FILE ERROR (Redis ${REDIS_COMPAT_VERSION}) ***\n`;
  if (line !== undefined) msg += `Reading the configuration file, at line ${line}\n>>> '${lineText}'\n`;
  return new ConfigFileError(msg + reason, reason, line, lineText);
}

/** Configs Redis 7.0 still accepts (and ignores) with this many words. */
const DEPRECATED: Record<string, [number, number]> = {
  'list-max-ziplist-entries': [2, 2],
  'list-max-ziplist-value': [2, 2],
  'lua-replicate-commands': [2, 2],
};

/** Paths in config values are latin1 byte strings; fs wants the real characters. */
const fsPath = (p: string): string => Buffer.from(p, 'latin1').toString();

/** The current `dir` (Redis chdir()s when it reads one), where relative paths start. */
function cwdOf(config: Config): string {
  return fsPath(config.getString('dir'));
}

/** glob(3) for include patterns: wildcards in any component, sorted, no dotfiles for `*`. */
function expandGlob(pattern: string): string[] {
  const abs = isAbsolute(pattern);
  const parts = pattern.split('/').filter((p, i) => p !== '' || i === 0);
  let paths = [abs ? '/' : ''];
  for (let i = abs ? 1 : 0; i < parts.length; i++) {
    const part = parts[i]!;
    const next: string[] = [];
    for (const base of paths) {
      if (!/[*?[]/.test(part)) {
        next.push(base === '' ? part : join(base, part));
        continue;
      }
      let entries: string[];
      try {
        entries = readdirSync(base === '' ? '.' : base);
      } catch {
        continue;
      }
      for (const e of entries.sort()) {
        if (e.startsWith('.') && !part.startsWith('.')) continue;
        if (globMatchStr(part, e)) next.push(base === '' ? e : join(base, e));
      }
    }
    paths = next;
  }
  return paths;
}

function readConfigFile(path: string, shown: string): string {
  try {
    return readFileSync(path, 'latin1');
  } catch (err) {
    throw new ConfigFileError(`Fatal error, can't open config file '${shown}': ${errnoText(err)}`, errnoText(err));
  }
}

/** loadServerConfig(filename, NULL): reads a file (or every match of a glob) and applies it. */
function loadFile(config: Config, filename: string): void {
  const cwd = cwdOf(config);
  const path = fsPath(filename);
  if (/[*?[]/.test(filename)) {
    // Every match is read into one text; no match is not an error.
    let text = '';
    for (const m of expandGlob(resolve(cwd, path))) text += readConfigFile(m, Buffer.from(m).toString('latin1'));
    applyConfigText(config, text);
    return;
  }
  applyConfigText(config, readConfigFile(resolve(cwd, path), filename));
}

/**
 * loadServerConfigFromString(): applies redis.conf text to `config`.
 * Throws ConfigFileError at the first bad line. As in Redis, finishing an
 * included file ends "reading mode" for the rest of the load, which makes
 * later `save` lines replace the rules instead of adding to them.
 */
export function applyConfigText(config: Config, text: string): void {
  const state = config.loadState;
  state.readingFile = true;
  try {
    applyLines(config, text);
  } finally {
    state.readingFile = false;
  }
}

function applyLines(config: Config, text: string): void {
  const lines = text === '' ? [] : text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
    if (line === '' || line.startsWith('#')) continue;
    const argv = splitArgs(line);
    if (argv === null) throw fatal('Unbalanced quotes in configuration line', i + 1, line);
    if (argv.length === 0) continue;
    const directive = argv[0]!.toLowerCase();
    const spec = config.spec(directive);
    if (spec !== undefined) {
      if (!spec.multiArg && argv.length !== 2) throw fatal('wrong number of arguments', i + 1, line);
      const err = config.setArgs(directive, argv.slice(1));
      if (err !== null) throw fatal(err, i + 1, line);
      continue;
    }
    const dep = DEPRECATED[directive];
    if (dep && dep[0] <= argv.length && argv.length <= dep[1]) continue;
    if (directive === 'include' && argv.length === 2) {
      loadFile(config, argv[1]!);
    } else if ((directive === 'rename-command' && argv.length === 3) || (directive === 'user' && argv.length >= 2) || (directive === 'loadmodule' && argv.length >= 2)) {
      config.directives.push({ name: directive, args: argv.slice(1) });
    } else if (directive.includes('.')) {
      if (argv.length !== 2) throw fatal('Module config specified without value', i + 1, line);
      config.directives.push({ name: directive, args: argv.slice(1) });
    } else if (directive === 'sentinel') {
      if (argv.length !== 1) throw fatal('sentinel directive while not in sentinel mode', i + 1, line);
    } else {
      throw fatal('Bad directive or wrong number of arguments', i + 1, line);
    }
  }
  const logfile = config.getString('logfile');
  if (logfile !== '') {
    try {
      closeSync(openSync(resolve(cwdOf(config), fsPath(logfile)), 'a'));
    } catch (err) {
      throw fatal(`Can't open the log file: ${errnoText(err)}`);
    }
  }
  config.clampAfterLoad();
}

/** What redis-server's main() makes of its arguments. */
export interface ParsedArgs {
  /** The config file (first argument when it does not start with '-'). */
  configFile?: string;
  /** A lone '-' as first or last argument: read config text from stdin. */
  fromStdin: boolean;
  /** The options as config lines, quoted with sdscatrepr like Redis. */
  options: string;
}

/**
 * main()'s option handling: `--name` starts a line, every other argument is
 * a value appended quoted. A `--x` right after a name that has no value yet
 * is a value (so `--masterauth --secret` works); `--save` with no value
 * means `save ""`. An argument like "--port 6380" is a whole line.
 */
export function parseServerArgs(argv: readonly string[]): ParsedArgs {
  const out: ParsedArgs = { fromStdin: false, options: '' };
  let j = 0;
  if (argv.length > 0 && !argv[0]!.startsWith('-')) {
    out.configFile = argv[0]!;
    j = 1;
  }
  let handledLast = true;
  for (; j < argv.length; j++) {
    const a = argv[j]!;
    const last = j === argv.length - 1;
    if (a === '-' && (j === 0 || last)) {
      out.fromStdin = true;
    } else if (handledLast && a.startsWith('--')) {
      if (out.options !== '') out.options += '\n';
      out.options += a.slice(2) + ' ';
      const words = splitArgs(a);
      if (words !== null && words.length === 1) {
        handledLast = false;
        const nextIsOption = !last && argv[j + 1]!.startsWith('--');
        if (a.toLowerCase() === '--save' && (last || nextIsOption)) {
          out.options += '""';
          handledLast = true;
        } else if (a.toLowerCase() === '--sentinel' && (last || nextIsOption)) {
          handledLast = true;
        }
      } else {
        handledLast = true;
      }
    } else {
      out.options += quoteArg(a) + ' ';
      handledLast = true;
    }
  }
  return out;
}

export interface LoadConfigOptions {
  /** Reads stdin for a '-' argument (default: fs.readFileSync(0)). */
  readStdin?: () => string;
}

/**
 * redis-server [config-file] [--name value ...] [-]: the file, then stdin,
 * then "\n" and the options, parsed as one text. Arguments are UTF-8 from the
 * shell and become latin1 byte strings like every config value.
 * Throws ConfigFileError with redis-server's message.
 */
export function loadConfig(argv: readonly string[], opts: LoadConfigOptions = {}): Config {
  const bytes = argv.map((a) => Buffer.from(a).toString('latin1'));
  const parsed = parseServerArgs(bytes);
  const config = new Config();
  let text = '';
  if (parsed.configFile !== undefined) {
    const abs = resolve(fsPath(parsed.configFile));
    config.configFile = abs;
    text += readConfigFile(abs, Buffer.from(abs).toString('latin1'));
  }
  if (parsed.fromStdin) text += opts.readStdin ? opts.readStdin() : readFileSync(0, 'latin1');
  text += '\n' + parsed.options;
  applyConfigText(config, text);
  return config;
}
