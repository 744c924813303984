import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Snapshot, type SnapshotSink } from '../../src/engine/snapshot.js';
import type { Database } from '../../src/engine/keyspace.js';
import type { Engine } from '../../src/engine/engine.js';
import { Encoding, KeyType } from '../../src/engine/status.js';
import { Engine as EngineClass } from '../../src/engine/engine.js';
import { readKey } from '../../src/persistence/rdb/rdb-engine.js';
import { createDumpPayload } from '../../src/persistence/rdb/dump-payload.js';
import { startServer } from '../helpers/server.js';
import { RawClient, encodeCommand } from '../helpers/resp-client.js';
import { Rng, type Cmd } from '../diff/harness.js';
import * as strings from '../diff/strings-keys.gen.js';
import * as hashes from '../diff/hashes.gen.js';
import * as lists from '../diff/lists.gen.js';
import * as sets from '../diff/sets.gen.js';
import * as zsets from '../diff/zsets.gen.js';

/** A key's state as one comparable string: its DUMP payload and its expiry. */
function stateOf(db: Database, pos: number): string {
  const v = readKey(db, pos, -2);
  assert.ok(v !== null);
  return `${createDumpPayload(v, false).toString('hex')}|${db.expireAt(pos)}`;
}

/** db:key → state of every key, read now. */
function capture(engine: Engine): Map<string, string> {
  const out = new Map<string, string>();
  engine.dbs.forEach((db, i) => {
    let cursor = 0;
    do {
      cursor = db.scan(cursor, 100, (pos) => out.set(`${i}:${db.keyName(pos)}`, stateOf(db, pos)));
    } while (cursor !== 0);
  });
  return out;
}

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

const BLOCKING = /^(bl|br|bz)/i;

function randomWrite(r: Rng): Cmd[] {
  const pick = r.int(6);
  let cmds: Cmd[];
  if (pick === 0) cmds = [strings.randomCommand(r)];
  else if (pick === 1) cmds = hashes.randomSteps(r);
  else if (pick === 2) cmds = [lists.randomCommand(r)];
  else if (pick === 3) cmds = sets.randomSetCommands(r);
  else if (pick === 4) cmds = [zsets.randomCommand(r)];
  else cmds = [['SELECT', String(r.int(3))]];
  return cmds.filter((c) => !BLOCKING.test(String(c[0])) && !/^(debug|shutdown|monitor|subscribe|psubscribe|ssubscribe|multi|exec|watch|client)$/i.test(String(c[0])));
}

async function runBatch(c: RawClient, cmds: Cmd[]): Promise<void> {
  if (cmds.length === 0) return;
  c.write(Buffer.concat(cmds.map((x) => encodeCommand(x))));
  for (let i = 0; i < cmds.length; i++) await c.read();
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
