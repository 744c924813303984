/**
 * Text forms of a command for MONITOR and SLOWLOG, as Redis writes them:
 * sdscatrepr() quoting, "(redacted)" for hidden arguments, and SLOWLOG's
 * argument and length caps.
 */
import type { Args } from '../commands/args.js';
import { quoteArg as repr } from '../config/split-args.js';

/** One MONITOR line: `1700000000.123456 [0 127.0.0.1:5000] "set" "k" "v"`. */
export function monitorLine(db: number, addr: string, args: Args, redacted: readonly number[]): string {
  const now = performance.timeOrigin + performance.now();
  const sec = Math.floor(now / 1000);
  const usec = Math.floor((now - sec * 1000) * 1000);
  let line = `${sec}.${String(usec).padStart(6, '0')} [${db} ${addr}]`;
  for (let i = 0; i < args.count; i++) {
    line += ' ' + (redacted.includes(i) ? '"(redacted)"' : repr(args.str(i)));
  }
  return line;
}

const SLOWLOG_MAX_ARGC = 32;
const SLOWLOG_MAX_STRING = 128;

/** The arguments a SLOWLOG entry keeps: at most 32, each at most 128 bytes. */
export function slowlogArgs(args: Args, redacted: readonly number[]): string[] {
  const argc = Math.min(args.count, SLOWLOG_MAX_ARGC);
  const out: string[] = [];
  for (let i = 0; i < argc; i++) {
    if (argc !== args.count && i === argc - 1) {
      out.push(`... (${args.count - argc + 1} more arguments)`);
      break;
    }
    if (redacted.includes(i)) {
      out.push('(redacted)');
      continue;
    }
    const len = args.len(i);
    if (len > SLOWLOG_MAX_STRING) {
      const head = args.buf.latin1Slice(args.start(i), args.start(i) + SLOWLOG_MAX_STRING);
      out.push(`${head}... (${len - SLOWLOG_MAX_STRING} more bytes)`);
    } else {
      out.push(args.str(i));
    }
  }
  return out;
}
