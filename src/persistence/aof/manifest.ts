/**
 * The multi-part AOF manifest (Redis 7.0 aof.c): one line per file,
 * `file <name> seq <n> type <b|h|i>`, base first, then history, then incr in
 * increasing seq. Names needing it are quoted as sdscatrepr() does; parsing
 * follows aofLoadManifestFromFile(), with its error texts.
 */
import { quoteArg, splitArgs } from '../../config/split-args.js';

export type AofFileType = 'b' | 'h' | 'i';

/** One file named by the manifest. */
export interface AofFileInfo {
  name: string;
  seq: number;
  type: AofFileType;
}

/** What the manifest says: at most one base, history files (to delete), incr files in order. */
export interface AofManifest {
  base: AofFileInfo | null;
  history: AofFileInfo[];
  incr: AofFileInfo[];
}

/** Raised for a manifest Redis would refuse (the message is Redis's). */
export class ManifestError extends Error {}

/** sdsneedsrepr(): backslash, quote, blanks, control and non-printable bytes need quoting. */
function needsRepr(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92 || c === 34 || c <= 0x20 || c >= 0x7f) return true;
  }
  return false;
}

/** aofInfoFormat(): one manifest line. */
export function formatFileLine(ai: AofFileInfo): string {
  const name = needsRepr(ai.name) ? quoteArg(ai.name) : ai.name;
  return `file ${name} seq ${ai.seq} type ${ai.type}\n`;
}

/** getAofManifestAsString(). */
export function formatManifest(m: AofManifest): string {
  let out = '';
  if (m.base !== null) out += formatFileLine(m.base);
  for (const h of m.history) out += formatFileLine(h);
  for (const i of m.incr) out += formatFileLine(i);
  return out;
}

/** Lines longer than this are refused, as AOF_MANIFEST_MAX_LINE. */
const MAX_LINE = 1024;

function isBaseName(p: string): boolean {
  return !p.includes('/');
}

/** aofLoadManifestFromFile() over the file's text (latin1: one char per byte). */
export function parseManifest(text: string): AofManifest {
  const m: AofManifest = { base: null, history: [], incr: [] };
  if (text.length === 0) throw new ManifestError('Found an empty AOF manifest');
  let maxSeq = 0;
  let at = 0;
  while (at < text.length) {
    const nl = text.indexOf('\n', at);
    const raw = nl < 0 ? text.slice(at) : text.slice(at, nl + 1);
    at = nl < 0 ? text.length : nl + 1;
    // fgets() reads at most MAX_LINE - 1 bytes: a longer line has no newline in its first piece.
    if (raw.startsWith('#')) continue;
    if (nl < 0 || raw.length > MAX_LINE - 1) throw new ManifestError('The AOF manifest file contains too long line');
    const line = raw.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
    if (line.length === 0) throw new ManifestError('Invalid AOF manifest file format');
    const argv = splitArgs(line);
    if (argv === null || argv.length < 6 || argv.length % 2 !== 0) throw new ManifestError('Invalid AOF manifest file format');
    let name: string | null = null;
    let seq = 0;
    let type = '';
    for (let i = 0; i < argv.length; i += 2) {
      const k = argv[i]!.toLowerCase();
      const v = argv[i + 1]!;
      if (k === 'file') {
        name = v;
        if (!isBaseName(name)) throw new ManifestError("File can't be a path, just a filename");
      } else if (k === 'seq') {
        seq = atoll(v);
      } else if (k === 'type') {
        type = v.charAt(0);
      }
    }
    if (name === null || name === '' || seq === 0 || type === '') throw new ManifestError('Invalid AOF manifest file format');
    const ai = { name, seq, type: type as AofFileType };
    if (type === 'b') {
      if (m.base !== null) throw new ManifestError('Found duplicate base file information');
      m.base = ai;
    } else if (type === 'h') {
      m.history.push(ai);
    } else if (type === 'i') {
      if (seq <= maxSeq) throw new ManifestError('Found a non-monotonic sequence number');
      m.incr.push(ai);
      maxSeq = seq;
    } else {
      throw new ManifestError('Unknown AOF file type');
    }
  }
  return m;
}

/** C atoll(): leading blanks, a sign, digits; stops at the first other char. */
function atoll(s: string): number {
  const r = /^\s*([+-]?\d+)/.exec(s);
  return r === null ? 0 : Number(r[1]);
}

/** File names as Redis 7.0 builds them from appendfilename. */
export const aofNames = {
  manifest: (base: string): string => `${base}.manifest`,
  tempManifest: (base: string): string => `temp-${base}.manifest`,
  base: (base: string, seq: number, rdb: boolean): string => `${base}.${seq}.base.${rdb ? 'rdb' : 'aof'}`,
  incr: (base: string, seq: number): string => `${base}.${seq}.incr.aof`,
};
