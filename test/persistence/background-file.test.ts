import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BackgroundFile, SnapshotAborted, type SnapshotEncoder } from '../../src/persistence/background-file.js';
import type { Database } from '../../src/engine/keyspace.js';
import { startServer } from '../helpers/server.js';
import { RawClient } from '../helpers/resp-client.js';
import { Rng, type Cmd } from '../diff/harness.js';
import { capture, randomWrite, runBatch, stateOf } from '../helpers/snapshot-state.js';

/** One line per key: "db:key state". */
class LineEncoder implements SnapshotEncoder {
  private out = '';
  begin(): void {
    this.out += 'BEGIN\n';
  }
  key(dbIndex: number, db: Database, pos: number): void {
    this.out += `${dbIndex}:${Buffer.from(db.keyName(pos), 'latin1').toString('hex')} ${stateOf(db, pos)}\n`;
  }
  end(): void {
    this.out += 'END\n';
  }
  take(): Buffer | null {
    if (this.out === '') return null;
    const b = Buffer.from(this.out);
    this.out = '';
    return b;
  }
}

function parseLines(text: string): Map<string, string> {
  const lines = text.split('\n').filter((l) => l !== '');
  assert.equal(lines[0], 'BEGIN');
  assert.equal(lines.at(-1), 'END');
  const out = new Map<string, string>();
  for (const l of lines.slice(1, -1)) {
    const [k, v] = l.split(' ');
    const [db, hex] = k!.split(':');
    const name = `${db}:${Buffer.from(hex!, 'hex').toString('latin1')}`;
    assert.ok(!out.has(name), `duplicate ${name}`);
    out.set(name, v!);
  }
  return out;
}

async function filled(seed: number) {
  const s = await startServer();
  const c = await RawClient.connect(s.port);
  const r = new Rng(seed);
  const fill: Cmd[] = [];
  for (let i = 0; i < 4000; i++) fill.push(['SET', `plain:${i}`, `value-${i}`.repeat(1 + (i % 5))]);
  await runBatch(c, fill);
  for (let i = 0; i < 200; i++) {
    const batch: Cmd[] = [];
    for (let j = 0; j < 10; j++) batch.push(...randomWrite(r));
    await runBatch(c, batch);
  }
  return { s, c, r };
}

test('a background file holds the state of the moment it began while clients keep writing', async () => {
  const { s, c, r } = await filled(11);
  const dir = mkdtempSync(join(tmpdir(), 'nencache-bgfile-'));
  try {
    const engine = s.server.engine;
    const before = capture(engine);
    const bf = new BackgroundFile(engine.dbs, new LineEncoder(), { target: join(dir, 'out'), temp: join(dir, 'temp-out'), stepMs: 0.05 });
    let settled = false;
    const run = bf.run().finally(() => (settled = true));
    let batches = 0;
    while (!settled) {
      const batch: Cmd[] = [];
      for (let j = 0; j < 10; j++) batch.push(...randomWrite(r), ['SET', `plain:${r.int(4000)}`, 'new'], ['DEL', `plain:${r.int(4000)}`]);
      await runBatch(c, batch);
      batches++;
    }
    await run;
    assert.ok(batches > 3, `clients were served during the walk (${batches} batches)`);
    assert.deepEqual(new Map([...parseLines(readFileSync(join(dir, 'out'), 'utf8'))].sort()), new Map([...before].sort()));
    assert.deepEqual(readdirSync(dir), ['out']);
    assert.equal(bf.keysProcessed, bf.keysTotal);
  } finally {
    c.close();
    await s.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an aborted background file leaves the old file untouched and no temp file', async () => {
  const { s, c } = await filled(12);
  const dir = mkdtempSync(join(tmpdir(), 'nencache-bgfile-'));
  try {
    writeFileSync(join(dir, 'out'), 'old');
    const bf = new BackgroundFile(s.server.engine.dbs, new LineEncoder(), { target: join(dir, 'out'), temp: join(dir, 'temp-out'), stepMs: 0.05 });
    const run = bf.run();
    await new Promise((resolve) => setImmediate(resolve));
    bf.abort();
    await assert.rejects(run, SnapshotAborted);
    assert.equal(readFileSync(join(dir, 'out'), 'utf8'), 'old');
    assert.deepEqual(readdirSync(dir), ['out']);
    for (const db of s.server.engine.dbs) assert.equal(db.snap, null);
  } finally {
    c.close();
    await s.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a background file whose directory is gone fails without leaving the walk running', async () => {
  const { s, c } = await filled(13);
  try {
    const bf = new BackgroundFile(s.server.engine.dbs, new LineEncoder(), { target: '/nonexistent-dir/out', temp: '/nonexistent-dir/temp-out' });
    await assert.rejects(bf.run(), /ENOENT/);
    for (const db of s.server.engine.dbs) assert.equal(db.snap, null);
  } finally {
    c.close();
    await s.stop();
  }
});
