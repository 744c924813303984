// notify-keyspace-events: validation, Redis's canonical flag order, which classes publish, and RESP3 delivery.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RespError } from '../../helpers/resp-client.js';
import { EventProbe } from './probe.js';

describe('keyspace notifications: configuration and delivery', () => {
  let p: EventProbe;
  before(async () => {
    p = await EventProbe.start('');
  });
  after(() => p.stop());

  const flags = async (v: string): Promise<unknown> => {
    await p.call('CONFIG', 'SET', 'notify-keyspace-events', v);
    return ((await p.call('CONFIG', 'GET', 'notify-keyspace-events')) as Buffer[])[1]!.toString();
  };

  test('CONFIG GET prints the classes in Redis order: A (or g$lshzxetdn), then K, E, m', async () => {
    assert.equal(await flags('KEA'), 'AKE');
    assert.equal(await flags('mEhzK'), 'hzKEm');
    assert.equal(await flags('g$lshzxetd'), 'A');
    assert.equal(await flags('ndtexzhsl$g'), 'A');
    assert.equal(await flags(''), '');
  });

  test('an unknown class character is refused with Redis error text', async () => {
    const r = await p.call('CONFIG', 'SET', 'notify-keyspace-events', 'KEq');
    assert.ok(r instanceof RespError);
    assert.equal(r.message, "ERR CONFIG SET failed (possibly related to argument 'notify-keyspace-events') - Invalid event class character. Use 'Ag$lshzxeKEtmdn'.");
  });

  test('nothing is published without K or E, nor for a class that is off', async () => {
    await p.call('CONFIG', 'SET', 'notify-keyspace-events', 'A');
    assert.deepEqual(await p.raw(['SET', 'a', '1']), []);
    await p.call('CONFIG', 'SET', 'notify-keyspace-events', 'Kl');
    assert.deepEqual(await p.run(['SET', 'a', '2'], ['RPUSH', 'l', 'x']), ['l rpush']);
    await p.call('CONFIG', 'SET', 'notify-keyspace-events', 'Eg');
    assert.deepEqual(await p.raw(['DEL', 'a', 'l']), [['__keyevent@0__:del', 'a'], ['__keyevent@0__:del', 'l']]);
  });

  test('A hides n in CONFIG GET, as in Redis, but new events are still sent', async () => {
    assert.equal(await flags('KAn'), 'AK');
    assert.deepEqual(await p.run(['SET', 'fresh', '1']), ['fresh new', 'fresh set']);
    assert.equal(await flags('KA'), 'AK');
    assert.deepEqual(await p.run(['SET', 'fresh2', '1']), ['fresh2 set']);
  });

  test('the m class sends keymiss for reads of missing keys, not for writes', async () => {
    await p.call('CONFIG', 'SET', 'notify-keyspace-events', 'Km');
    assert.deepEqual(await p.run(['GET', 'nope'], ['SET', 'nope2', '1'], ['LRANGE', 'nope3', '0', '-1'], ['OBJECT', 'ENCODING', 'nope4']), ['nope keymiss', 'nope3 keymiss']);
  });

  test('a RESP3 subscriber receives push frames; the key keeps its bytes and the database its number', async () => {
    const q = await EventProbe.start('KE', undefined, true);
    try {
      await q.cmd.call('CONFIG', 'SET', 'notify-keyspace-events', 'KE$');
      await q.cmd.call('SELECT', '5');
      await q.cmd.call('SET', 'k\u0000\u00ff', 'v');
      const frame = await q.sub.readText();
      assert.equal(frame, '>4\r\n$8\r\npmessage\r\n$10\r\n__key*__:*\r\n$18\r\n__keyspace@5__:k\u0000\u00ff\r\n$3\r\nset\r\n');
      assert.equal(await q.sub.readText(), '>4\r\n$8\r\npmessage\r\n$10\r\n__key*__:*\r\n$18\r\n__keyevent@5__:set\r\n$3\r\nk\u0000\u00ff\r\n');
    } finally {
      await q.stop();
    }
  });
});
