/**
 * Random command streams for the transactions differential test: MULTI,
 * EXEC, DISCARD, WATCH and UNWATCH interleaved with the strings/keys stream
 * (whose writes, FLUSHDB, SWAPDB, SELECT and past-expiry deletions touch the
 * watched keys), plus queue-time errors. Keeps a model of whether the
 * connection is in MULTI so each EXEC knows the commands it runs.
 */
import { defaultNormaliser, type Cmd, type Normaliser, type Rng } from './harness.js';
import { key, randomCommand } from './strings-keys.gen.js';

/** The commands queued before each EXEC, for normalising its array element by element. */
const queuedFor = new WeakMap<Cmd, Cmd[]>();

export class TransactionStream {
  private inMulti = false;
  private queue: Cmd[] = [];

  constructor(private readonly r: Rng) {}

  next(): Cmd {
    const r = this.r;
    const x = r.next();
    let cmd: Cmd;
    if (x < 0.07) cmd = ['MULTI'];
    else if (x < 0.13) cmd = ['EXEC'];
    else if (x < 0.15) cmd = ['DISCARD'];
    else if (x < 0.21) cmd = ['WATCH', key(r), ...(r.chance(0.3) ? [key(r)] : [])];
    else if (x < 0.23) cmd = ['UNWATCH'];
    else if (x < 0.25) cmd = r.pick([['FOO', key(r)], ['GET'], ['WATCH'], ['EXEC', 'x'], ['MULTI', 'x'], ['DISCARD', 'x'], ['CONFIG', 'NOPE'], ['UNWATCH', 'x']]);
    else cmd = randomCommand(r);
    this.track(cmd);
    return cmd;
  }

  /** Commands that end the stream outside MULTI, with nothing watched. */
  finish(): Cmd[] {
    return [['DISCARD'], ['UNWATCH']];
  }

  private track(cmd: Cmd): void {
    const name = String(cmd[0]).toUpperCase();
    const bare = cmd.length === 1;
    if (!this.inMulti) {
      if (name === 'MULTI' && bare) {
        this.inMulti = true;
        this.queue = [];
      }
      return;
    }
    if (name === 'EXEC') {
      if (bare) queuedFor.set(cmd, this.queue);
      this.inMulti = false;
    } else if (name === 'DISCARD') {
      if (bare) this.inMulti = false;
    } else if (name !== 'MULTI' && name !== 'WATCH') {
      this.queue.push(cmd);
    }
  }
}

/** Like the default normaliser, applied to each reply inside an EXEC array. */
export const transactionNormaliser: Normaliser = (cmd, reply) => {
  const queued = queuedFor.get(cmd);
  if (queued === undefined || !Array.isArray(reply)) return defaultNormaliser(cmd, reply);
  return reply.map((el, i) => {
    const q = queued[i] ?? ['?'];
    // Redis's queue holds a reference to the argument objects: a value SET from
    // them shows one more reference inside EXEC, an artefact of its object sharing.
    if (String(q[0]).toUpperCase() === 'OBJECT' && String(q[1]).toUpperCase() === 'REFCOUNT' && typeof el === 'number') return 'refcount';
    const n = defaultNormaliser(q, el);
    // Nested TTLs are compared as present, not by value (the clocks are read at different moments).
    return typeof n === 'object' && n !== null && 'near' in n ? 'ttl' : n;
  });
};
