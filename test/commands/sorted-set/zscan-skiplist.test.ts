// ZSCAN over a skiplist-encoded sorted set while it changes
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../../helpers/server.js';
import { RawClient, plain } from '../../helpers/resp-client.js';

let s: TestServer;
let r: RawClient;
const call = async (...args: (string | number)[]): Promise<unknown> => plain(await r.call(...args));

before(async () => {
  s = await startServer();
  r = await RawClient.connect(s.port);
});
after(async () => {
  r.close();
  await s.stop();
});

test('ZSCAN with a small COUNT returns every member that stays, while members are removed, rescored and added', async () => {
  const members = Array.from({ length: 300 }, (_, i) => `m${i}`);
  await call('ZADD', 'z', ...members.flatMap((m, i) => [i, m]));
  assert.equal(await call('OBJECT', 'ENCODING', 'z'), 'skiplist');
  const seen = new Set<string>();
  const removed = new Set<string>();
  let cursor = '0';
  let calls = 0;
  do {
    const [next, batch] = (await call('ZSCAN', 'z', cursor, 'COUNT', 7)) as [string, string[]];
    for (let i = 0; i < batch.length; i += 2) {
      seen.add(batch[i]!);
      assert.equal(batch[i + 1], await call('ZSCORE', 'z', batch[i]!), 'a score as ZSCORE prints it');
    }
    // Change the set between calls: remove, move a member to the other end, add.
    removed.add(`m${(calls * 13) % 300}`);
    await call('ZREM', 'z', `m${(calls * 13) % 300}`);
    const moved = `m${(calls * 7 + 1) % 300}`;
    if (!removed.has(moved)) await call('ZINCRBY', 'z', 1000, moved);
    await call('ZADD', 'z', -calls, `new${calls}`);
    cursor = next;
    calls++;
  } while (cursor !== '0' && calls < 1000);
  assert.ok(calls > 20, `calls: ${calls}`);
  for (const m of members) if (!removed.has(m)) assert.ok(seen.has(m), `${m} was present throughout and not returned`);
  const [, all] = (await call('ZSCAN', 'z', 0, 'COUNT', 100000, 'MATCH', 'new1*')) as [string, string[]];
  assert.ok(all.length > 0 && all.every((m, i) => i % 2 === 1 || m.startsWith('new1')));
});
