import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Snapshot, type SnapshotSink } from '../../src/engine/snapshot.js';
import type { Database } from '../../src/engine/keyspace.js';
import { Encoding, KeyType } from '../../src/engine/status.js';
import { Engine as EngineClass } from '../../src/engine/engine.js';
import { createDumpPayload } from '../../src/persistence/rdb/dump-payload.js';
import { startServer } from '../helpers/server.js';
import { RawClient } from '../helpers/resp-client.js';
import { Rng, type Cmd } from '../diff/harness.js';
import { capture, randomWrite, runBatch, stateOf, zsets } from '../helpers/snapshot-state.js';

class Recorder implements SnapshotSink {
  readonly seen = new Map<string, string>();
  duplicates: string[] = [];
  constructor(private readonly skip = false) {}
  key(dbIndex: number, db: Database, pos: number): void {
    const name = `${dbIndex}:${db.keyName(pos)}`;
    if (this.seen.has(name)) this.duplicates.push(name);
    this.seen.set(name, stateOf(db, pos));
  }
  skipFlushed(): boolean {
    return this.skip;
  }
}

for (const [seed, skipFlushed] of [[20261123, false], [7, false], [99, true]] as const) {
  test(`a snapshot taken under random writes of every type holds each key exactly as it was when it began (seed ${seed}${skipFlushed ? ', flushes skipped' : ''})`, async () => {
    const s = await startServer(['--enable-debug-command', 'yes']);
    const c = await RawClient.connect(s.port);
    try {
      const r = new Rng(seed);
      await runBatch(c, zsets.SETUP);
      for (let i = 0; i < 300; i++) {
        const batch: Cmd[] = [];
        for (let j = 0; j < 10; j++) batch.push(...randomWrite(r));
        await runBatch(c, batch);
      }
      const engine = s.server.engine;
      const before = capture(engine);
      assert.ok(before.size > 10, 'the fill made keys');
      const rec = new Recorder(skipFlushed);
      const snap = new Snapshot(engine.dbs, rec);
      let flushed = false;
      while (!snap.step(2)) {
        const batch: Cmd[] = [];
        for (let j = 0; j < 8; j++) {
          const w = randomWrite(r);
          if (w.some((x) => /^flush/i.test(String(x[0])))) flushed = true;
          batch.push(...w);
        }
        await runBatch(c, batch);
      }
      assert.deepEqual(rec.duplicates, []);
      if (skipFlushed && flushed) {
        // Keys of a flushed database may be dropped, never changed.
        for (const [k, v] of rec.seen) assert.equal(v, before.get(k), `key ${k}`);
      } else {
        assert.deepEqual(new Map([...rec.seen].sort()), new Map([...before].sort()));
      }
      assert.equal(snap.emitted, rec.seen.size);
      for (const db of engine.dbs) assert.equal(db.snap, null, 'every database is let go');
    } finally {
      c.close();
      await s.stop();
    }
  });
}

test('a key created during a snapshot is not in it, and a key deleted during it still is', () => {
  const engine = new EngineClass({ databases: 2 });
  const db = engine.dbs[0]!;
  for (let i = 0; i < 50; i++) db.put(`k${i}`, KeyType.STRING, Encoding.RAW, Buffer.from(`v${i}`));
  const rec = new Recorder();
  const snap = new Snapshot(engine.dbs, rec);
  db.put('new', KeyType.STRING, Encoding.RAW, Buffer.from('x'));
  db.delete('k7');
  db.put('k8', KeyType.STRING, Encoding.RAW, Buffer.from('changed'));
  engine.swap(0, 1);
  while (!snap.step(5));
  assert.equal(rec.seen.size, 50);
  assert.ok(!rec.seen.has('0:new'));
  assert.ok(rec.seen.has('0:k7'));
  assert.equal(rec.seen.get('0:k8'), `${createDumpPayload({ kind: 'string', value: Buffer.from('v8') }, false).toString('hex')}|0`);
  assert.equal(engine.dbs[1]!.snap, null);
});

test('a second snapshot cannot start while one runs, and abort lets the databases go', () => {
  const engine = new EngineClass({ databases: 1 });
  engine.dbs[0]!.put('a', KeyType.STRING, Encoding.RAW, Buffer.from('1'));
  const snap = new Snapshot(engine.dbs, new Recorder());
  assert.throws(() => new Snapshot(engine.dbs, new Recorder()), /already running/);
  snap.abort();
  assert.equal(engine.dbs[0]!.snap, null);
  assert.ok(snap.done);
});
