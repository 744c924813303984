/**
 * Values the engine hands back instead of throwing. The command layer maps
 * them to Redis error text in one place (commands/errors.ts).
 */
export const enum KeyType {
  NONE = 0,
  STRING = 1,
  LIST = 2,
  SET = 3,
  ZSET = 4,
  HASH = 5,
  STREAM = 6,
}

/** Names as TYPE and SCAN TYPE spell them, indexed by KeyType. */
export const TYPE_NAMES = ['none', 'string', 'list', 'set', 'zset', 'hash', 'stream'] as const;

/** Internal encodings, named as OBJECT ENCODING reports them. */
export const enum Encoding {
  RAW = 0,
  INT = 1,
  EMBSTR = 2,
  LISTPACK = 3,
  QUICKLIST = 4,
  INTSET = 5,
  HASHTABLE = 6,
  SKIPLIST = 7,
}

export const ENCODING_NAMES = ['raw', 'int', 'embstr', 'listpack', 'quicklist', 'intset', 'hashtable', 'skiplist'] as const;

/** What a typed lookup returns when the key holds another type. */
export const WRONG_TYPE = -2;

/** A key handle that names no key. Handles are only valid until the next write to the database. */
export const NO_KEY = -1;
