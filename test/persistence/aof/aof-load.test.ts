// Loading the AOF at startup as Redis 7.0 does: after the bind, in steps, with
// -LOADING and INFO loading_* meanwhile and nothing appended; an RDB preamble
// loaded in steps too; truncated and corrupt files as before; and an old
// single-file appendonly.aof adopted as the base of a new AOF directory.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../../../src/config/conf-file.js';
import { Server } from '../../../src/server/server.js';
import { AofLoadError } from '../../../src/persistence/aof/load.js';
import { LoadAbortedError } from '../../../src/server/server-settings.js';
import { RawClient, RespError, encodeCommand, plain } from '../../helpers/resp-client.js';
import { scratch } from '../../helpers/scratch.js';
import { skipWithoutRedis, startRedis, startServer } from '../../helpers/server.js';
import { assertSameDigest, digest } from '../../helpers/digest-aof.js';

const { tmp, servers } = scratch('nencache-aofload-');

/** A server on `dir` with appendonly yes, not yet listening, and the messages it logs. */
function create(dir: string, extra: string[] = []): { server: Server; logs: string[] } {
  const logs: string[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void logs.push(String(JSON.parse(line).msg)) });
  const config = loadConfig(['--port', '0', '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', ...extra]);
  const server = new Server({ config, log });
  servers.push(server);
  return { server, logs };
}

async function start(dir: string, extra: string[] = []): Promise<{ server: Server; logs: string[] }> {
  const s = create(dir, extra);
  await s.server.listen();
  return s;
}

async function stop(s: Server): Promise<void> {
  servers.splice(servers.indexOf(s), 1);
  await s.close();
}

/** Resolves once the server has bound its port (its data may still be loading). */
async function bound(s: Server): Promise<void> {
  while (s.port === 0) await new Promise((r) => setTimeout(r, 2));
}

const resp = (cmds: (string | Buffer)[][]): Buffer => Buffer.concat(cmds.map((c) => encodeCommand(c)));

/** `n` SETs k0..k(n-1) -> v0..; every 1000th value empty or binary. */
function sets(n: number, prefix = 'k'): (string | Buffer)[][] {
  const out: (string | Buffer)[][] = [];
  for (let i = 0; i < n; i++) out.push(['SET', `${prefix}${i}`, i % 1000 === 0 ? '' : i % 1000 === 1 ? Buffer.from([0, 13, 10, 255]) : `v${i}`]);
  return out;
}

/** A Redis 7.0 AOF directory: base, incr files and the manifest naming them. */
function writeAofDir(dir: string, base: { name: string; data: Buffer }, incr: Buffer[]): string {
  const d = path.join(dir, 'appendonlydir');
  fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(d, base.name), base.data);
  let manifest = `file ${base.name} seq 1 type b\n`;
  incr.forEach((data, i) => {
    fs.writeFileSync(path.join(d, `appendonly.aof.${i + 1}.incr.aof`), data);
    manifest += `file appendonly.aof.${i + 1}.incr.aof seq ${i + 1} type i\n`;
  });
  fs.writeFileSync(path.join(d, 'appendonly.aof.manifest'), manifest);
  return d;
}

function field(info: string, name: string): string {
  const m = new RegExp(`^${name}:(.*)$`, 'm').exec(info);
  return m === null ? '' : m[1]!.trim();
}

/** An RDB file of `n` keys r0..r(n-1), written by NenCache's SAVE. */
async function rdbOf(n: number): Promise<Buffer> {
  const dir = tmp();
  const s = await startServer(['--dir', dir]);
  try {
    const c = await RawClient.connect(s.port);
    c.write(resp(sets(n, 'r')));
    for (let i = 0; i < n; i++) await c.read();
    assert.equal(await c.call('SAVE'), 'OK');
    c.close();
  } finally {
    await s.stop();
  }
  return fs.readFileSync(path.join(dir, 'dump.rdb'));
}

describe('AOF loading in steps', () => {
  test('while a big AOF loads the server answers -LOADING, INFO shows the progress, nothing is appended, and then every key is there', async () => {
    const dir = tmp();
    const base = resp(sets(40_000));
    const incr = resp([['DEL', 'k5'], ['SELECT', '3'], ['SET', 'in3', 'x']]);
    const d = writeAofDir(dir, { name: 'appendonly.aof.1.base.aof', data: base }, [incr]);
    // key-load-delay (µs per key) makes the load last long enough to be seen.
    const { server, logs } = create(dir, ['--key-load-delay', '20', '--enable-debug-command', 'yes']);
    const ready = server.listen();
    await bound(server);
    const c = await RawClient.connect(server.port);
    const busy = await c.call('PING');
    assert.ok(busy instanceof RespError);
    assert.equal(busy.message, 'LOADING Redis is loading the dataset in memory');
    const write = await c.call('SET', 'during', 'load');
    assert.ok(write instanceof RespError && write.message.startsWith('LOADING'));
    // DEBUG may run while loading, but not a reload of a half-loaded dataset.
    const reload = await c.call('DEBUG', 'RELOAD');
    assert.ok(reload instanceof RespError && reload.message.startsWith('LOADING'), reload instanceof RespError ? reload.message : String(reload));
    const info = String(await c.call('INFO', 'persistence'));
    assert.equal(field(info, 'loading'), '1');
    assert.equal(field(info, 'async_loading'), '0');
    assert.equal(field(info, 'loading_total_bytes'), String(base.length + incr.length));
    // Progress moves by steps: the first one ran before this client could connect.
    const loadedBytes = Number(field(info, 'loading_loaded_bytes'));
    assert.ok(loadedBytes > 0 && loadedBytes < base.length + incr.length, `loading_loaded_bytes:${loadedBytes}`);
    assert.match(field(info, 'loading_loaded_perc'), /^\d+\.\d\d$/);
    assert.match(field(info, 'loading_start_time'), /^\d+$/);
    assert.match(field(info, 'loading_eta_seconds'), /^\d+$/);
    assert.equal(fs.statSync(path.join(d, 'appendonly.aof.1.incr.aof')).size, incr.length, 'nothing appended while loading');
    await ready;
    assert.equal(await c.call('PING'), 'PONG');
    assert.equal(await c.call('DBSIZE'), 39_999);
    assert.deepEqual(plain(await c.call('MGET', 'k0', 'k1', 'k5', 'k39999')), ['', '\x00\r\n\xff', null, 'v39999']);
    assert.equal(field(String(await c.call('INFO', 'persistence')), 'loading'), '0');
    await c.call('SELECT', '3');
    assert.equal(String(await c.call('GET', 'in3')), 'x');
    // The writer is ready the moment loading ends: the next write is in the incr file.
    assert.equal(await c.call('SET', 'after', 'load'), 'OK');
    c.close();
    await stop(server);
    assert.ok(fs.readFileSync(path.join(d, 'appendonly.aof.1.incr.aof'), 'latin1').endsWith('$5\r\nafter\r\n$4\r\nload\r\n'));
    assert.ok(!fs.readFileSync(path.join(d, 'appendonly.aof.1.incr.aof'), 'latin1').includes('during'));
    const loaded = logs.filter((l) => l.startsWith('DB loaded from'));
    assert.equal(loaded.length, 3);
    assert.match(loaded[0]!, /^DB loaded from base file appendonly\.aof\.1\.base\.aof: \d+\.\d{3} seconds$/);
    assert.match(loaded[1]!, /^DB loaded from incr file appendonly\.aof\.1\.incr\.aof: \d+\.\d{3} seconds$/);
    assert.match(loaded[2]!, /^DB loaded from append only file: \d+\.\d{3} seconds$/);
    assert.ok(logs.indexOf('Opening AOF incr file appendonly.aof.1.incr.aof on server start') > logs.indexOf(loaded[2]!));
  });

  test('the load yields to the event loop between steps of a few thousand commands', async () => {
    const dir = tmp();
    writeAofDir(dir, { name: 'appendonly.aof.1.base.aof', data: resp(sets(40_000)) }, [Buffer.alloc(0)]);
    const { server } = create(dir);
    let done = false;
    let turns = 0;
    const spin = (): void => {
      if (done) return;
      turns++;
      setImmediate(spin);
    };
    const ready = server.listen().finally(() => {
      done = true;
    });
    setImmediate(spin);
    await ready;
    // 40,000 commands are 10 steps of 4096: the other callbacks ran between them.
    assert.ok(turns >= 8, `${turns} event loop turns during the load`);
  });

  test('an RDB-preamble base loads in steps too, with Redis\'s log lines, then the incr file', async () => {
    const dir = tmp();
    const rdb = await rdbOf(20_000);
    writeAofDir(dir, { name: 'appendonly.aof.1.base.rdb', data: rdb }, [resp([['SET', 'r7', 'changed'], ['DEL', 'r8']])]);
    const { server, logs } = create(dir, ['--key-load-delay', '20', '--enable-debug-command', 'yes']);
    const ready = server.listen();
    await bound(server);
    const c = await RawClient.connect(server.port);
    const busy = await c.call('GET', 'r1');
    assert.ok(busy instanceof RespError && busy.message.startsWith('LOADING'));
    assert.equal(field(String(await c.call('INFO', 'persistence')), 'loading'), '1');
    await ready;
    assert.equal(await c.call('DBSIZE'), 19_999);
    assert.deepEqual(plain(await c.call('MGET', 'r7', 'r8', 'r19999')), ['changed', null, 'v19999']);
    c.close();
    assert.ok(logs.includes('Reading RDB base file on AOF loading...'));
    assert.ok(logs.includes('Done loading RDB, keys loaded: 20000, keys expired: 0.'));
    assert.ok(!logs.includes('Reading the remaining AOF tail...'));
    assert.ok(logs.some((l) => /^DB loaded from base file appendonly\.aof\.1\.base\.rdb: /.test(l)));
  });

  test('a truncated tail after several steps still loads, with Redis\'s warnings, and the file is cut', async () => {
    const dir = tmp();
    const incr = resp(sets(30_000, 'i'));
    const d = writeAofDir(dir, { name: 'appendonly.aof.1.base.aof', data: resp(sets(100)) }, [Buffer.concat([incr, Buffer.from('*3\r\n$3\r\nSET\r\n$1\r\nz\r\n$3\r\nab')])]);
    const { server, logs } = await start(dir);
    const c = await RawClient.connect(server.port);
    assert.equal(await c.call('DBSIZE'), 30_100);
    assert.equal(await c.call('EXISTS', 'z'), 0);
    c.close();
    assert.equal(fs.statSync(path.join(d, 'appendonly.aof.1.incr.aof')).size, incr.length);
    for (const line of [
      '!!! Warning: short read while loading the AOF file appendonly.aof.1.incr.aof!!!',
      `!!! Truncating the AOF appendonly.aof.1.incr.aof at offset ${incr.length} !!!`,
      'AOF appendonly.aof.1.incr.aof loaded anyway because aof-load-truncated is enabled',
    ]) assert.ok(logs.includes(line), line);
  });

  test('a corrupt command after several steps refuses to start with the offset, and the port is closed', async () => {
    const dir = tmp();
    const good = resp(sets(30_000));
    writeAofDir(dir, { name: 'appendonly.aof.1.base.aof', data: Buffer.concat([good, Buffer.from('*2\r\n$3\r\nGET\r\nx$1\r\na\r\n'), resp(sets(10))]) }, []);
    const { server } = create(dir);
    await assert.rejects(server.listen(), (e: unknown) =>
      e instanceof AofLoadError &&
      e.message.startsWith(`Bad file format reading the append only file appendonly.aof.1.base.aof at offset ${good.length}`) &&
      e.message.includes('nencache check-aof --fix'));
    assert.equal(server.persistence.loading, null);
    await assert.rejects(RawClient.connect(server.port));
  });

  test('a truncated file that is not the last one refuses to start', async () => {
    const dir = tmp();
    writeAofDir(dir, { name: 'appendonly.aof.1.base.aof', data: Buffer.from('*1\r\n$4\r\nPI') }, [resp([['SET', 'a', '1']])]);
    await assert.rejects(start(dir), (e: unknown) => e instanceof AofLoadError && e.message === 'Fatal error: the truncated file is not the last file');
  });

  test('a server closed while it loads stops loading and opens no incr file', async () => {
    const dir = tmp();
    const d = writeAofDir(dir, { name: 'appendonly.aof.1.base.aof', data: resp(sets(40_000)) }, []);
    const { server } = create(dir, ['--key-load-delay', '20']);
    const ready = server.listen();
    await bound(server);
    await stop(server);
    await assert.rejects(ready, LoadAbortedError);
    assert.deepEqual(fs.readdirSync(d).sort(), ['appendonly.aof.1.base.aof', 'appendonly.aof.manifest']);
  });
});

describe('Upgrading an old single-file AOF', () => {
  const oldCommands: (string | Buffer)[][] = [
    ['SET', 'a', '1'], ['SET', '', ''], ['SET', Buffer.from([0, 255]), Buffer.from([13, 10])], ['RPUSH', 'l', 'x', 'y'],
    ['MULTI'], ['INCR', 'n'], ['INCR', 'n'], ['EXEC'], ['SELECT', '2'], ['SET', 'in2', 'two'], ['PEXPIREAT', 'in2', '99999999999999'],
  ];

  async function checkOldData(port: number): Promise<void> {
    const c = await RawClient.connect(port);
    assert.deepEqual(plain(await c.call('MGET', 'a', '', Buffer.from([0, 255]), 'n')), ['1', '', '\r\n', '2']);
    assert.deepEqual(plain(await c.call('LRANGE', 'l', '0', '-1')), ['x', 'y']);
    await c.call('SELECT', '2');
    assert.equal(String(await c.call('GET', 'in2')), 'two');
    assert.equal(await c.call('PEXPIRETIME', 'in2'), 99999999999999);
    c.close();
  }

  test('an old appendonly.aof of commands becomes the base of appendonlydir, as Redis 7.0 upgrades it', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'appendonly.aof'), resp(oldCommands));
    const { server, logs } = await start(dir);
    await checkOldData(server.port);
    assert.ok(!fs.existsSync(path.join(dir, 'appendonly.aof')));
    const d = path.join(dir, 'appendonlydir');
    assert.deepEqual(fs.readdirSync(d).sort(), ['appendonly.aof', 'appendonly.aof.1.incr.aof', 'appendonly.aof.manifest']);
    assert.equal(fs.readFileSync(path.join(d, 'appendonly.aof.manifest'), 'latin1'), 'file appendonly.aof seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n');
    const want = [
      'Successfully migrated an old-style AOF file (appendonly.aof) into the AOF directory (appendonlydir).',
      'DB loaded from base file appendonly.aof',
      'DB loaded from append only file',
      'Creating AOF incr file appendonly.aof.1.incr.aof on server start',
    ];
    assert.deepEqual(logs.filter((l) => want.some((w) => l.startsWith(w))).map((l) => l.replace(/: \d+\.\d+ seconds$/, '')), want);
    const c = await RawClient.connect(server.port);
    assert.equal(await c.call('SET', 'new', 'yes'), 'OK');
    c.close();
    await stop(server);
    // The second start loads from the manifest: nothing is migrated again.
    const again = await start(dir);
    assert.ok(!again.logs.some((l) => l.startsWith('Successfully migrated')));
    assert.ok(again.logs.includes('Opening AOF incr file appendonly.aof.1.incr.aof on server start'));
    await checkOldData(again.server.port);
    const c2 = await RawClient.connect(again.server.port);
    assert.equal(String(await c2.call('GET', 'new')), 'yes');
    // A rewrite replaces the adopted file with a numbered base, as any base.
    assert.match(String(await c2.call('BGREWRITEAOF')), /^Background append only file rewriting/);
    while (field(String(await c2.call('INFO', 'persistence')), 'aof_rewrite_in_progress') !== '0') await new Promise((r) => setTimeout(r, 10));
    c2.close();
    assert.ok(!fs.readdirSync(d).includes('appendonly.aof'));
    assert.match(fs.readFileSync(path.join(d, 'appendonly.aof.manifest'), 'latin1'), /^file appendonly\.aof\.2\.base\.rdb seq 2 type b\n/);
  });

  test('an old appendonly.aof with an RDB preamble and a tail of commands loads both', async () => {
    const dir = tmp();
    const rdb = await rdbOf(5000);
    fs.writeFileSync(path.join(dir, 'appendonly.aof'), Buffer.concat([rdb, resp(oldCommands), resp([['SELECT', '0'], ['DEL', 'r3']])]));
    const { server, logs } = await start(dir);
    await checkOldData(server.port);
    const c = await RawClient.connect(server.port);
    assert.equal(await c.call('DBSIZE'), 5000 - 1 + 5);
    assert.equal(String(await c.call('GET', 'r4999')), 'v4999');
    c.close();
    const want = [
      'Successfully migrated an old-style AOF file (appendonly.aof) into the AOF directory (appendonlydir).',
      'Reading RDB preamble from AOF file...',
      'Done loading RDB, keys loaded: 5000, keys expired: 0.',
      'Reading the remaining AOF tail...',
      'DB loaded from base file appendonly.aof',
    ];
    assert.deepEqual(logs.filter((l) => want.some((w) => l.startsWith(w))).map((l) => l.replace(/: \d+\.\d+ seconds$/, '')), want);
    await stop(server);
    const again = await start(dir);
    await checkOldData(again.server.port);
  });

  test('an upgrade cut after its manifest was written is finished at the next start', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'appendonly.aof'), resp(oldCommands));
    fs.mkdirSync(path.join(dir, 'appendonlydir'));
    fs.writeFileSync(path.join(dir, 'appendonlydir', 'appendonly.aof.manifest'), 'file appendonly.aof seq 1 type b\n');
    const { server, logs } = await start(dir);
    assert.ok(logs.some((l) => l.startsWith('Successfully migrated')));
    await checkOldData(server.port);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'appendonlydir')).sort(), ['appendonly.aof', 'appendonly.aof.1.incr.aof', 'appendonly.aof.manifest']);
  });

  test('appendfilename and appenddirname name the old file and the new directory', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'old.aof'), resp(oldCommands));
    const { server, logs } = await start(dir, ['--appendfilename', 'old.aof', '--appenddirname', 'aofs']);
    await checkOldData(server.port);
    assert.ok(logs.includes('Successfully migrated an old-style AOF file (old.aof) into the AOF directory (aofs).'));
    assert.equal(fs.readFileSync(path.join(dir, 'aofs', 'old.aof.manifest'), 'latin1'), 'file old.aof seq 1 type b\nfile old.aof.1.incr.aof seq 1 type i\n');
  });

  test('an AOF directory with a manifest of its own is loaded and the old file left alone', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'appendonly.aof'), resp([['SET', 'old', '1']]));
    writeAofDir(dir, { name: 'appendonly.aof.1.base.aof', data: resp([['SET', 'new', '1']]) }, [Buffer.alloc(0)]);
    const { server, logs } = await start(dir);
    assert.ok(!logs.some((l) => l.startsWith('Successfully migrated')));
    const c = await RawClient.connect(server.port);
    assert.deepEqual(plain(await c.call('MGET', 'old', 'new')), [null, '1']);
    c.close();
    assert.ok(fs.existsSync(path.join(dir, 'appendonly.aof')));
  });

  test('a corrupt old AOF refuses to start, naming it', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'appendonly.aof'), Buffer.concat([resp([['SET', 'a', '1']]), Buffer.from('$bad\r\n')]));
    await assert.rejects(start(dir), (e: unknown) =>
      e instanceof AofLoadError && e.message.startsWith('Bad file format reading the append only file appendonly.aof at offset 27'));
  });

  test('redis-server 7.0 upgrades the same old file into the same layout and manifest, with the same data', { skip: skipWithoutRedis('redis-server') }, async () => {
    const rdb = await rdbOf(50);
    for (const old of [resp(oldCommands), Buffer.concat([rdb, resp(oldCommands)])]) {
      const rd = tmp();
      const nd = tmp();
      fs.writeFileSync(path.join(rd, 'appendonly.aof'), old);
      fs.writeFileSync(path.join(nd, 'appendonly.aof'), old);
      const r = await startRedis(['--dir', rd, '--appendonly', 'yes']);
      try {
        const want = await digest(r.port, 3);
        const { server } = await start(nd);
        assertSameDigest(await digest(server.port, 3), want);
        for (const d of [rd, nd]) assert.ok(!fs.existsSync(path.join(d, 'appendonly.aof')));
        const layout = (d: string): string[] => fs.readdirSync(path.join(d, 'appendonlydir')).sort();
        assert.deepEqual(layout(nd), layout(rd));
        const manifest = (d: string): string => fs.readFileSync(path.join(d, 'appendonlydir', 'appendonly.aof.manifest'), 'latin1');
        assert.equal(manifest(nd), manifest(rd));
      } finally {
        await r.stop();
      }
    }
  });
});
