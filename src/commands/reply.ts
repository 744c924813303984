/**
 * The Reply sink: how a command answers, independent of the wire. The RESP
 * writer implements it for RESP2 and RESP3 (shaping maps, sets, doubles and
 * nulls per version in one place); tests can implement it to record replies.
 */

export interface Reply {
  /** Protocol version the client negotiated (HELLO); commands rarely need it. */
  readonly resp: 2 | 3;
  /** `+OK` */
  ok(): void;
  /** A status reply: `+text`. */
  simple(text: string): void;
  /** An error reply; `text` starts with its code, e.g. "ERR syntax error". */
  error(text: string): void;
  /** An integer reply. */
  int(n: number): void;
  /** An integer reply beyond 2^53. */
  bigint(n: bigint): void;
  /** A bulk string from bytes. */
  bulk(bytes: Uint8Array, start?: number, end?: number): void;
  /** A bulk string from text; each char is one byte (latin1), which is how keys travel inside the engine. */
  bulkStr(text: string): void;
  /** A bulk string holding the decimal digits of an integer. */
  bulkInt(n: number | bigint): void;
  /** The null bulk string (RESP2 `$-1`, RESP3 `_`). */
  nil(): void;
  /** The null array (RESP2 `*-1`, RESP3 `_`). */
  nilArray(): void;
  /** Header of an array of `n` elements. */
  array(n: number): void;
  /** Header of a map of `n` pairs (RESP2: an array of 2n). */
  map(n: number): void;
  /** Header of a set (RESP2: an array). */
  set(n: number): void;
  /** Header of a push message (RESP2: an array). */
  push(n: number): void;
  /** A double (RESP3 `,`; RESP2 a bulk string formatted as Redis does). */
  double(d: number): void;
  /** A boolean (RESP3 `#t`/`#f`; RESP2 `:1`/`:0`). */
  bool(b: boolean): void;
  /** Verbatim text (RESP3 `=`; RESP2 a bulk string). */
  verbatim(text: string, format?: string): void;
  /** Starts an array whose length is known only at the end; returns a token for endArray. */
  beginArray(): number;
  /** Completes an array started with beginArray. */
  endArray(token: number, n: number): void;
}
