/**
 * Wires notify-keyspace-events to the server: caches the flags the command
 * layer tests (src/commands/notify.ts), and installs the engine's hooks for
 * the events it originates (expired, evicted, new, keymiss) only while a class that
 * needs them is on, so the engine pays one null test otherwise. The same
 * hooks tell the AOF of keys removed by expiry or eviction (keyRemovals).
 */
import { N, publishKeyspaceEvent } from '../commands/notify.js';
import type { Engine } from '../engine/engine.js';
import type { Database } from '../engine/keyspace.js';
import type { KeyEvents } from '../engine/watch.js';
import type { Config } from '../config/config.js';
import type { PubSubRegistry } from './pubsub.js';

/** What this needs from the server. */
export interface KeyspaceEventsHost {
  keyspaceEvents: number;
  readonly config: Config;
  readonly engine: Engine;
  readonly pubsubRegistry: PubSubRegistry;
  /** Told of each key expired or evicted, before it goes (the AOF writes a DEL); null when nothing records them. */
  readonly keyRemovals: ((db: Database, pos: number) => void) | null;
}

/** Applies the current notify-keyspace-events now and after each change; returns the function that re-applies it (keyRemovals changed). */
export function bindKeyspaceEvents(host: KeyspaceEventsHost): () => void {
  const { engine, pubsubRegistry: sink } = host;
  const emit = (db: Database, pos: number, event: string): void => {
    const key = db.keyBytes(pos);
    publishKeyspaceEvent(host.keyspaceEvents, sink, event, key, 0, key.length, engine.dbs.indexOf(db));
  };
  const hooks: KeyEvents = {
    created: (db, pos) => {
      if (host.keyspaceEvents & N.NEW) emit(db, pos, 'new');
    },
    expired: (db, pos) => {
      const rm = host.keyRemovals;
      if (rm !== null) rm(db, pos);
      if (host.keyspaceEvents & N.EXPIRED) emit(db, pos, 'expired');
    },
    missed: (db, buf, start, end) => {
      if (host.keyspaceEvents & N.KEY_MISS) publishKeyspaceEvent(host.keyspaceEvents, sink, 'keymiss', buf, start, end, engine.dbs.indexOf(db));
    },
  };
  const onEvict = (db: Database, pos: number): void => {
    const rm = host.keyRemovals;
    if (rm !== null) rm(db, pos);
    if (host.keyspaceEvents & N.EVICTED) emit(db, pos, 'evicted');
  };
  const apply = (): void => {
    const flags = host.config.getNumber('notify-keyspace-events');
    // Without K or E nothing is published, whatever the classes.
    host.keyspaceEvents = flags & (N.KEYSPACE | N.KEYEVENT) ? flags : 0;
    const f = host.keyspaceEvents;
    const removals = host.keyRemovals !== null;
    engine.setKeyEvents(f & (N.NEW | N.EXPIRED | N.KEY_MISS) || removals ? hooks : null);
    if (f & N.EVICTED || removals) engine.onEvict = onEvict;
    else if (engine.onEvict === onEvict) engine.onEvict = null;
  };
  apply();
  host.config.onChange('notify-keyspace-events', apply);
  return apply;
}
