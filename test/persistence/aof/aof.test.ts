// The AOF end to end in process: files created as Redis 7.0 does, writes
// surviving a restart under each appendfsync policy, truncated and corrupt
// files, replies held until the fsync, MISCONF on write errors, expiry DELs.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../../src/config/conf-file.js';
import { Server } from '../../../src/server/server.js';
import { FakeClock } from '../../../src/engine/clock.js';
import { AofLoadError } from '../../../src/persistence/aof/load.js';
import { realFs, type AofFs } from '../../../src/persistence/aof/writer.js';
import type { AofHooks } from '../../../src/persistence/aof/bind.js';
import { RawClient, RespError, plain } from '../../helpers/resp-client.js';
import { scratch } from '../../helpers/scratch.js';
import { digest, entries } from '../../helpers/digest-aof.js';

const { tmp, servers } = scratch('nencache-aof-');

async function start(dir: string, extra: string[] = [], aof?: AofHooks, clock?: FakeClock): Promise<Server> {
  const config = loadConfig(['--port', '0', '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', ...extra]);
  const server = new Server({ config, aof, clock });
  servers.push(server);
  await server.listen();
  return server;
}

async function stop(s: Server): Promise<void> {
  servers.splice(servers.indexOf(s), 1);
  await s.close();
}

const incrPath = (dir: string, seq = 1): string => path.join(dir, 'appendonlydir', `appendonly.aof.${seq}.incr.aof`);

/** Writes every type, binary and empty values, a huge value, TTLs, MULTI and a second database. */
async function populate(c: RawClient): Promise<void> {
  const big = Buffer.alloc(1 << 20, 'x');
  const cmds: (string | Buffer)[][] = [
    ['SET', 'str', 'hello'], ['SET', '', ''], ['SET', Buffer.from([0, 255, 13, 10]), Buffer.from([1, 2, 0, 13])],
    ['SET', 'big', big], ['SET', 'ttl', 'v', 'EX', '1000'], ['INCR', 'n'], ['INCRBYFLOAT', 'f', '1.25'],
    ['RPUSH', 'l', 'a', 'b', 'c'], ['LPOP', 'l'], ['SADD', 's', '1', '2', 'x'], ['ZADD', 'z', '1.5', 'a', '-inf', 'b'],
    ['HSET', 'h', 'f1', 'v1', 'f2', ''], ['HINCRBYFLOAT', 'h', 'n', '0.5'], ['EXPIRE', 'h', '500'],
    ['PFADD', 'hll', 'a', 'b'], ['SETBIT', 'bits', '100', '1'], ['MULTI'], ['SET', 'm1', '1'], ['SET', 'm2', '2'], ['EXEC'],
    ['SELECT', '5'], ['SET', 'in5', 'five'], ['SELECT', '0'], ['GETDEL', 'str'], ['SPOP', 's'],
  ];
  for (const cmd of cmds) {
    const r = await c.call(...cmd);
    assert.ok(!(r instanceof RespError), `${cmd.join(' ')}: ${String(plain(r))}`);
  }
}

describe('AOF files', () => {
  test('a server started with appendonly yes and no AOF creates base, incr and manifest as Redis 7.0 does', async () => {
    const dir = tmp();
    await start(dir);
    const files = fs.readdirSync(path.join(dir, 'appendonlydir')).sort();
    assert.deepEqual(files, ['appendonly.aof.1.base.aof', 'appendonly.aof.1.incr.aof', 'appendonly.aof.manifest']);
    assert.equal(fs.readFileSync(path.join(dir, 'appendonlydir', 'appendonly.aof.manifest'), 'latin1'),
      'file appendonly.aof.1.base.aof seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n');
    assert.equal(fs.statSync(incrPath(dir)).size, 0);
  });

  for (const policy of ['always', 'everysec', 'no']) {
    test(`writes under appendfsync ${policy} are all there after a restart on the same dir`, async () => {
      const dir = tmp();
      const s1 = await start(dir, ['--appendfsync', policy]);
      const c = await RawClient.connect(s1.port);
      await populate(c);
      const before = await digest(s1.port);
      c.socket.destroy();
      await stop(s1);
      const s2 = await start(dir, ['--appendfsync', policy]);
      assert.deepEqual(entries(await digest(s2.port)), entries(before));
      assert.ok(before.size >= 14, `${before.size} keys`);
    });
  }

  test('a write acknowledged under appendfsync always was fsynced before its reply', async () => {
    const dir = tmp();
    // The largest file size an fdatasync had seen written when it started, counted once it completed.
    let durable = 0;
    let syncs = 0;
    const fsHook: AofFs = {
      ...realFs,
      fdatasync: (fd) => {
        const size = fs.fstatSync(fd).size;
        realFs.fdatasync(fd);
        durable = Math.max(durable, size);
        syncs++;
      },
      fdatasyncAsync: (fd, cb) => {
        const size = fs.fstatSync(fd).size;
        realFs.fdatasyncAsync(fd, (err) => {
          if (err === null) durable = Math.max(durable, size);
          syncs++;
          cb(err);
        });
      },
    };
    const s = await start(dir, ['--appendfsync', 'always'], { fs: fsHook });
    const clients = await Promise.all(Array.from({ length: 8 }, () => RawClient.connect(s.port)));
    const reader = await RawClient.connect(s.port);
    for (let round = 0; round < 5; round++) {
      await Promise.all([
        ...clients.map(async (c, i) => {
          const r = await c.call('SET', `k${i}`, String(round));
          assert.equal(r, 'OK');
          // What the reply acknowledges is in the file, and an fsync that started after it was written has completed.
          const text = fs.readFileSync(incrPath(dir), 'latin1');
          const cmd = `$2\r\nk${i}\r\n$1\r\n${round}\r\n`;
          const end = text.lastIndexOf(cmd) + cmd.length;
          assert.ok(end >= cmd.length, 'the write is in the file');
          assert.ok(durable >= end, `the reply came after an fsync covering it (${durable} < ${end})`);
        }),
        (async () => {
          // A read that sees a write is answered only once that write is on disk.
          for (let i = 0; i < 8; i++) {
            const v = await reader.call('GET', `k${i}`);
            if (v !== String(round)) continue;
            const text = fs.readFileSync(incrPath(dir), 'latin1');
            const cmd = `$2\r\nk${i}\r\n$1\r\n${round}\r\n`;
            assert.ok(durable >= text.lastIndexOf(cmd) + cmd.length, 'a read saw a write not yet fsynced');
          }
        })(),
      ]);
    }
    assert.ok(syncs <= 45, `one fsync per batch at most (${syncs})`);
    for (const c of [...clients, reader]) c.socket.destroy();
  });

  for (const policy of ['everysec', 'no']) {
    test(`under appendfsync ${policy} a reply leaves only after its write reached the file`, async () => {
      const dir = tmp();
      const s = await start(dir, ['--appendfsync', policy]);
      const clients = await Promise.all(Array.from({ length: 8 }, () => RawClient.connect(s.port)));
      for (let round = 0; round < 5; round++) {
        await Promise.all(clients.map(async (c, i) => {
          const pipelined = Array.from({ length: 4 }, (_, j) => c.call('RPUSH', `l${i}`, `${round}-${j}`));
          assert.deepEqual(await Promise.all(pipelined), [1, 2, 3, 4].map((n) => round * 4 + n));
          // What the replies acknowledge is in the file (the page cache survives the process).
          const text = fs.readFileSync(incrPath(dir), 'latin1');
          for (let j = 0; j < 4; j++) assert.ok(text.includes(`$2\r\nl${i}\r\n$${`${round}-${j}`.length}\r\n${round}-${j}\r\n`), `l${i} ${round}-${j}`);
        }));
      }
      for (const c of clients) c.socket.destroy();
    });
  }

  test('a reads-only command stream writes nothing to the AOF', async () => {
    const dir = tmp();
    const s = await start(dir);
    const c = await RawClient.connect(s.port);
    await c.call('GET', 'nothing');
    await c.call('EXISTS', 'a');
    await c.call('SET', 'a', '1', 'XX');
    await c.call('MULTI');
    await c.call('GET', 'a');
    await c.call('EXEC');
    c.socket.destroy();
    assert.equal(fs.statSync(incrPath(dir)).size, 0);
  });

  test('keys expired lazily are written as DEL in their database', async () => {
    const dir = tmp();
    const clock = new FakeClock(1_700_000_000_000);
    const s = await start(dir, [], undefined, clock);
    const c = await RawClient.connect(s.port);
    await c.call('SELECT', '2');
    await c.call('SET', 'e', 'v', 'PX', '100');
    await c.call('SELECT', '0');
    clock.advance(200);
    await c.call('SELECT', '2');
    assert.equal(await c.call('GET', 'e'), null);
    c.socket.destroy();
    await stop(s);
    assert.equal(fs.readFileSync(incrPath(dir), 'latin1'),
      '*2\r\n$6\r\nSELECT\r\n$1\r\n2\r\n*5\r\n$3\r\nSET\r\n$1\r\ne\r\n$1\r\nv\r\n$4\r\nPXAT\r\n$13\r\n1700000000100\r\n*2\r\n$3\r\nDEL\r\n$1\r\ne\r\n');
  });
});

describe('AOF loading', () => {
  async function withData(extra: string[] = []): Promise<string> {
    const dir = tmp();
    const s = await start(dir, extra);
    const c = await RawClient.connect(s.port);
    await c.call('SET', 'a', '1');
    await c.call('RPUSH', 'l', 'x', 'y');
    c.socket.destroy();
    await stop(s);
    return dir;
  }

  test('a truncated tail is loaded up to the last complete command, and the file is cut there', async () => {
    const dir = await withData();
    const good = fs.statSync(incrPath(dir)).size;
    fs.appendFileSync(incrPath(dir), '*3\r\n$3\r\nset\r\n$1\r\nb\r\n$2\r\nxy');
    const s = await start(dir);
    const d = await digest(s.port, 1);
    assert.deepEqual([...d.keys()].sort(), ['0:61', '0:6c']);
    assert.equal(fs.statSync(incrPath(dir)).size, good);
  });

  test('with aof-load-truncated no a truncated AOF refuses to start', async () => {
    const dir = await withData();
    fs.appendFileSync(incrPath(dir), '*3\r\n$3\r\nset');
    await assert.rejects(start(dir, ['--aof-load-truncated', 'no']), (e: unknown) =>
      e instanceof AofLoadError && e.message.startsWith('Unexpected end of file reading the append only file appendonly.aof.1.incr.aof'));
  });

  test('a MULTI block cut by the end of the file is not applied', async () => {
    const dir = await withData();
    const good = fs.statSync(incrPath(dir)).size;
    fs.appendFileSync(incrPath(dir), '*1\r\n$5\r\nMULTI\r\n*3\r\n$3\r\nset\r\n$1\r\nb\r\n$1\r\n2\r\n');
    const s = await start(dir);
    const c = await RawClient.connect(s.port);
    assert.equal(await c.call('EXISTS', 'b'), 0);
    c.socket.destroy();
    assert.equal(fs.statSync(incrPath(dir)).size, good);
  });

  test('a corrupt AOF refuses to start, naming the file, the offset and the repair command', async () => {
    const dir = await withData();
    const good = fs.statSync(incrPath(dir)).size;
    fs.appendFileSync(incrPath(dir), 'garbage\r\n*1\r\n$4\r\nPING\r\n');
    await assert.rejects(start(dir), (e: unknown) =>
      e instanceof AofLoadError &&
      e.message.includes('appendonly.aof.1.incr.aof') &&
      e.message.includes(`offset ${good}`) &&
      e.message.includes('nencache check-aof --fix'));
  });

  test('an unknown command in the AOF refuses to start', async () => {
    const dir = await withData();
    fs.appendFileSync(incrPath(dir), '*1\r\n$7\r\nNOSUCHC\r\n');
    await assert.rejects(start(dir), /Unknown command 'NOSUCHC' reading the append only file appendonly.aof.1.incr.aof/);
  });

  test('a bad manifest refuses to start with Redis\'s message', async () => {
    const dir = await withData();
    fs.writeFileSync(path.join(dir, 'appendonlydir', 'appendonly.aof.manifest'), 'file x seq 1 type q\n');
    await assert.rejects(start(dir), /Unknown AOF file type/);
  });
});

describe('AOF write errors', () => {
  test('a failed AOF write makes write commands fail with MISCONF until a write succeeds again', async () => {
    const dir = tmp();
    let failing = false;
    const fsHook: AofFs = {
      ...realFs,
      write: (fd, buf, off, len) => {
        if (failing) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        return realFs.write(fd, buf, off, len);
      },
    };
    const s = await start(dir, ['--appendfsync', 'everysec'], { fs: fsHook });
    const c = await RawClient.connect(s.port);
    await c.call('SET', 'a', '1');
    failing = true;
    // This write was taken (it waits in the AOF buffer for the retry), as Redis does.
    assert.equal(await c.call('SET', 'b', '2'), 'OK');
    const err = await c.call('SET', 'c', '3');
    assert.ok(err instanceof RespError);
    assert.equal(err.message, 'MISCONF Errors writing to the AOF file: No space left on device');
    assert.ok((await c.call('PING')) instanceof RespError);
    assert.equal(String(await c.call('GET', 'a')), '1');
    assert.match(String(await c.call('INFO', 'persistence')), /aof_last_write_status:err/);
    failing = false;
    let reply: unknown = null;
    for (let i = 0; i < 100 && reply !== 'OK'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      reply = await c.call('SET', 'c', '3');
    }
    assert.equal(reply, 'OK');
    assert.match(String(await c.call('INFO', 'persistence')), /aof_last_write_status:ok/);
    c.socket.destroy();
    await stop(s);
    const s2 = await start(dir);
    const c2 = await RawClient.connect(s2.port);
    assert.deepEqual(plain(await c2.call('MGET', 'a', 'b', 'c')), ['1', '2', '3']);
    c2.socket.destroy();
  });

  test('a failed write under appendfsync always stops the server as Redis does', async () => {
    const dir = tmp();
    const fatal: string[] = [];
    const fsHook: AofFs = { ...realFs, write: () => { throw Object.assign(new Error('EIO'), { code: 'EIO' }); } };
    const s = await start(dir, ['--appendfsync', 'always'], { fs: fsHook, onFatal: (m) => fatal.push(m) });
    const c = await RawClient.connect(s.port);
    c.write('*3\r\n$3\r\nSET\r\n$1\r\na\r\n$1\r\n1\r\n');
    for (let i = 0; i < 100 && fatal.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(fatal, ["Can't recover from AOF write error when the AOF fsync policy is 'always'. Exiting..."]);
    c.socket.destroy();
  });

  test('a failed background save refuses writes with Redis\'s RDB MISCONF error when stop-writes-on-bgsave-error is set', async () => {
    const dir = tmp();
    const config = loadConfig(['--port', '0', '--bind', '127.0.0.1', '--dir', dir, '--save', '900', '1']);
    const s = new Server({ config });
    servers.push(s);
    await s.listen();
    s.persistence.lastBgsaveOk = false;
    const c = await RawClient.connect(s.port);
    const err = await c.call('SET', 'a', '1');
    assert.ok(err instanceof RespError);
    assert.match(err.message, /^MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to disk\. .*Please check the Redis logs for details about the RDB error\.$/);
    assert.equal(await c.call('GET', 'a'), null);
    await c.call('CONFIG', 'SET', 'stop-writes-on-bgsave-error', 'no');
    assert.equal(await c.call('SET', 'a', '1'), 'OK');
    c.socket.destroy();
  });
});

describe('AOF configuration', () => {
  test('CONFIG SET appendonly no closes the AOF, and yes turns it back on with a rewrite of the live dataset', async () => {
    const dir = tmp();
    const s = await start(dir);
    const c = await RawClient.connect(s.port);
    await c.call('SET', 'a', '1');
    assert.equal(await c.call('CONFIG', 'SET', 'appendonly', 'no'), 'OK');
    await c.call('SET', 'b', '2');
    assert.match(String(await c.call('INFO', 'persistence')), /aof_enabled:0/);
    c.socket.destroy();
    // Writes while the AOF was off are not in it.
    assert.ok(!fs.readFileSync(incrPath(dir), 'latin1').includes('$1\r\nb\r\n'));
    const c2 = await RawClient.connect(s.port);
    assert.equal(await c2.call('CONFIG', 'SET', 'appendonly', 'yes'), 'OK');
    assert.equal(String(plain(await c2.call('CONFIG', 'GET', 'appendonly'))), 'appendonly,yes');
    let info = String(await c2.call('INFO', 'persistence'));
    while (/aof_rewrite_in_progress:1/.test(info)) info = String(await c2.call('INFO', 'persistence'));
    assert.match(info, /aof_enabled:1/);
    assert.match(info, /aof_rewrites:1/);
    c2.socket.destroy();
  });

  test('INFO persistence shows the AOF sizes while it is on', async () => {
    const dir = tmp();
    const s = await start(dir);
    const c = await RawClient.connect(s.port);
    await c.call('SET', 'a', '1');
    const info = String(await c.call('INFO', 'persistence'));
    const size = fs.statSync(incrPath(dir)).size;
    assert.match(info, new RegExp(`aof_current_size:${size}\r\naof_base_size:0\r\naof_pending_rewrite:0\r\naof_buffer_length:0\r\n`));
    c.socket.destroy();
  });
});
