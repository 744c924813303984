/**
 * The hook WATCH needs from the keyspace: every write to a key goes through
 * Database (./keyspace.ts), which calls a KeyWatcher for databases whose
 * watchedKeys count is non-zero. The registry itself is the server's
 * (src/server/multi.ts); the engine only knows this interface.
 */
import type { Database } from './keyspace.js';
import type { KeyType } from './status.js';

export interface KeyWatcher {
  /** `key` of `db` was written, or removed when `removed` (deleted, expired or evicted). */
  touched(db: Database, key: string, removed: boolean): void;
  /** Every key of `db` is about to be removed (FLUSHDB, FLUSHALL). */
  clearing(db: Database): void;
  /** Databases `a` and `b` exchanged contents (SWAPDB); watchedKeys already follow the index. */
  swapped(a: number, b: number): void;
}

/**
 * The hook keyspace notifications need from the keyspace: keys created, keys
 * removed because their TTL passed (lazily, by a walk or by the active
 * cycle), and read lookups that found nothing. Called with the key's handle,
 * before an expired key goes; a missed key as the bytes looked up.
 */
export interface KeyEvents {
  created(db: Database, pos: number): void;
  expired(db: Database, pos: number): void;
  missed(db: Database, buf: Uint8Array, start: number, end: number): void;
}

/**
 * The hook blocking commands need: a key written with a list or sorted set
 * value may serve a client blocked on it (Redis's signalKeyAsReady). Called
 * for every write of any type to databases whose blockedKeys count is non-zero.
 */
export interface ReadySignal {
  /** `key` of `db` was created or overwritten with a value of `type`. */
  written(db: Database, type: KeyType, key: string): void;
  /** Databases `a` and `b` exchanged contents (SWAPDB); blockedKeys already follow the index. */
  swapped(a: number, b: number): void;
}
