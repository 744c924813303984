/**
 * The KV-chunk commands over the tiers: chunks demoted under maxmemory still
 * count in KV.LOOKUP (which starts loading them), and KV.GET waits for its
 * tiered chunks to come back instead of cutting the run short.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../helpers/server.js';
import { RawClient } from '../helpers/resp-client.js';

const CHUNK_TOKENS = 64;
/** float16 [2, 32, 64, 128]: 1 MiB per chunk. */
const SHAPE = '2,32,*,128';
const CHUNKS = 16;

function tokens(n: number): Buffer {
  const b = Buffer.alloc(4 * n);
  for (let i = 0; i < n; i++) b.writeUInt32LE(1000 + i, 4 * i);
  return b;
}

/** A chunk that does not compress, told apart by its seed. */
function chunk(seed: number): Buffer {
  const b = Buffer.allocUnsafe(2 * 32 * CHUNK_TOKENS * 128 * 2);
  let x = seed * 2654435761 + 7;
  for (let i = 0; i < b.length; i += 4) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    b.writeUInt32LE(x, i);
  }
  return b;
}

async function tierInfo(c: RawClient): Promise<Record<string, string>> {
  const text = String(await c.call('INFO', 'tiering'));
  return Object.fromEntries(text.split('\r\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1)]));
}

test('chunks demoted to the tiers count in KV.LOOKUP, and KV.GET waits for them and returns every byte', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kv-tier-'));
  const s = await startServer(['--dir', dir, '--tiering', 'yes', '--maxmemory', '8mb', '--maxmemory-policy', 'allkeys-lru']);
  const c = await RawClient.connect(s.port);
  try {
    const t = tokens(CHUNKS * CHUNK_TOKENS);
    const data = Array.from({ length: CHUNKS }, (_, i) => chunk(i));
    for (let i = 0; i < CHUNKS; i++) {
      assert.equal(await c.call('KV.PUT', 'model', t, 'fp16', SHAPE, 'CHUNKSIZE', String(CHUNK_TOKENS), 'START', String(i), 'CHUNKS', data[i]!), 1);
    }
    let info = await tierInfo(c);
    while (info.tier_inflight_bytes !== '0') {
      await new Promise((r) => setTimeout(r, 5));
      info = await tierInfo(c);
    }
    assert.ok(Number(info.tier_demotions) >= CHUNKS / 2, `chunks were demoted (${info.tier_demotions})`);
    assert.equal(await c.call('KV.LOOKUP', 'model', t, 'CHUNKSIZE', String(CHUNK_TOKENS)), CHUNKS * CHUNK_TOKENS);
    for (const start of [0, 6, 12]) {
      const got = (await c.call('KV.GET', 'model', t, 'fp16', SHAPE, 'CHUNKSIZE', String(CHUNK_TOKENS), 'START', String(start), 'COUNT', '4')) as Buffer[];
      assert.equal(got.length, 4, `KV.GET START ${start} returned every chunk asked for`);
      got.forEach((b, j) => assert.ok(b.equals(data[start + j]!), `chunk ${start + j} is byte for byte`));
    }
    assert.ok(Number((await tierInfo(c)).tier_promotions) > 0);
  } finally {
    c.close();
    await s.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
