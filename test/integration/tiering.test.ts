/**
 * Tiering through a real server: values over maxmemory are demoted, not
 * lost; reads bring them back without holding other clients; metadata
 * commands leave them where they are; the disk tier survives a restart or
 * is discarded, as configured.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type TestServer } from '../helpers/server.js';
import { RawClient } from '../helpers/resp-client.js';

const MIB = 1 << 20;

/** A 1 MiB value that does not compress (so it goes to disk under lz4 too). */
function noisy(seed: number): Buffer {
  const b = Buffer.allocUnsafe(MIB);
  let x = seed * 2654435761 + 1;
  for (let i = 0; i < b.length; i += 4) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    b.writeUInt32LE(x, i);
  }
  return b;
}

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tiering-'));
}

async function boot(dir: string, extra: string[] = []): Promise<{ s: TestServer; c: RawClient }> {
  const s = await startServer(['--dir', dir, '--tiering', 'yes', '--maxmemory', '8mb', '--maxmemory-policy', 'allkeys-lru', ...extra]);
  return { s, c: await RawClient.connect(s.port) };
}

async function info(c: RawClient, section = 'tiering'): Promise<Record<string, string>> {
  const text = String(await c.call('INFO', section));
  return Object.fromEntries(text.split('\r\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1)]));
}

/** Waits until no demotion is in flight (polling INFO; no timing is asserted). */
async function settle(c: RawClient): Promise<Record<string, string>> {
  for (;;) {
    const i = await info(c);
    if (i.tier_inflight_bytes === '0') return i;
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function fill(c: RawClient, n: number): Promise<Buffer[]> {
  const vals: Buffer[] = [];
  for (let i = 0; i < n; i++) {
    vals.push(noisy(i));
    assert.equal(await c.call('SET', `k${i}`, vals[i]!), 'OK');
  }
  return vals;
}

test('1 MiB values beyond maxmemory are all kept, every byte, and used memory stays under maxmemory', async () => {
  const dir = tmp();
  const { s, c } = await boot(dir);
  const vals = await fill(c, 24);
  const t = await settle(c);
  assert.equal(await c.call('DBSIZE'), 24);
  assert.ok(Number(t.tier_disk_items) >= 16, `disk items ${t.tier_disk_items}`);
  assert.ok(Number((await info(c, 'memory')).used_memory) <= 8 * MIB);
  for (let i = 0; i < 24; i++) assert.ok((await c.call('GET', `k${i}`) as Buffer).equals(vals[i]!), `k${i}`);
  // MGET of several disk-resident keys at once.
  const many = (await c.call('MGET', 'k0', 'k1', 'nokey', 'k2')) as (Buffer | null)[];
  assert.ok(many[0]!.equals(vals[0]!) && many[1]!.equals(vals[1]!) && many[3]!.equals(vals[2]!), String(many.map((m) => m?.length)));
  assert.equal(many[2], null);
  const after = await settle(c);
  assert.ok(Number(after.tier_promotions) >= 24);
  assert.equal(after.tier_blocking_loads, '0');
  assert.ok(Number((await info(c, 'memory')).used_memory) <= 8 * MIB);
  assert.equal((await info(c, 'stats')).evicted_keys, '0');
  c.close();
  await s.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('with tiering off the same load evicts keys as before', async () => {
  const dir = tmp();
  const s = await startServer(['--dir', dir, '--maxmemory', '8mb', '--maxmemory-policy', 'allkeys-lru']);
  const c = await RawClient.connect(s.port);
  await fill(c, 24);
  assert.ok(Number(await c.call('DBSIZE')) < 24);
  assert.ok(Number((await info(c, 'stats')).evicted_keys) > 0);
  assert.equal((await info(c)).tiering_enabled, undefined);
  assert.equal(fs.existsSync(path.join(dir, 'tier')), false);
  c.close();
  await s.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a GET waiting on the disk does not hold the event loop: another client is answered first', async () => {
  const dir = tmp();
  const { s, c } = await boot(dir);
  const vals = await fill(c, 16);
  await settle(c);
  const db = s.server.engine.dbs[0]!;
  const tiered = vals.map((_, i) => i).filter((i) => s.server.engine.tier!.isTiered(db, db.findAt(Buffer.from(`k${i}`), 0, `k${i}`.length)));
  const [a, b] = tiered as [number, number];
  // Gate the disk read so the ordering is certain: the read finishes only after the other client's replies.
  const disk = s.server.engine.tier!.disk;
  const read = disk.read.bind(disk);
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  disk.read = async (ref) => {
    await gate;
    return read(ref);
  };
  const order: string[] = [];
  const get = c.call('GET', `k${a}`).then((v) => order.push('get') && v);
  const other = await RawClient.connect(s.port);
  assert.equal(await other.call('PING'), 'PONG');
  order.push('ping');
  assert.equal((await info(other, 'clients')).blocked_clients, '1');
  assert.equal(await other.call('EXISTS', `k${a}`), 1);
  order.push('exists');
  open();
  assert.ok(((await get) as Buffer).equals(vals[a]!));
  assert.deepEqual(order, ['ping', 'exists', 'get']);
  // Pipelined commands after the held GET keep their order.
  c.write(Buffer.concat([Buffer.from(`*2\r\n$3\r\nGET\r\n$${String(b).length + 1}\r\nk${b}\r\n`), Buffer.from('*1\r\n$4\r\nPING\r\n')]));
  assert.ok(((await c.read()) as Buffer).equals(vals[b]!));
  assert.equal(await c.read(), 'PONG');
  other.close();
  c.close();
  await s.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('writes while demotions are backlogged wait for the disk instead of getting -OOM', async () => {
  const dir = tmp();
  const { s, c } = await boot(dir, ['--tier-compression', 'none']);
  const tier = s.server.engine.tier!;
  await fill(c, 8);
  await settle(c);
  // Hold every disk write until the gate opens, with no room for bytes in flight.
  tier.options.pendingMax = 0;
  const append = tier.disk.append.bind(tier.disk);
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  tier.disk.append = async (...a) => {
    await gate;
    return append(...a);
  };
  const vals = [noisy(100), noisy(101), noisy(102), noisy(103)];
  let answered = 0;
  const sets = vals.map((v, i) => c.call('SET', `w${i}`, v).finally(() => answered++));
  const other = await RawClient.connect(s.port);
  // The first SET demoted a value whose write is gated: the next one waits, and the server still answers others.
  while ((await info(other, 'clients')).blocked_clients !== '1') {
    assert.ok(answered < vals.length, `every SET answered while the disk was held: ${String(await Promise.all(sets))}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  assert.equal(await other.call('PING'), 'PONG');
  open();
  assert.deepEqual(await Promise.all(sets), ['OK', 'OK', 'OK', 'OK']);
  await settle(c);
  tier.options.pendingMax = 64 * MIB;
  for (let i = 0; i < vals.length; i++) assert.ok((await c.call('GET', `w${i}`) as Buffer).equals(vals[i]!), `w${i}`);
  assert.equal((await info(c, 'stats')).evicted_keys, '0');
  other.close();
  c.close();
  await s.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('EXISTS, TYPE, TTL and EXPIRE leave a tiered key on disk; DEL, expiry and overwrite drop its record', async () => {
  const dir = tmp();
  const { s, c } = await boot(dir, ['--tier-compression', 'none']);
  await fill(c, 16);
  const t0 = await settle(c);
  const tier = s.server.engine.tier!;
  const db = s.server.engine.dbs[0]!;
  const onDisk = (k: string): boolean => tier.isTiered(db, db.findAt(Buffer.from(k), 0, k.length));
  const tiered = Array.from({ length: 16 }, (_, i) => `k${i}`).filter(onDisk);
  assert.ok(tiered.length >= 4);
  const [k0, k1, k2, k3] = tiered as [string, string, string, string];
  assert.equal(await c.call('EXISTS', k0, k1), 2);
  assert.equal(await c.call('TYPE', k0), 'string');
  assert.equal(await c.call('TTL', k0), -1);
  assert.equal(await c.call('EXPIRE', k1, 1000), 1);
  assert.equal(await c.call('TTL', k1), 1000);
  assert.equal(String(await c.call('OBJECT', 'ENCODING', k0)), 'raw');
  const scanned = (await c.call('SCAN', 0, 'COUNT', 100)) as [Buffer, Buffer[]];
  assert.equal(scanned[1].length, 16);
  assert.ok(onDisk(k0) && onDisk(k1));
  assert.equal((await info(c)).tier_promotions, t0.tier_promotions);
  assert.equal(await c.call('DEL', k0), 1);
  assert.equal(await c.call('EXISTS', k0), 0);
  assert.equal(await c.call('PEXPIRE', k1, 1), 1);
  await new Promise((r) => setTimeout(r, 5));
  assert.equal(await c.call('GET', k1), null);
  assert.equal(await c.call('SET', k2, 'small'), 'OK');
  assert.equal((await c.call('GET', k2))!.toString(), 'small');
  const t1 = await info(c);
  assert.equal(Number(t1.tier_keys), Number(t0.tier_keys) - 3);
  assert.equal(Number(t1.tier_disk_items), Number(t0.tier_disk_items) - 3);
  // APPEND reads the value: it comes back first, then grows.
  assert.ok(onDisk(k3));
  assert.equal(await c.call('APPEND', k3, 'xy'), MIB + 2);
  assert.equal(await c.call('STRLEN', k3), MIB + 2);
  assert.equal(await c.call('FLUSHALL'), 'OK');
  const t2 = await settle(c);
  assert.equal(t2.tier_keys, '0');
  assert.equal(t2.tier_disk_items, '0');
  c.close();
  await s.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('compressible values stay in compressed RAM until its budget is full, then spill to disk', async () => {
  const dir = tmp();
  const { s, c } = await boot(dir, ['--tier-compression', 'zstd', '--tier-ram-compressed-max', '600']);
  const vals: Buffer[] = [];
  for (let i = 0; i < 20; i++) {
    vals.push(Buffer.alloc(MIB, `value ${i} `));
    assert.equal(await c.call('SET', `z${i}`, vals[i]!), 'OK');
  }
  const t = await settle(c);
  assert.ok(Number(t.tier_ram_items) > 0);
  assert.ok(Number(t.tier_ram_bytes) <= 600);
  assert.ok(Number(t.tier_spills) > 0 && Number(t.tier_disk_items) > 0);
  for (let i = 0; i < 20; i++) assert.ok(((await c.call('GET', `z${i}`)) as Buffer).equals(vals[i]!), `z${i}`);
  c.close();
  await s.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the disk tier is recovered after a restart, or discarded, as tier-restart says', async () => {
  const dir = tmp();
  let { s, c } = await boot(dir, ['--tier-compression', 'none']);
  const vals = await fill(c, 16);
  await c.call('EXPIRE', 'k15', 100);
  const before = await settle(c);
  const onDisk = Number(before.tier_disk_items);
  assert.ok(onDisk >= 8);
  c.close();
  await s.stop();

  ({ s, c } = await boot(dir, ['--tier-compression', 'none', '--tier-restart', 'recover']));
  const t = await info(c);
  assert.equal(t.tier_recovered_keys, String(onDisk));
  assert.equal(await c.call('DBSIZE'), onDisk);
  const keys = ((await c.call('KEYS', '*')) as Buffer[]).map(String);
  for (const k of keys) assert.ok(((await c.call('GET', k)) as Buffer).equals(vals[Number(k.slice(1))]!), k);
  c.close();
  await s.stop();

  ({ s, c } = await boot(dir, ['--tier-compression', 'none', '--tier-restart', 'discard']));
  assert.equal(await c.call('DBSIZE'), 0);
  assert.deepEqual(fs.readdirSync(path.join(dir, 'tier')).filter((n) => n.endsWith('.ntier')), []);
  c.close();
  await s.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('EXPIRE and PERSIST of a key on disk reach its record: a restart keeps the new expiry', async () => {
  const dir = tmp();
  let { s, c } = await boot(dir, ['--tier-compression', 'none']);
  await fill(c, 16);
  await settle(c);
  const db = s.server.engine.dbs[0]!;
  const onDisk = (k: string) => s.server.engine.tier!.isTiered(db, db.findAt(Buffer.from(k), 0, k.length));
  const [a, b] = Array.from({ length: 16 }, (_, i) => `k${i}`).filter(onDisk) as [string, string];
  assert.equal(await c.call('PEXPIRE', b, 60_000), 1);
  await settle(c);
  assert.ok(onDisk(a) && onDisk(b));
  assert.equal(await c.call('EXPIRE', a, 5000), 1);
  assert.equal(await c.call('PERSIST', b), 1);
  assert.ok(onDisk(a) && onDisk(b), 'TTL changes do not bring the values back');
  c.close();
  await s.stop();

  ({ s, c } = await boot(dir, ['--tier-compression', 'none', '--tier-restart', 'recover']));
  try {
    const ttl = Number(await c.call('TTL', a));
    assert.ok(ttl > 4000 && ttl <= 5000, `TTL ${ttl}`);
    assert.equal(await c.call('TTL', b), -1);
  } finally {
    c.close();
    await s.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('INFO lists the tiering section by default, under ALL and by name', async () => {
  const dir = tmp();
  const { s, c } = await boot(dir);
  for (const args of [[], ['all'], ['everything'], ['tiering']]) {
    assert.match(String(await c.call('INFO', ...args)), /# Tiering\r\ntiering_enabled:1\r\ntier_keys:0\r\n/);
  }
  assert.doesNotMatch(String(await c.call('INFO', 'server')), /Tiering/);
  c.close();
  await s.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('small keys stay while big values can be demoted: no LMCache metadata key is evicted beside its demoted bytes', async () => {
  const dir = tmp();
  const { s, c } = await boot(dir);
  try {
    for (let i = 0; i < 24; i++) {
      assert.equal(await c.call('SET', `chunk${i}kv_bytes`, noisy(100 + i)), 'OK');
      assert.equal(await c.call('SET', `chunk${i}metadata`, Buffer.alloc(28, i)), 'OK');
    }
    await settle(c);
    const names = Array.from({ length: 24 }, (_, i) => `chunk${i}metadata`);
    assert.equal(await c.call('EXISTS', ...names), 24);
    assert.equal((await info(c, 'stats')).evicted_keys, '0');
    assert.ok(((await c.call('GET', 'chunk0kv_bytes')) as Buffer).equals(noisy(100)));
  } finally {
    c.close();
    await s.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
