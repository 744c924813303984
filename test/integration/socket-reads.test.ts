// Both ways a connection reads: into the parser-chosen memory (the default)
// and through 'data' events (NENCACHE_DIRECT_READS=0). The shared read
// buffer must never leak into a reply, a stored value or a held input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startServer } from '../helpers/server.js';
import { RawClient, encodeCommand } from '../helpers/resp-client.js';

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

for (const direct of [true, false]) {
  test(`pipelines, a blocked client's held input and a 3 MiB value split across writes come through intact (direct reads ${direct ? 'on' : 'off'})`, async () => {
    const saved = process.env.NENCACHE_DIRECT_READS;
    process.env.NENCACHE_DIRECT_READS = direct ? '1' : '0';
    const s = await startServer();
    if (saved === undefined) delete process.env.NENCACHE_DIRECT_READS;
    else process.env.NENCACHE_DIRECT_READS = saved;
    assert.equal(s.server.directReads, direct);
    const a = await RawClient.connect(s.port);
    const b = await RawClient.connect(s.port);
    try {
      // Many small commands per read, on two connections at once.
      const cmds = Array.from({ length: 2000 }, (_, i) => ['SET', `k${i}`, `v${i}-${'x'.repeat(i % 50)}`]);
      a.write(Buffer.concat(cmds.slice(0, 1000).map((c) => encodeCommand(c))));
      b.write(Buffer.concat(cmds.slice(1000).map((c) => encodeCommand(c))));
      for (let i = 0; i < 1000; i++) {
        assert.equal(await a.read(), 'OK');
        assert.equal(await b.read(), 'OK');
      }
      // b blocks; its pipelined commands wait while a's reads go through the shared buffer.
      b.write(Buffer.concat([encodeCommand(['BLPOP', 'q', '0']), encodeCommand(['GET', 'k1500']), encodeCommand(['GET', 'k7'])]));
      await new Promise((r) => setTimeout(r, 20));
      for (let i = 0; i < 20; i++) assert.equal(String(await a.call('GET', `k${i}`)), `v${i}-${'x'.repeat(i % 50)}`);
      assert.equal(await a.call('RPUSH', 'q', 'item'), 1);
      assert.deepEqual((await b.read() as Buffer[]).map(String), ['q', 'item']);
      assert.equal(String(await b.read()), `v1500-${'x'.repeat(1500 % 50)}`);
      assert.equal(String(await b.read()), `v7-${'x'.repeat(7)}`);
      // A big value in odd-sized pieces, then a small command in the same write as its tail.
      const big = Buffer.allocUnsafe(3 * 1024 * 1024 + 7);
      for (let i = 0; i < big.length; i++) big[i] = (i * 131 + 7) & 255;
      const frame = Buffer.concat([encodeCommand(['SET', 'big', big]), encodeCommand(['GET', 'k3'])]);
      for (let at = 0; at < frame.length; ) {
        const n = Math.min(frame.length - at, 1 + ((at * 7919) % 200_000));
        a.write(frame.subarray(at, at + n));
        at += n;
      }
      assert.equal(await a.read(), 'OK');
      assert.equal(String(await a.read()), `v3-${'x'.repeat(3)}`);
      assert.equal(sha((await a.call('GET', 'big')) as Buffer), sha(big));
      for (let i = 0; i < 2000; i += 97) assert.equal(String(await b.call('GET', `k${i}`)), `v${i}-${'x'.repeat(i % 50)}`);
    } finally {
      a.close();
      b.close();
      await s.stop();
    }
  });
}
