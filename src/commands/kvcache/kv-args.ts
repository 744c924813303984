/**
 * Shared by the KV.* commands: the sequence arguments (model, token ids as a
 * blob of little-endian uint32), the tensor metadata (dtype, shape) and the
 * options, parsed into reused objects; errors are returned as text, the
 * handler replies once. Token ids travel as one blob, not one argument per
 * id: a 4,096-token prompt is one 16 KiB bulk instead of 4,096 bulk headers to
 * parse, and the blob is hashed as it lies in the connection's buffer.
 */
import type { Args } from '../args.js';
import type { KeySpec } from '../define.js';
import { SYNTAX } from '../errors.js';
import { ChunkKeys, DEFAULT_CHUNK_SIZE, MAX_CHUNK_SIZE } from '../../kvcache/prefix-hash.js';
import { isHalf, parseDType } from '../../kvcache/dtype.js';
import { Quant, parseQuant } from '../../kvcache/quantize.js';
import { parseShape, type TensorMeta } from '../../kvcache/record.js';

/** Options of the KV.* commands, reset by each parse. */
export interface KvOptions {
  chunkSize: number;
  /** First chunk index the command acts on (START). */
  start: number;
  /** Most chunks GET returns (COUNT); Infinity when not given. */
  count: number;
  quant: Quant;
  /** Argument index of PX's value, or -1. */
  pxArg: number;
  /** Argument index of the first chunk after CHUNKS (PUT), or -1. */
  chunksArg: number;
}

/** Option keywords a command accepts. */
export const enum Opt {
  CHUNKSIZE = 1,
  START = 2,
  COUNT = 4,
  QUANT = 8,
  PX = 16,
  CHUNKS = 32,
}

/** The one ChunkKeys the server's commands share (commands run one at a time). */
export const sharedKeys = new ChunkKeys();
export const opts: KvOptions = { chunkSize: DEFAULT_CHUNK_SIZE, start: 0, count: Infinity, quant: Quant.NONE, pxArg: -1, chunksArg: -1 };

export const BAD_TOKENS = 'ERR token ids must be a blob of little-endian uint32 values (a length that is a multiple of 4)';
export const BAD_MODEL = 'ERR model name must be 1 to 65535 bytes';

function nonNegative(args: Args, i: number, min: number, max: number): number {
  const v = args.int(i);
  return v === null || v < min || v > max ? -1 : v;
}

/** Parses options in args[from..]; stops after CHUNKS. Returns null or an error text. */
export function parseOptions(args: Args, from: number, allowed: number): string | null {
  opts.chunkSize = DEFAULT_CHUNK_SIZE;
  opts.start = 0;
  opts.count = Infinity;
  opts.quant = Quant.NONE;
  opts.pxArg = -1;
  opts.chunksArg = -1;
  for (let i = from; i < args.count; i++) {
    const hasNext = i + 1 < args.count;
    if (allowed & Opt.CHUNKS && args.is(i, 'chunks')) {
      if (!hasNext) return SYNTAX;
      opts.chunksArg = i + 1;
      return null;
    }
    if (!hasNext) return SYNTAX;
    if (allowed & Opt.CHUNKSIZE && args.is(i, 'chunksize')) {
      opts.chunkSize = nonNegative(args, ++i, 1, MAX_CHUNK_SIZE);
      if (opts.chunkSize < 0) return `ERR CHUNKSIZE must be an integer from 1 to ${MAX_CHUNK_SIZE}`;
    } else if (allowed & Opt.START && args.is(i, 'start')) {
      opts.start = nonNegative(args, ++i, 0, 0xffffffff);
      if (opts.start < 0) return 'ERR START must be a chunk index >= 0';
    } else if (allowed & Opt.COUNT && args.is(i, 'count')) {
      opts.count = nonNegative(args, ++i, 1, 0xffffffff);
      if (opts.count < 0) return 'ERR COUNT must be a positive integer';
    } else if (allowed & Opt.QUANT && args.is(i, 'quant')) {
      const q = parseQuant(args.str(++i));
      if (q < 0) return `ERR unknown quantization '${args.str(i).slice(0, 128)}' (none, int8-block, int8-channel)`;
      opts.quant = q as Quant;
    } else if (allowed & Opt.PX && args.is(i, 'px')) {
      opts.pxArg = ++i;
    } else {
      return SYNTAX;
    }
  }
  return allowed & Opt.CHUNKS ? SYNTAX : null;
}

/** Points sharedKeys at the sequence in args[modelArg], args[tokensArg] with opts.chunkSize; null or an error text. */
export function parseSequence(args: Args, modelArg: number, tokensArg: number): string | null {
  const mlen = args.len(modelArg);
  if (mlen < 1 || mlen > 65535) return BAD_MODEL;
  if ((args.len(tokensArg) & 3) !== 0) return BAD_TOKENS;
  sharedKeys.reset(args.copy(modelArg), opts.chunkSize, args.buf, args.start(tokensArg), args.end(tokensArg));
  return null;
}

/** Parses dtype and shape arguments; a TensorMeta or an error text. */
export function parseMeta(args: Args, dtypeArg: number, shapeArg: number): TensorMeta | string {
  const dtype = parseDType(args.str(dtypeArg));
  if (dtype === 0) return `ERR unknown dtype '${args.str(dtypeArg).slice(0, 128)}'`;
  const shape = parseShape(args.str(shapeArg));
  if (shape === null) {
    return `ERR invalid shape '${args.str(shapeArg).slice(0, 128)}': 1 to 8 comma-separated positive integers, at most one '*' for the token axis`;
  }
  return { dtype, shape };
}

/** Whether opts.quant can apply to `meta`; null or an error text. */
export function checkQuant(meta: TensorMeta): string | null {
  if (opts.quant === Quant.NONE) return null;
  if (!isHalf(meta.dtype)) return 'ERR quantization needs a float16 or bfloat16 tensor';
  if (opts.quant === Quant.INT8_CHANNEL && meta.shape.tokenAxis < 0) return "ERR int8-channel quantization needs a token axis ('*') in the shape";
  return null;
}

const DERIVED = 'keys kv:{<chunk hash>}:<model> are derived from the model, CHUNKSIZE and token ids, not named in the arguments';

/** The key spec of a command whose keys are derived (COMMAND INFO: unknown begin_search and find_keys, as a module's getkeys-api command). */
export function derivedKeySpec(flags: readonly string[]): KeySpec {
  return { flags, beginSearch: { type: 'unknown' }, findKeys: { type: 'unknown' }, notes: DERIVED };
}
