// SUBSCRIBE, UNSUBSCRIBE, PSUBSCRIBE, PUNSUBSCRIBE, SSUBSCRIBE, SUNSUBSCRIBE, PUBLISH, SPUBLISH —
// wire text as Redis 7.0.15 sent it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../../helpers/server.js';
import { Wire } from '../server/wire.js';

const ONLY = "only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context\r\n";

describe('Pub/Sub', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer();
  });
  after(() => s.stop());

  test('SUBSCRIBE confirms each channel with the count, and PUBLISH delivers a message array', async () => {
    const a = await Wire.connect(s.port);
    const b = await Wire.connect(s.port);
    a.send('SUBSCRIBE', 'a', 'a');
    assert.equal(await a.reply(), '*3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:1\r\n');
    assert.equal(await a.reply(), '*3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:1\r\n');
    assert.equal(await a.call('SSUBSCRIBE', 's1'), '*3\r\n$10\r\nssubscribe\r\n$2\r\ns1\r\n:1\r\n');
    assert.equal(await a.call('PSUBSCRIBE', 'p*'), '*3\r\n$10\r\npsubscribe\r\n$2\r\np*\r\n:2\r\n');
    assert.equal(await b.call('PUBLISH', 'a', 'm1'), ':1\r\n');
    assert.equal(await a.reply(), '*3\r\n$7\r\nmessage\r\n$1\r\na\r\n$2\r\nm1\r\n');
    assert.equal(await b.call('PUBLISH', 'pa', 'm2'), ':1\r\n');
    assert.equal(await a.reply(), '*4\r\n$8\r\npmessage\r\n$2\r\np*\r\n$2\r\npa\r\n$2\r\nm2\r\n');
    assert.equal(await b.call('SPUBLISH', 's1', 'm3'), ':1\r\n');
    assert.equal(await a.reply(), '*3\r\n$8\r\nsmessage\r\n$2\r\ns1\r\n$2\r\nm3\r\n');
    assert.equal(await b.call('PUBLISH', 'nobody', 'x'), ':0\r\n');
    assert.equal(await b.call('SPUBLISH', 'pa', 'x'), ':0\r\n');
    a.close();
    b.close();
  });

  test('a subscribed RESP2 client may only (un)subscribe, PING, QUIT and RESET; PING answers pong arrays', async () => {
    const a = await Wire.connect(s.port);
    await a.call('SUBSCRIBE', 'x');
    assert.equal(await a.call('GET', 'x'), `-ERR Can't execute 'get': ${ONLY}`);
    assert.equal(await a.call('CONFIG', 'GET', 'x'), `-ERR Can't execute 'config|get': ${ONLY}`);
    assert.equal(await a.call('MULTI'), `-ERR Can't execute 'multi': ${ONLY}`);
    assert.equal(await a.call('PING'), '*2\r\n$4\r\npong\r\n$0\r\n\r\n');
    assert.equal(await a.call('PING', 'hi'), '*2\r\n$4\r\npong\r\n$2\r\nhi\r\n');
    assert.match(await (async () => { await a.call('UNSUBSCRIBE'); return a.call('PING'); })(), /^\+PONG\r\n$/);
    a.close();
  });

  test('UNSUBSCRIBE without arguments: one reply per channel, or a null channel when none', async () => {
    const a = await Wire.connect(s.port);
    await a.call('SUBSCRIBE', 'a');
    await a.call('SSUBSCRIBE', 's1');
    await a.call('PSUBSCRIBE', 'p*');
    assert.equal(await a.call('UNSUBSCRIBE'), '*3\r\n$11\r\nunsubscribe\r\n$1\r\na\r\n:1\r\n');
    assert.equal(await a.call('PUNSUBSCRIBE'), '*3\r\n$12\r\npunsubscribe\r\n$2\r\np*\r\n:0\r\n');
    // Still subscribed to a shard channel: still in the subscribed context.
    assert.equal(await a.call('GET', 'x'), `-ERR Can't execute 'get': ${ONLY}`);
    assert.equal(await a.call('SUNSUBSCRIBE'), '*3\r\n$12\r\nsunsubscribe\r\n$2\r\ns1\r\n:0\r\n');
    assert.equal(await a.call('GET', 'x'), '$-1\r\n');
    assert.equal(await a.call('UNSUBSCRIBE'), '*3\r\n$11\r\nunsubscribe\r\n$-1\r\n:0\r\n');
    assert.equal(await a.call('SUNSUBSCRIBE', 'zz'), '*3\r\n$12\r\nsunsubscribe\r\n$2\r\nzz\r\n:0\r\n');
    a.send('PUNSUBSCRIBE', 'x', 'y');
    assert.equal(await a.reply(), '*3\r\n$12\r\npunsubscribe\r\n$1\r\nx\r\n:0\r\n');
    assert.equal(await a.reply(), '*3\r\n$12\r\npunsubscribe\r\n$1\r\ny\r\n:0\r\n');
    a.close();
  });

  test('RESP3: confirmations and messages are push frames and every command is allowed', async () => {
    const a = await Wire.connect(s.port);
    const b = await Wire.connect(s.port);
    await a.call('HELLO', '3');
    assert.equal(await a.call('SUBSCRIBE', 'a'), '>3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:1\r\n');
    assert.equal(await a.call('GET', 'x'), '_\r\n');
    assert.equal(await a.call('PING'), '+PONG\r\n');
    assert.equal(await b.call('PUBLISH', 'a', 'm1'), ':1\r\n');
    assert.equal(await a.reply(), '>3\r\n$7\r\nmessage\r\n$1\r\na\r\n$2\r\nm1\r\n');
    // Publishing to itself: the message comes before PUBLISH's own reply.
    a.send('PUBLISH', 'a', 'self');
    assert.equal(await a.reply(), '>3\r\n$7\r\nmessage\r\n$1\r\na\r\n$4\r\nself\r\n');
    assert.equal(await a.reply(), ':1\r\n');
    assert.equal(await a.call('UNSUBSCRIBE'), '>3\r\n$11\r\nunsubscribe\r\n$1\r\na\r\n:0\r\n');
    assert.equal(await a.call('UNSUBSCRIBE'), '>3\r\n$11\r\nunsubscribe\r\n_\r\n:0\r\n');
    a.close();
    b.close();
  });

  test('RESET and disconnecting drop every subscription', async () => {
    const a = await Wire.connect(s.port);
    const b = await Wire.connect(s.port);
    await a.call('SUBSCRIBE', 'gone');
    await a.call('PSUBSCRIBE', 'go*');
    assert.equal(await a.call('RESET'), '+RESET\r\n');
    assert.equal(await b.call('PUBLISH', 'gone', 'x'), ':0\r\n');
    assert.equal(await a.call('GET', 'x'), '$-1\r\n');
    await a.call('SUBSCRIBE', 'gone');
    a.close();
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(await b.call('PUBLISH', 'gone', 'x'), ':0\r\n');
    assert.equal(await b.call('PUBSUB', 'NUMPAT'), ':0\r\n');
    b.close();
  });

  test('SUBSCRIBE queued in MULTI runs at EXEC', async () => {
    const a = await Wire.connect(s.port);
    assert.equal(await a.call('MULTI'), '+OK\r\n');
    assert.equal(await a.call('SUBSCRIBE', 'q'), '+QUEUED\r\n');
    assert.equal(await a.call('EXEC'), '*1\r\n*3\r\n$9\r\nsubscribe\r\n$1\r\nq\r\n:1\r\n');
    assert.equal(await a.call('HELLO', '3'), `-ERR Can't execute 'hello': ${ONLY}`);
    a.close();
  });

  test('SUBSCRIBE and PSUBSCRIBE check their arity; CLIENT LIST counts subscriptions with flag P', async () => {
    const a = await Wire.connect(s.port);
    const b = await Wire.connect(s.port);
    assert.equal(await a.call('SUBSCRIBE'), "-ERR wrong number of arguments for 'subscribe' command\r\n");
    assert.equal(await a.call('PSUBSCRIBE'), "-ERR wrong number of arguments for 'psubscribe' command\r\n");
    assert.equal(await a.call('SSUBSCRIBE'), "-ERR wrong number of arguments for 'ssubscribe' command\r\n");
    assert.equal(await a.call('PUBLISH', 'x'), "-ERR wrong number of arguments for 'publish' command\r\n");
    a.send('SUBSCRIBE', 'c1', 'c2');
    await a.reply();
    await a.reply();
    await a.call('PSUBSCRIBE', 'p*');
    await a.call('SSUBSCRIBE', 's');
    const list = await b.call('CLIENT', 'LIST');
    assert.match(list, / flags=P db=0 sub=2 psub=1 ssub=1 multi=-1 /);
    assert.match(await b.call('CLIENT', 'LIST', 'TYPE', 'pubsub'), / sub=2 psub=1 ssub=1 /);
    a.close();
    b.close();
  });

  test('messages to a slow subscriber over the pubsub output limit close it', async () => {
    const t = await startServer();
    const a = await Wire.connect(t.port);
    const b = await Wire.connect(t.port);
    assert.equal(await b.call('CONFIG', 'SET', 'client-output-buffer-limit', 'pubsub 100000 0 0'), '+OK\r\n');
    await a.call('SUBSCRIBE', 'big');
    a.socket.pause();
    const payload = 'x'.repeat(1 << 20);
    for (let i = 0; i < 8; i++) await b.call('PUBLISH', 'big', payload);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(await b.call('PUBSUB', 'NUMSUB', 'big'), '*2\r\n$3\r\nbig\r\n:0\r\n');
    a.close();
    b.close();
    await t.stop();
  });
});
