// PUBSUB CHANNELS, NUMSUB, NUMPAT, SHARDCHANNELS, SHARDNUMSUB, HELP — wire text as Redis 7.0.15 sent it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../../helpers/server.js';
import { Wire } from '../server/wire.js';

describe('PUBSUB', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer();
  });
  after(() => s.stop());

  test('PUBSUB CHANNELS, NUMSUB, NUMPAT, SHARDCHANNELS and SHARDNUMSUB report live subscriptions', async () => {
    const a = await Wire.connect(s.port);
    const b = await Wire.connect(s.port);
    await a.call('SUBSCRIBE', 'a');
    await a.call('SSUBSCRIBE', 's1');
    await a.call('PSUBSCRIBE', 'p*');
    await b.call('PSUBSCRIBE', 'p*');
    const c = await Wire.connect(s.port);
    assert.equal(await c.call('PUBSUB', 'NUMSUB', 'a', 'zz'), '*4\r\n$1\r\na\r\n:1\r\n$2\r\nzz\r\n:0\r\n');
    assert.equal(await c.call('PUBSUB', 'NUMSUB'), '*0\r\n');
    assert.equal(await c.call('PUBSUB', 'NUMPAT'), ':1\r\n');
    assert.equal(await c.call('PUBSUB', 'CHANNELS'), '*1\r\n$1\r\na\r\n');
    assert.equal(await c.call('PUBSUB', 'CHANNELS', 'b*'), '*0\r\n');
    assert.equal(await c.call('PUBSUB', 'SHARDCHANNELS'), '*1\r\n$2\r\ns1\r\n');
    assert.equal(await c.call('PUBSUB', 'SHARDNUMSUB', 's1'), '*2\r\n$2\r\ns1\r\n:1\r\n');
    // Two clients on one pattern: PUBLISH counts both receivers.
    assert.equal(await c.call('PUBLISH', 'pq', 'x'), ':2\r\n');
    const stats = await c.call('INFO', 'stats');
    assert.match(stats, /pubsub_channels:1\r\npubsub_patterns:1\r\npubsubshard_channels:1\r\n/);
    a.close();
    b.close();
    c.close();
  });

  test('PUBSUB argument errors and HELP', async () => {
    const c = await Wire.connect(s.port);
    assert.equal(await c.call('PUBSUB'), "-ERR wrong number of arguments for 'pubsub' command\r\n");
    assert.equal(await c.call('PUBSUB', 'CHANNELS', 'a', 'b'), "-ERR unknown subcommand or wrong number of arguments for 'CHANNELS'. Try PUBSUB HELP.\r\n");
    assert.equal(await c.call('PUBSUB', 'NUMPAT', 'x'), "-ERR wrong number of arguments for 'pubsub|numpat' command\r\n");
    assert.equal(await c.call('PUBSUB', 'foo'), "-ERR unknown subcommand 'foo'. Try PUBSUB HELP.\r\n");
    const help = await c.call('PUBSUB', 'HELP');
    assert.ok(help.startsWith('*14\r\n+PUBSUB <subcommand> [<arg> [value] [opt] ...]. Subcommands are:\r\n+CHANNELS [<pattern>]\r\n'));
    assert.ok(help.endsWith('+HELP\r\n+    Prints this help.\r\n'));
    c.close();
  });
});
