/**
 * The disk tier's record: self-describing, so a segment alone rebuilds the
 * index. Two fields change in place after the write (flags, expire) and are
 * outside the header checksum; everything else is immutable.
 *
 *   0  magic   u32 'NTR1'          24 crc of value (zlib CRC-32, u32)
 *   4  version u8  (1)             28 header crc: bytes 0-27 + key (u32)
 *   5  codec   u8  (0 none, 1 lz4, 2 zstd)
 *   6  db      u16                 32 flags u8 (bit 0: dead)  33-39 zero
 *   8  klen    u32                 40 expire f64 (ms, 0 = none)
 *  12  stored  u32 (value bytes)   48 key, then the stored value
 *  16  size    u32 (raw length)
 *  20  seq     u32 (per store, increasing: the later record of a key wins)
 */
import { crc32 } from 'node:zlib';
import { setImmediate as turn } from 'node:timers/promises';
import { crcOffThread } from './crc-thread.js';

export const MAGIC = 0x3152544e; // 'NTR1' little-endian
export const VERSION = 1;
export const HEADER = 48;
export const FLAGS_AT = 32;
export const EXPIRE_AT = 40;
export const FLAG_DEAD = 1;

/** A record's fields (what the index needs, without the value). */
export interface RecordHead {
  codec: number;
  db: number;
  klen: number;
  stored: number;
  size: number;
  seq: number;
  valueCrc: number;
  flags: number;
  expire: number;
}

/** Builds the header and key of a record (value CRC given). */
export function encodeHead(h: RecordHead, key: Uint8Array): Buffer {
  const b = Buffer.alloc(HEADER + key.length);
  b.writeUInt32LE(MAGIC, 0);
  b[4] = VERSION;
  b[5] = h.codec;
  b.writeUInt16LE(h.db, 6);
  b.writeUInt32LE(key.length, 8);
  b.writeUInt32LE(h.stored, 12);
  b.writeUInt32LE(h.size, 16);
  b.writeUInt32LE(h.seq >>> 0, 20);
  b.writeUInt32LE(h.valueCrc >>> 0, 24);
  b.set(key, HEADER);
  b.writeUInt32LE(headCrc(b, key.length), 28);
  b[FLAGS_AT] = h.flags;
  b.writeDoubleLE(h.expire, EXPIRE_AT);
  return b;
}

function headCrc(b: Buffer, klen: number): number {
  return crc32(b.subarray(HEADER, HEADER + klen), crc32(b.subarray(0, 28)));
}

/**
 * Parses a header whose first HEADER bytes are in `b`; null when it is not a
 * valid record start (torn or foreign bytes). The key must follow in `b` for
 * the checksum: `b` holds HEADER + klen bytes, or the call returns -1 asking
 * for that many (see needKey).
 */
export function decodeHead(b: Buffer): RecordHead | null {
  if (b.length < HEADER || b.readUInt32LE(0) !== MAGIC || b[4] !== VERSION || b[5]! > 2) return null;
  const klen = b.readUInt32LE(8);
  if (b.length < HEADER + klen) return null;
  if (headCrc(b, klen) !== b.readUInt32LE(28)) return null;
  return {
    codec: b[5]!,
    db: b.readUInt16LE(6),
    klen,
    stored: b.readUInt32LE(12),
    size: b.readUInt32LE(16),
    seq: b.readUInt32LE(20),
    valueCrc: b.readUInt32LE(24),
    flags: b[FLAGS_AT]!,
    expire: b.readDoubleLE(EXPIRE_AT),
  };
}

/** Key length announced by a header, before its checksum can be verified (0 when not a header). */
export function announcedKeyLength(b: Buffer): number {
  return b.length >= HEADER && b.readUInt32LE(0) === MAGIC ? b.readUInt32LE(8) : 0;
}

/** CRC slice per turn: 2 MiB is about 0.3 ms, so a 32 MiB value never holds the loop for long (one call: 5 ms). */
const CRC_SLICE = 2 << 20;

/** From this size a value in shared memory is checksummed on the CRC thread (a message each way costs ~0.1 ms). */
const OFF_THREAD_MIN = 1 << 20;

/** zlib CRC-32 of `v`: on the CRC thread when it is big and shared, else here a slice per event-loop turn. */
export async function crcOf(v: Uint8Array): Promise<number> {
  if (v.length >= OFF_THREAD_MIN) {
    const p = crcOffThread(v);
    if (p !== null) {
      try {
        return await p;
      } catch {
        // The thread died (out of memory?): the checksum is computed here.
      }
    }
  }
  let c = 0;
  for (let at = 0; at < v.length; at += CRC_SLICE) {
    if (at > 0) await turn();
    c = crc32(v.subarray(at, Math.min(v.length, at + CRC_SLICE)), c);
  }
  return c >>> 0;
}
