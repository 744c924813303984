// Lists through the keyspace commands (TYPE, OBJECT ENCODING, SCAN TYPE,
// COPY, RENAME, MOVE, EXPIRE) on both representations, and big lists over
// the wire: 100,000 elements pushed (LPUSH/RPUSH) and popped.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer } from '../strings/harness.js';
import { RawClient, encodeCommand, plain } from '../../helpers/resp-client.js';
import { Encoding } from '../../../src/engine/status.js';

const fx = useServer();

async function call(c: RawClient, ...args: (string | Buffer)[]): Promise<unknown> {
  c.write(encodeCommand(args));
  return plain(await c.read(20000));
}

describe('lists in the keyspace', () => {
  for (const [label, element] of [['small', 'v'], ['big', 'x'.repeat(9000)]] as const) {
    test(`COPY, RENAME, MOVE, TYPE, SCAN TYPE list and OBJECT ENCODING work on a ${label} list`, async () => {
      fx.flush();
      const c = await RawClient.connect(fx.s.port);
      try {
        assert.equal(await call(c, 'RPUSH', 'l', 'a', element, 'b'), 3);
        const internal = fx.s.server.engine.dbs[0]!.encoding(fx.s.server.engine.dbs[0]!.lookupRead('l'));
        assert.equal(internal, label === 'small' ? Encoding.LISTPACK : Encoding.QUICKLIST);
        assert.equal(await call(c, 'OBJECT', 'ENCODING', 'l'), 'quicklist');
        assert.equal(await call(c, 'TYPE', 'l'), 'list');
        assert.equal(await call(c, 'SET', 's', 'v'), 'OK');
        assert.deepEqual(await call(c, 'SCAN', '0', 'TYPE', 'list'), ['0', ['l']]);
        assert.equal(await call(c, 'EXPIRE', 'l', '1000'), 1);
        assert.equal(await call(c, 'COPY', 'l', 'c'), 1);
        assert.equal(await call(c, 'RPUSH', 'c', 'only-in-copy'), 4);
        assert.deepEqual(await call(c, 'LRANGE', 'l', '0', '-1'), ['a', element, 'b']);
        assert.equal(await call(c, 'RENAME', 'l', 'r'), 'OK');
        assert.ok(((await call(c, 'TTL', 'r')) as number) > 990);
        assert.deepEqual(await call(c, 'LPOP', 'r', '2'), ['a', element]);
        assert.equal(await call(c, 'MOVE', 'r', '1'), 1);
        assert.equal(await call(c, 'SELECT', '1'), 'OK');
        assert.deepEqual(await call(c, 'LRANGE', 'r', '0', '-1'), ['b']);
        assert.equal(await call(c, 'OBJECT', 'ENCODING', 'r'), 'quicklist');
      } finally {
        c.close();
      }
    });
  }

  test('100,000 elements pushed and popped over the wire', async () => {
    fx.flush();
    const c = await RawClient.connect(fx.s.port);
    try {
      const batch: Buffer[] = [];
      for (let i = 0; i < 100_000; i++) batch.push(encodeCommand([i % 2 ? 'LPUSH' : 'RPUSH', 'big', String(i)]));
      c.write(Buffer.concat(batch));
      for (let i = 0; i < 100_000; i++) await c.read(20000);
      assert.equal(await call(c, 'LLEN', 'big'), 100_000);
      assert.equal(await call(c, 'LINDEX', 'big', '0'), '99999');
      assert.equal(await call(c, 'LINDEX', 'big', '-1'), '99998');
      assert.equal(await call(c, 'LINDEX', 'big', '50000'), '0');
      assert.deepEqual(await call(c, 'LRANGE', 'big', '49999', '50000'), ['1', '0']);
      assert.equal(await call(c, 'LPOS', 'big', '2'), 50001);
      const popped = (await call(c, 'RPOP', 'big', '99990')) as string[];
      assert.equal(popped.length, 99990);
      assert.equal(popped[0], '99998');
      assert.deepEqual(await call(c, 'LRANGE', 'big', '0', '-1'), ['99999', '99997', '99995', '99993', '99991', '99989', '99987', '99985', '99983', '99981']);
      assert.equal(await call(c, 'OBJECT', 'ENCODING', 'big'), 'quicklist');
      assert.equal(await call(c, 'DEL', 'big'), 1);
    } finally {
      c.close();
    }
  });
});
