/**
 * Redis 7.0's propagation model (server.c call() / alsoPropagate /
 * propagatePendingCommands): each call records its own command when it
 * changed the dataset (its arguments, or what it rewrote them to), after
 * whatever it added; commands of nested calls (EXEC) and deletions of
 * expired or evicted keys join the same list; when the outermost call ends
 * the list goes to the AOF, wrapped in MULTI/EXEC when it holds more than one.
 */
import type { Args } from '../../commands/args.js';
import type { PropArg, Propagation } from '../../commands/context.js';
import type { CallRecorder } from '../../server/dispatch.js';

/** Where finished propagation lists go (the AOF writer). */
export interface CommandSink {
  /** A command as values in database `db` (-1: MULTI/EXEC, no SELECT). */
  command(db: number, argv: readonly PropArg[]): void;
  /** A command as the client sent it. */
  commandArgs(db: number, args: Args): void;
  /** Called once after each complete list was fed. */
  flushed(): void;
}

interface Op {
  db: number;
  argv: readonly PropArg[] | null;
  /** The arguments as sent, copied, when argv is null. */
  args: Args | null;
}

const MULTI: readonly PropArg[] = ['MULTI'];
const EXEC: readonly PropArg[] = ['EXEC'];

/** Per call depth: what the call said about its own command. */
interface Frame {
  own: readonly PropArg[] | null;
  prevented: boolean;
  callsAtEnter: number;
}

/** The call recorder dispatch drives and the Propagation commands see. */
export class Propagator implements Propagation, CallRecorder {
  private depth = 0;
  private calls = 0;
  private readonly frames: Frame[] = [];
  private ops: Op[] = [];
  /** The db of the client whose command runs, for add() outside any call (a served blocked client). */
  currentDb: () => number = () => 0;

  constructor(private readonly sink: CommandSink) {}

  enter(): void {
    this.calls++;
    let f = this.frames[this.depth];
    if (f === undefined) {
      f = { own: null, prevented: false, callsAtEnter: 0 };
      this.frames[this.depth] = f;
    }
    f.own = null;
    f.prevented = false;
    f.callsAtEnter = this.calls;
    this.depth++;
  }

  exit(db: number, args: Args, dirtied: boolean): void {
    const f = this.frames[--this.depth]!;
    // A container (EXEC) propagates what its calls did, never itself.
    const nested = this.calls !== f.callsAtEnter;
    if (dirtied && !f.prevented && !nested) {
      if (f.own !== null) this.ops.push({ db, argv: f.own, args: null });
      else if (this.depth === 0 && this.ops.length === 0) {
        // The common case: one command as sent, encoded straight from the parser's buffer.
        this.sink.commandArgs(db, args);
        this.sink.flushed();
        return;
      } else this.ops.push({ db, argv: null, args: args.detach() });
    }
    f.own = null;
    if (this.depth === 0) this.flush();
  }

  rewrite(argv: readonly PropArg[]): void {
    if (this.depth === 0) return this.also(argv);
    this.frames[this.depth - 1]!.own = argv;
  }

  also(argv: readonly PropArg[]): void {
    this.ops.push({ db: this.currentDb(), argv, args: null });
    if (this.depth === 0) this.flush();
  }

  prevent(): void {
    if (this.depth > 0) this.frames[this.depth - 1]!.prevented = true;
  }

  /** A key removed by expiry or eviction: DEL in its database (joins the running call's list, if any). */
  deleted(db: number, key: string): void {
    this.ops.push({ db, argv: ['DEL', key], args: null });
    if (this.depth === 0) this.flush();
  }

  private flush(): void {
    const ops = this.ops;
    if (ops.length === 0) return;
    this.ops = [];
    const sink = this.sink;
    const wrap = ops.length > 1;
    if (wrap) sink.command(-1, MULTI);
    for (const op of ops) {
      if (op.argv !== null) sink.command(op.db, op.argv);
      else sink.commandArgs(op.db, op.args!);
    }
    if (wrap) sink.command(-1, EXEC);
    sink.flushed();
  }
}
