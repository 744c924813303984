// DEBUG HELP | SLEEP | SET-ACTIVE-EXPIRE | OBJECT | ERROR — replies from Redis 7.0.15.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../../helpers/server.js';
import { FakeClock } from '../../../src/engine/clock.js';
import { runSteps } from './wire.js';

/** DEBUG OBJECT's line with the address and LRU values left open. */
function objectLine(refcount: number, encoding: string, serializedlength: number): RegExp {
  return new RegExp(
    `^\\+Value at:0x[0-9a-f]+ refcount:${refcount} encoding:${encoding} serializedlength:${serializedlength} lru:\\d+ lru_seconds_idle:\\d+\\r\\n$`,
  );
}

describe('DEBUG', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer(['--enable-debug-command', 'yes']);
  });
  after(() => s.stop());

  test('DEBUG OBJECT shows encoding, refcount and serialized length like Redis', () =>
    runSteps(s.port, [
      [['SET', 'k', 'hello'], '+OK\r\n'],
      [['DEBUG', 'OBJECT', 'k'], objectLine(1, 'embstr', 6)],
      // Small integers are shared objects.
      [['SET', 'n', '123'], '+OK\r\n'],
      [['DEBUG', 'OBJECT', 'n'], objectLine(2147483647, 'int', 2)],
      [['SET', 'n', '10000'], '+OK\r\n'],
      [['DEBUG', 'OBJECT', 'n'], objectLine(1, 'int', 3)],
      [['SET', 'n', '12345'], '+OK\r\n'],
      [['DEBUG', 'OBJECT', 'n'], objectLine(1, 'int', 3)],
      [['SET', 'n', '-12345678901'], '+OK\r\n'],
      [['DEBUG', 'OBJECT', 'n'], objectLine(1, 'int', 13)],
      [['SET', 'e', ''], '+OK\r\n'],
      [['DEBUG', 'OBJECT', 'e'], objectLine(1, 'embstr', 1)],
      [['SET', 'z', '007'], '+OK\r\n'],
      [['DEBUG', 'OBJECT', 'z'], objectLine(1, 'embstr', 4)],
      [['SET', 'r', 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWX'], '+OK\r\n'],
      [['DEBUG', 'OBJECT', 'r'], objectLine(1, 'raw', 51)],
      // Every Redis 7.0 list is a quicklist, however small; a copied int is not shared.
      [['RPUSH', 'l', 'a', 'b', 'c'], ':3\r\n'],
      [['DEBUG', 'OBJECT', 'l'], /^\+Value at:0x[0-9a-f]+ refcount:1 encoding:quicklist serializedlength:\d+ lru:\d+ lru_seconds_idle:\d+ ql_nodes:1 ql_avg_node:3\.00 ql_listpack_max:-2 ql_compressed:0 ql_uncompressed_size:\d+\r\n$/],
      [['COPY', 'n', 'n2'], ':1\r\n'],
      [['SET', 'n', '5'], '+OK\r\n'],
      [['COPY', 'n', 'n3'], ':1\r\n'],
      [['DEBUG', 'OBJECT', 'n3'], objectLine(1, 'int', 2)],
      [['DEBUG', 'OBJECT', 'nokey'], '-ERR no such key\r\n'],
      [['DEBUG', 'OBJECT'], "-ERR unknown subcommand or wrong number of arguments for 'OBJECT'. Try DEBUG HELP.\r\n"],
      [['DEBUG', 'OBJECT', 'k', 'x'], "-ERR unknown subcommand or wrong number of arguments for 'OBJECT'. Try DEBUG HELP.\r\n"],
    ]));

  test('DEBUG SLEEP replies OK after sleeping', () =>
    runSteps(s.port, [
      [['DEBUG', 'SLEEP', '0'], '+OK\r\n'],
      [['DEBUG', 'SLEEP', '0.01'], '+OK\r\n'],
      // strtod(): garbage is 0, a numeric prefix is used, negative does not sleep.
      [['DEBUG', 'SLEEP', 'abc'], '+OK\r\n'],
      [['DEBUG', 'SLEEP', '0.001abc'], '+OK\r\n'],
      [['DEBUG', 'SLEEP', '-1'], '+OK\r\n'],
      [['DEBUG', 'SLEEP'], "-ERR unknown subcommand or wrong number of arguments for 'SLEEP'. Try DEBUG HELP.\r\n"],
    ]));

  test('DEBUG ERROR replies with the given error line', () =>
    runSteps(s.port, [
      [['DEBUG', 'ERROR', 'foo bar'], '-foo bar\r\n'],
      [['DEBUG', 'ERROR', 'MYERR a\r\nb'], '-MYERR a  b\r\n'],
    ]));

  test('DEBUG POPULATE makes key:<n> = value:<n> as Redis 7.0.15 does (prefix, size, existing keys kept)', () =>
    runSteps(s.port, [
      [['FLUSHALL'], '+OK\r\n'],
      [['DEBUG', 'POPULATE', '-1'], '-ERR value is out of range, must be positive\r\n'],
      [['DEBUG', 'POPULATE', 'abc'], '-ERR value is out of range, must be positive\r\n'],
      [['DEBUG', 'POPULATE', '3', 'pre', '-2'], '-ERR value is out of range, must be positive\r\n'],
      [['DEBUG', 'POPULATE', '2', 'x', '3', 'extra'], "-ERR unknown subcommand or wrong number of arguments for 'POPULATE'. Try DEBUG HELP.\r\n"],
      [['DEBUG', 'POPULATE', '0'], '+OK\r\n'],
      [['DBSIZE'], ':0\r\n'],
      [['SET', 'key:1', 'keep'], '+OK\r\n'],
      [['DEBUG', 'POPULATE', '3'], '+OK\r\n'],
      [['DBSIZE'], ':3\r\n'],
      [['GET', 'key:0'], '$7\r\nvalue:0\r\n'],
      [['GET', 'key:1'], '$4\r\nkeep\r\n'],
      [['OBJECT', 'ENCODING', 'key:2'], '$6\r\nembstr\r\n'],
      [['TTL', 'key:2'], ':-1\r\n'],
      [['DEBUG', 'POPULATE', '2', 'big', '10'], '+OK\r\n'],
      [['GET', 'big:1'], '$10\r\nvalue:1\x00\x00\x00\r\n'],
      [['DEBUG', 'POPULATE', '2', 'short', '3'], '+OK\r\n'],
      [['GET', 'short:1'], '$3\r\nval\r\n'],
      [['DEBUG', 'POPULATE', '2', 'empty', '0'], '+OK\r\n'],
      [['GET', 'empty:1'], '$7\r\nvalue:1\r\n'],
      // Names are cut at 127 bytes, so these two collide as in Redis.
      [['DEBUG', 'POPULATE', '2', 'p'.repeat(200)], '+OK\r\n'],
      [['EXISTS', 'p'.repeat(127)], ':1\r\n'],
      [['DBSIZE'], ':10\r\n'],
    ]));

  test('DEBUG with unknown subcommands and HELP', () =>
    runSteps(s.port, [
      [['DEBUG'], "-ERR wrong number of arguments for 'debug' command\r\n"],
      [['DEBUG', 'foo'], "-ERR unknown subcommand or wrong number of arguments for 'foo'. Try DEBUG HELP.\r\n"],
      [['DEBUG', 'jmap'], "-ERR unknown subcommand or wrong number of arguments for 'jmap'. Try DEBUG HELP.\r\n"],
      [
        ['DEBUG', 'HELP'],
        '*24\r\n+DEBUG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:\r\n+ERROR <string>\r\n' +
          '+    Return a Redis protocol error with <string> as message. Useful for clients\r\n+    unit tests to simulate Redis errors.\r\n' +
          '+OBJECT <key>\r\n+    Show low level info about `key` and associated value.\r\n' +
          '+POPULATE <count> [<prefix>] [<size>]\r\n' +
          '+    Create <count> string keys named key:<num>. If <prefix> is specified then\r\n' +
          "+    it is used instead of the 'key' prefix. These are not propagated to\r\n" +
          '+    replicas. Cluster slots are not respected so keys not belonging to the\r\n' +
          '+    current node can be created in cluster mode.\r\n' +
          '+RELOAD [option ...]\r\n+    Save the RDB on disk and reload it back to memory. Valid <option> values:\r\n' +
          '+    * MERGE: Merge the content of the RDB with the existing data set (not supported here).\r\n' +
          '+    * NOFLUSH: Do not empty the data set before loading (not supported here).\r\n' +
          '+    * NOSAVE: the database will be loaded from an existing RDB file.\r\n+SET-ACTIVE-EXPIRE <0|1>\r\n' +
          '+    Setting it to 0 disables expiring keys in background when they are not\r\n' +
          '+    accessed (otherwise the Redis behavior). Setting it to 1 reenables back the\r\n+    default.\r\n' +
          '+SLEEP <seconds>\r\n+    Stop the server for <seconds>. Decimals allowed.\r\n+HELP\r\n+    Prints this help.\r\n',
      ],
    ]));
});

describe('DEBUG SET-ACTIVE-EXPIRE', () => {
  test('DEBUG SET-ACTIVE-EXPIRE 0 stops the background expiry; 1 turns it back on', async () => {
    const clock = new FakeClock();
    const s = await startServer(['--enable-debug-command', 'yes', '--hz', '100'], clock);
    try {
      const db = s.server.engine.dbs[0]!;
      await runSteps(s.port, [
        [['DEBUG', 'SET-ACTIVE-EXPIRE', '0'], '+OK\r\n'],
        [['SET', 'k', 'v', 'PX', '100'], '+OK\r\n'],
      ]);
      clock.advance(1000);
      await new Promise((r) => setTimeout(r, 50));
      // The expired key is still stored: only an access would remove it.
      assert.equal(db.size, 1);
      // atoi(): any non-zero number turns it on.
      await runSteps(s.port, [[['DEBUG', 'SET-ACTIVE-EXPIRE', '2'], '+OK\r\n']]);
      for (let i = 0; i < 100 && db.size > 0; i++) await new Promise((r) => setTimeout(r, 10));
      assert.equal(db.size, 0);
      await runSteps(s.port, [
        [['DEBUG', 'SET-ACTIVE-EXPIRE', 'x'], '+OK\r\n'],
        [['DEBUG', 'SET-ACTIVE-EXPIRE'], "-ERR unknown subcommand or wrong number of arguments for 'SET-ACTIVE-EXPIRE'. Try DEBUG HELP.\r\n"],
      ]);
    } finally {
      await s.stop();
    }
  });
});

describe('DEBUG disabled', () => {
  test('DEBUG is refused unless enable-debug-command allows it', async () => {
    const s = await startServer();
    try {
      await runSteps(s.port, [
        [
          ['DEBUG', 'SLEEP', '0'],
          '-ERR DEBUG command not allowed. If the enable-debug-command option is set to "local", you can run it from a local connection, otherwise you need to set this option in the configuration file, and then restart the server.\r\n',
        ],
      ]);
    } finally {
      await s.stop();
    }
    const local = await startServer(['--enable-debug-command', 'local']);
    try {
      await runSteps(local.port, [[['DEBUG', 'SLEEP', '0'], '+OK\r\n']]);
    } finally {
      await local.stop();
    }
  });
});
