/**
 * Holds a command whose keys are tiered until their values are back in RAM:
 * the client waits like a blocked client (its pipelined input held, other
 * clients served), the loads run on the libuv pool, then the command is
 * dispatched again. Commands that do not read values (EXISTS, TTL, DEL...)
 * never wait; commands whose keys the table cannot locate fall back to the
 * keyspace's blocking load. A write refused while demotions are backlogged
 * waits the same way for the disk to catch up.
 */
import type { Args } from '../commands/args.js';
import type { CommandEntry } from '../commands/table.js';
import type { Tier } from '../engine/tier/tier.js';
import type { Connection } from './connection.js';
import type { Server } from './server.js';

/** Commands that look at keys but not at their values: they must not bring values back. */
const METADATA_ONLY = new Set([
  'exists', 'type', 'ttl', 'pttl', 'expiretime', 'pexpiretime', 'del', 'unlink', 'expire', 'pexpire', 'expireat', 'pexpireat',
  'persist', 'touch', 'object', 'memory', 'dbsize', 'scan', 'keys', 'randomkey', 'mset', 'msetnx', 'psetex', 'setex',
]);

/** Set while a held command runs again, so it is not held twice (a value demoted meanwhile is loaded synchronously). */
let rerunning = false;

/** Whether the command (top-level name) reads the values of its keys. */
function readsValues(entry: CommandEntry, args: Args): boolean {
  const name = (entry.parent ?? entry).spec.name;
  if (METADATA_ONLY.has(name)) return false;
  if (name === 'set') {
    // SET overwrites; only SET ... GET returns the old value.
    for (let i = 3; i < args.count; i++) if (args.len(i) === 3 && args.str(i).toLowerCase() === 'get') return true;
    return false;
  }
  return true;
}

/**
 * Dispatch's hook, reached only with tiering on: true when the command was
 * held (it runs later, from here).
 */
export function holdForTier(server: Server, conn: Connection, entry: CommandEntry, args: Args): boolean {
  const tier = server.engine.tier as Tier;
  if (tier.refs === 0 || rerunning) return false;
  const spec = entry.spec;
  const db = conn.db;
  let loads: Promise<void>[] | null = null;
  if (spec.tierKeys !== undefined) {
    // Derived keys (KV.GET): the command names them itself.
    for (const k of spec.tierKeys(conn, args) ?? []) {
      const p = tier.loadKey(db, k, 0, k.length);
      if (p !== null) (loads ??= []).push(p);
    }
  } else {
    const first = spec.firstKey ?? 0;
    if (first <= 0 || first >= args.count || !readsValues(entry, args)) return false;
    const last = (spec.lastKey ?? first) < 0 ? args.count + spec.lastKey! : Math.min(spec.lastKey ?? first, args.count - 1);
    const step = Math.max(1, spec.keyStep ?? 1);
    for (let i = first; i <= last; i += step) {
      const p = tier.loadKey(db, args.buf, args.start(i), args.end(i));
      if (p !== null) (loads ??= []).push(p);
    }
  }
  if (loads === null) return false;
  holdUntil(server, conn, args, Promise.all(loads));
  return true;
}

/**
 * Dispatch's hook for a write refused only because demotions in flight are
 * over their bound: the client waits for the disk to catch up instead of
 * getting -OOM, then the command runs again (and may wait again).
 */
export function holdForDrain(server: Server, conn: Connection, args: Args): boolean {
  const tier = server.engine.tier;
  if (tier === null || !tier.backlogged) return false;
  holdUntil(server, conn, args, tier.whenDrained());
  return true;
}

/** Holds the client like a blocked one until `wait` settles, then runs its command again. */
function holdUntil(server: Server, conn: Connection, args: Args, wait: Promise<unknown>): void {
  const resume = server.blocking.holdCommand(conn, args);
  void wait.then(() =>
    resume((run) => {
      rerunning = true;
      try {
        run();
      } finally {
        rerunning = false;
      }
    }),
  );
}
