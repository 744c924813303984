/**
 * Compression of tiered values without stalling the event loop: LZ4 runs on
 * the libuv pool (lz4-napi's async API); zstd-napi has only synchronous
 * calls, so a value is cut into 1 MiB frames compressed one per turn (a few
 * ms each) and concatenated; decompression walks the same frames.
 */
import { compress as lz4Compress, compressSync as lz4CompressSync, uncompress as lz4Uncompress, uncompressSync as lz4UncompressSync } from 'lz4-napi';
import { Compressor, Decompressor } from 'zstd-napi';
import { setImmediate as turn } from 'node:timers/promises';

export const enum Codec {
  NONE = 0,
  LZ4 = 1,
  ZSTD = 2,
}

/** tier-compression names by codec. */
export const CODEC_NAMES = ['none', 'lz4', 'zstd'] as const;

/** Raw bytes per zstd frame: ~1-3 ms of one core at level 3. */
const ZSTD_FRAME = 1 << 20;
let zc: Compressor | null = null;
let zd: Decompressor | null = null;
const zstdC = (): Compressor => (zc ??= new Compressor());
const zstdD = (): Decompressor => (zd ??= new Decompressor());

/**
 * Whether compressing is worth it: the first 64 KiB compressed with LZ4
 * (about 0.1 ms) must shrink by 10 %. Tensors and random bytes do not, and
 * then the value goes to disk as is instead of burning a pool thread.
 */
export function worthCompressing(v: Buffer): boolean {
  const sample = v.subarray(0, Math.min(v.length, 64 * 1024));
  return lz4CompressSync(sample).length < sample.length * 0.9;
}

/*
 * zstd layout: u32 frame count, u32 compressed length of each frame, frames.
 * Every frame but the last holds ZSTD_FRAME raw bytes.
 */

/** Compresses without holding the loop for more than one frame. */
export async function compress(codec: Codec, v: Buffer): Promise<Buffer> {
  if (codec === Codec.LZ4) return lz4Compress(v);
  if (codec === Codec.NONE) return v;
  const n = Math.max(1, Math.ceil(v.length / ZSTD_FRAME));
  const frames: Buffer[] = [];
  const head = Buffer.allocUnsafe(4 + 4 * n);
  head.writeUInt32LE(n, 0);
  for (let i = 0; i < n; i++) {
    if (i > 0) await turn();
    const f = zstdC().compress(v.subarray(i * ZSTD_FRAME, Math.min(v.length, (i + 1) * ZSTD_FRAME)));
    head.writeUInt32LE(f.length, 4 + 4 * i);
    frames.push(f);
  }
  return Buffer.concat([head, ...frames]);
}

/** Decompresses into a buffer of `size` bytes, yielding between zstd frames. */
export async function decompress(codec: Codec, c: Buffer, size: number): Promise<Buffer> {
  if (codec === Codec.NONE) return c;
  if (codec === Codec.LZ4) return checked(await lz4Uncompress(c), size);
  return zstdFrames(c, size, true) as Promise<Buffer>;
}

/** The blocking form, for the rare reader that did not wait for a load. */
export function decompressSync(codec: Codec, c: Buffer, size: number): Buffer {
  if (codec === Codec.NONE) return c;
  if (codec === Codec.LZ4) return checked(lz4UncompressSync(c), size);
  return zstdFrames(c, size, false) as Buffer;
}

function zstdFrames(c: Buffer, size: number, yielding: boolean): Buffer | Promise<Buffer> {
  const n = c.readUInt32LE(0);
  const out = Buffer.allocUnsafeSlow(size);
  let at = 4 + 4 * n;
  let i = 0;
  let w = 0;
  const step = (): void => {
    const len = c.readUInt32LE(4 + 4 * i);
    const part = zstdD().decompress(c.subarray(at, at + len));
    part.copy(out, w);
    w += part.length;
    at += len;
    i++;
  };
  if (!yielding) {
    while (i < n) step();
    return checked(out.subarray(0, w), size);
  }
  return (async () => {
    while (i < n) {
      if (i > 0) await turn();
      step();
    }
    return checked(out.subarray(0, w), size);
  })();
}

function checked(v: Buffer, size: number): Buffer {
  if (v.length !== size) throw new Error(`tier: decompressed ${v.length} bytes, expected ${size}`);
  return v;
}
