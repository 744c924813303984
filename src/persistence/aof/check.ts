/**
 * `nencache check-aof [--fix] <file|manifest>` (like redis-check-aof): finds
 * the offset of the first command that does not parse in each file (a
 * manifest checks every file it names, only the last may be cut), and with
 * --fix truncates a file to its last good command. A hand-written progress
 * bar goes to stderr when it is a TTY. Base files with an RDB preamble are
 * the RDB checker's business and are skipped with a note.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseManifest } from './manifest.js';
import { Frame, FrameReader, isRdbPreamble } from './reader.js';

/** What checking one file found. */
export interface FileCheck {
  file: string;
  size: number;
  /** Offset just past the last complete command (== size when valid). */
  okUpTo: number;
  commands: number;
  /** null when valid, else why it stopped. */
  problem: null | 'truncated' | 'bad';
  detail: string;
}

const CHUNK = 4 * 1024 * 1024;

/** Checks one AOF file; `progress` gets (bytes done, total). */
export function checkAofFile(file: string, progress?: (done: number, total: number) => void): FileCheck {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const reader = new FrameReader();
    let win = Buffer.alloc(0);
    let winStart = 0;
    let fileAt = 0;
    let p = 0;
    let commands = 0;
    let inMulti = false;
    let beforeMulti = 0;
    for (;;) {
      const r = reader.read(win, p, win.length);
      if (r === Frame.OK || r === Frame.SKIPPED) {
        if (r === Frame.OK) {
          commands++;
          const name = win.latin1Slice(reader.offs[0]!, reader.offs[0]! + reader.lens[0]!).toLowerCase();
          if (name === 'multi') {
            if (inMulti) return { file, size, okUpTo: winStart + p, commands, problem: 'bad', detail: 'Unexpected MULTI' };
            inMulti = true;
            beforeMulti = winStart + p;
          } else if (name === 'exec') {
            if (!inMulti) return { file, size, okUpTo: winStart + p, commands, problem: 'bad', detail: 'Unexpected EXEC' };
            inMulti = false;
          }
        }
        p = reader.end;
        continue;
      }
      if (r === Frame.BAD) return { file, size, okUpTo: inMulti ? beforeMulti : winStart + p, commands, problem: 'bad', detail: reader.error };
      if (fileAt < size) {
        const rest = win.subarray(p);
        const next = Buffer.allocUnsafe(rest.length + Math.min(Math.max(CHUNK, rest.length + 1), size - fileAt));
        rest.copy(next, 0);
        const n = fs.readSync(fd, next, rest.length, next.length - rest.length, fileAt);
        fileAt += n;
        winStart += p;
        win = next.subarray(0, rest.length + n);
        p = 0;
        progress?.(fileAt, size);
        continue;
      }
      const at = winStart + p;
      if (at === size && !inMulti) return { file, size, okUpTo: size, commands, problem: null, detail: '' };
      return { file, size, okUpTo: inMulti ? beforeMulti : at, commands, problem: 'truncated', detail: inMulti ? 'Reached EOF before reading EXEC for MULTI' : 'Unexpected end of file' };
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** The files a path names: a manifest's base and incr files in load order, or the file itself. */
export function filesToCheck(target: string): string[] {
  const text = fs.readFileSync(target, 'latin1');
  if (!target.endsWith('.manifest')) return [target];
  const m = parseManifest(text);
  const dir = path.dirname(target);
  return [...(m.base !== null ? [m.base] : []), ...m.incr].map((f) => path.join(dir, f.name));
}

/** A one-line progress bar drawn with \r (stderr TTY only). */
export function progressBar(out: NodeJS.WriteStream): (done: number, total: number) => void {
  let last = -1;
  return (done, total) => {
    const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
    if (pct === last) return;
    last = pct;
    const width = 30;
    const filled = Math.round((pct / 100) * width);
    out.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(pct).padStart(3)}%`);
    if (pct === 100) out.write('\n');
  };
}

export interface CheckOptions {
  fix: boolean;
  yes: boolean;
  /** Asks the y/N question; resolves true for yes. */
  ask: (question: string) => Promise<boolean>;
  print: (line: string) => void;
  progress?: (done: number, total: number) => void;
}

/** Runs the check; returns the process exit code (0 valid or fixed, 1 not). */
export async function runCheckAof(target: string, o: CheckOptions): Promise<number> {
  const files = filesToCheck(target);
  let code = 0;
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    const head = Buffer.alloc(5);
    const fd = fs.openSync(file, 'r');
    fs.readSync(fd, head, 0, 5, 0);
    fs.closeSync(fd);
    if (isRdbPreamble(head)) {
      o.print(`RDB preamble found in ${path.basename(file)}: checked by the RDB checker, skipped here`);
      continue;
    }
    const r = checkAofFile(file, o.progress);
    o.print(`AOF analyzed: filename=${path.basename(file)}, size=${r.size}, ok_up_to=${r.okUpTo}, diff=${r.size - r.okUpTo}`);
    if (r.problem === null) {
      o.print(`AOF ${path.basename(file)} is valid`);
      continue;
    }
    o.print(`${r.detail} at offset ${r.okUpTo} of ${path.basename(file)}`);
    const last = i === files.length - 1;
    if (!o.fix) {
      o.print(`AOF ${path.basename(file)} is not valid. Use the --fix option to try fixing it.`);
      code = 1;
      continue;
    }
    if (r.problem === 'truncated' && !last) {
      o.print(`AOF ${path.basename(file)} is truncated but it is not the last file: it cannot be fixed by truncation`);
      code = 1;
      continue;
    }
    const ok = o.yes || (await o.ask(`This will shrink the AOF ${path.basename(file)} from ${r.size} bytes, with ${r.size - r.okUpTo} bytes, to ${r.okUpTo} bytes\nContinue? [y/N]: `));
    if (!ok) {
      o.print('Aborting...');
      return 1;
    }
    fs.truncateSync(file, r.okUpTo);
    const again = checkAofFile(file);
    if (again.problem !== null) {
      o.print(`Failed to truncate AOF ${path.basename(file)}`);
      return 1;
    }
    o.print('Successfully truncated AOF ' + path.basename(file));
    // Later files replay on top of a cut one: they are left as they are, as redis-check-aof does.
  }
  return code;
}
