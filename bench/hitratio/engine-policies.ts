/**
 * The engine's own eviction policies as hit-ratio subjects: each replay runs
 * an embedded Cache whose maxMemory holds `capacity` entries of the replay's
 * fixed shape (8-byte key, 16-byte value), on a FakeClock that advances 1 ms
 * per request, so the policies' 1-second clocks see 1000 requests a second.
 */
import { Cache, type CachePolicy } from '../../src/embedded/cache.js';
import { FakeClock } from '../../src/engine/clock.js';
import { itemSize } from '../../src/engine/arena/item.js';
import { chunkSizeFor } from '../../src/engine/arena/slab.js';
import { KeyIndex } from '../../src/engine/index/key-index.js';
import type { PolicyUnderTest, ReplayCache } from './run.js';

const KEY_BYTES = 8;
const VALUE = Buffer.alloc(16, 0x76);
export const ENGINE_POLICIES: readonly CachePolicy[] = ['allkeys-lru', 'allkeys-lfu', 'allkeys-random', 'allkeys-fifo', 'allkeys-adaptive'];

/** Bytes the engine accounts for `n` entries of the replay's shape (chunks plus key table). */
function memoryFor(n: number): number {
  return n * chunkSizeFor(itemSize(KEY_BYTES, VALUE.length, false)) + KeyIndex.bytesFor(n);
}

class EngineReplay implements ReplayCache {
  private readonly clock = new FakeClock(1_700_000_000_000);
  private readonly cache: Cache;
  private readonly key = Buffer.alloc(KEY_BYTES);

  constructor(policy: CachePolicy, capacity: number) {
    this.cache = new Cache({ maxMemory: memoryFor(capacity), policy, clock: this.clock });
  }

  access(id: number): boolean {
    this.clock.advance(1);
    this.key.writeUInt32LE(id, 0);
    if (this.cache.get(this.key) !== undefined) return true;
    this.cache.set(this.key, VALUE);
    return false;
  }
}

export function enginePolicies(names: readonly CachePolicy[] = ENGINE_POLICIES): PolicyUnderTest[] {
  return names.map((name) => ({ name, create: (capacity: number) => new EngineReplay(name, capacity) }));
}
