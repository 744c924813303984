/**
 * Builds the engine's tier from the tier-* configs and keeps the mutable
 * ones applied: where the segments go, the codec, the budgets (the
 * compressed-RAM budget and the in-flight bound follow maxmemory).
 */
import path from 'node:path';
import { Codec } from '../engine/tier/codec.js';
import { nodeSegmentDir } from '../engine/tier/files.js';
import { Tier, type TierOptions } from '../engine/tier/tier.js';
import type { Server } from './server.js';

const MIB = 1024 * 1024;
const CODECS: Record<string, Codec> = { none: Codec.NONE, lz4: Codec.LZ4, zstd: Codec.ZSTD };

/** The disk tier's directory: tier-disk-dir, or "tier" inside dir. */
export function tierDir(server: Server): string {
  const c = server.config;
  const fsPath = (p: string): string => Buffer.from(p, 'latin1').toString();
  const dir = fsPath(c.getString('dir'));
  const own = c.getString('tier-disk-dir');
  return own === '' ? path.join(dir, 'tier') : path.resolve(dir, fsPath(own));
}

/** The tier for a server started with `tiering yes`. */
export function createTier(server: Server): Tier {
  const c = server.config;
  const diskMax = c.getNumber('tier-disk-max');
  const options: TierOptions = {
    codec: CODECS[c.getString('tier-compression')] ?? Codec.LZ4,
    minSize: 0,
    ramMax: 0,
    pendingMax: 0,
    diskMax,
    // Eight segments per budget, so FIFO eviction drops an eighth at a time; 256 MiB unbounded.
    segmentBytes: diskMax > 0 ? Math.min(256 * MIB, Math.max(MIB, Math.floor(diskMax / 8))) : 256 * MIB,
  };
  const apply = (): void => {
    const max = c.getNumber('maxmemory');
    options.minSize = Math.max(1, c.getNumber('tier-min-size'));
    const ram = c.getNumber('tier-ram-compressed-max');
    options.ramMax = ram > 0 ? ram : Math.floor(max / 4);
    // Values being compressed or written may exceed maxmemory by this much before writes are refused.
    options.pendingMax = Math.max(64 * MIB, Math.floor(max / 2));
  };
  apply();
  for (const name of ['maxmemory', 'tier-min-size', 'tier-ram-compressed-max']) c.onChange(name, apply);
  const tier = new Tier(options, nodeSegmentDir(tierDir(server)), () => server.engine.dbs, server.engine.clock);
  tier.warn = (msg, err) => server.log.warn({ err }, msg);
  return tier;
}
