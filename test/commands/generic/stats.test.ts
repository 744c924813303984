// Side effects of the keyspace and expiry commands, measured on Redis 7.0.15:
// keyspace_hits / keyspace_misses / expired_keys (INFO stats) and
// rdb_changes_since_last_save (INFO persistence, i.e. ctx.dirty()).
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RawClient, plain } from '../../helpers/resp-client.js';
import { useServer } from './harness.js';

type Row = readonly [readonly string[], ...number[]] | readonly ['advance', number];

/** [command, hits, misses, expired] deltas Redis showed, with active expiry off. */
const STATS: Row[] = [
  [['set', 'a', '1'], 0, 0, 0],
  [['object', 'encoding', 'a'], 1, 0, 0],
  [['object', 'encoding', 'zz'], 0, 1, 0],
  [['object', 'refcount', 'a'], 1, 0, 0],
  [['object', 'idletime', 'zz'], 0, 1, 0],
  [['type', 'a'], 1, 0, 0],
  [['type', 'zz'], 0, 1, 0],
  [['exists', 'a', 'zz', 'a'], 2, 1, 0],
  [['ttl', 'a'], 1, 0, 0],
  [['ttl', 'zz'], 0, 1, 0],
  [['pttl', 'a'], 1, 0, 0],
  [['expiretime', 'a'], 1, 0, 0],
  [['pexpiretime', 'zz'], 0, 1, 0],
  [['touch', 'a', 'zz'], 1, 1, 0],
  [['copy', 'a', 'b'], 1, 0, 0],
  [['copy', 'zz', 'b'], 0, 1, 0],
  [['rename', 'a', 'c'], 0, 0, 0],
  [['rename', 'zz', 'c'], 0, 0, 0],
  [['renamenx', 'c', 'c'], 0, 0, 0],
  [['move', 'c', '1'], 0, 0, 0],
  [['move', 'zz', '1'], 0, 0, 0],
  [['expire', 'b', '100'], 0, 0, 0],
  [['expire', 'zz', '100'], 0, 0, 0],
  [['persist', 'b'], 0, 0, 0],
  [['del', 'zz', 'b'], 0, 0, 0],
  [['set', 'b', '1'], 0, 0, 0],
  [['scan', '0'], 0, 0, 0],
  [['scan', '0', 'type', 'string'], 1, 0, 0],
  [['scan', '0', 'match', 'b', 'type', 'string'], 1, 0, 0],
  [['keys', '*'], 0, 0, 0],
  [['randomkey'], 0, 0, 0],
  [['dbsize'], 0, 0, 0],
  [['psetex', 'x', '10', 'v'], 0, 0, 0],
  ['advance', 20],
  [['object', 'encoding', 'x'], 0, 1, 1],
  [['dbsize'], 0, 0, 0],
  [['psetex', 'x', '10', 'v'], 0, 0, 0],
  ['advance', 20],
  [['keys', '*'], 0, 0, 0],
  [['dbsize'], 0, 0, 0],
  [['exists', 'x'], 0, 1, 1],
  [['psetex', 'x', '10', 'v'], 0, 0, 0],
  ['advance', 20],
  [['ttl', 'x'], 0, 1, 1],
  [['psetex', 'x', '10', 'v'], 0, 0, 0],
  ['advance', 20],
  [['expire', 'x', '100'], 0, 0, 1],
  [['psetex', 'x', '10', 'v'], 0, 0, 0],
  ['advance', 20],
  [['rename', 'x', 'y'], 0, 0, 1],
  [['psetex', 'x', '10', 'v'], 0, 0, 0],
  ['advance', 20],
  [['del', 'x'], 0, 0, 1],
  [['psetex', 'x', '10', 'v'], 0, 0, 0],
  ['advance', 20],
  [['scan', '0'], 0, 0, 1],
  [['dbsize'], 0, 0, 0],
  [['psetex', 'x', '10', 'v'], 0, 0, 0],
  ['advance', 20],
  [['copy', 'x', 'z'], 0, 1, 1],
  [['psetex', 'x', '10', 'v'], 0, 0, 0],
  ['advance', 20],
  [['move', 'x', '2'], 0, 0, 1],
  [['psetex', 'x', '10', 'v'], 0, 0, 0],
  ['advance', 20],
  [['type', 'x'], 0, 1, 1],
  [['psetex', 'x', '10', 'v'], 0, 0, 0],
  ['advance', 20],
  [['touch', 'x'], 0, 1, 1],
];

/** [command, rdb_changes_since_last_save delta] as Redis showed. */
const DIRTY: Row[] = [
  [['mset', 'a', '1', 'b', '2', 'c', '3'], 3],
  [['del', 'a', 'b', 'zz'], 2],
  [['unlink', 'c', 'zz'], 1],
  [['set', 'a', '1'], 1],
  [['expire', 'a', '100'], 1],
  [['expire', 'a', '100', 'nx'], 0],
  [['expire', 'zz', '100'], 0],
  [['pexpire', 'a', '-1'], 1],
  [['set', 'a', '1'], 1],
  [['persist', 'a'], 0],
  [['expire', 'a', '10'], 1],
  [['persist', 'a'], 1],
  [['rename', 'a', 'a'], 0],
  [['rename', 'a', 'b'], 1],
  [['renamenx', 'b', 'b'], 0],
  [['renamenx', 'b', 'c'], 1],
  [['set', 'd', '1'], 1],
  [['renamenx', 'c', 'd'], 0],
  [['copy', 'c', 'e'], 1],
  [['copy', 'c', 'd'], 0],
  [['copy', 'c', 'd', 'replace'], 1],
  [['move', 'c', '1'], 1],
  [['move', 'd', '1'], 1],
  [['touch', 'd'], 0],
  [['swapdb', '0', '0'], 1],
  [['swapdb', '0', '1'], 1],
  [['swapdb', '0', '1'], 1],
  [['swapdb', '0', '16'], 0],
  [['flushdb'], 1],
  [['flushdb'], 0],
  [['mset', 'a', '1', 'b', '2'], 2],
  [['select', '1'], 0],
  [['set', 'x', '1'], 1],
  [['flushall'], 5],
  [['flushall'], 0],
  [['select', '0'], 0],
  [['set', 'a', '1'], 1],
  [['expireat', 'a', '1'], 1],
  [['set', 'a', '1'], 1],
  [['object', 'encoding', 'a'], 0],
  [['set', 'e', '1'], 1],
  [['expire', 'e', '100', 'gt'], 0],
  [['expire', 'e', '100', 'lt'], 1],
  [['expire', 'e', '100', 'xx'], 1],
  [['flushdb', 'async'], 2],
  [['set', 'x', '1'], 1],
  [['flushall', 'sync'], 1],
];

describe('keyspace command side effects', () => {
  const fx = useServer();
  let c: RawClient;
  before(async () => {
    c = await RawClient.connect(fx.s.port);
  });
  after(() => c.close());
  beforeEach(async () => {
    await fx.reset();
    await c.call('SELECT', '0');
    await c.call('DEBUG', 'SET-ACTIVE-EXPIRE', '0');
  });

  async function field(section: string, name: string): Promise<number> {
    const text = String(plain(await c.call('INFO', section)));
    const m = new RegExp(`${name}:(\\d+)`).exec(text);
    assert.ok(m, `INFO ${section} has ${name}`);
    return Number(m[1]);
  }

  async function run(rows: Row[], snap: () => Promise<number[]>): Promise<void> {
    for (const row of rows) {
      if (row[0] === 'advance') {
        fx.advance(row[1] as number);
        continue;
      }
      const [cmd, ...want] = row as readonly [readonly string[], ...number[]];
      const before = await snap();
      await c.call(...cmd);
      const now = await snap();
      assert.deepEqual(
        now.map((v, i) => v - before[i]!),
        want,
        cmd.join(' '),
      );
    }
  }

  test('keyspace hits, misses and expired keys are counted as Redis counts them', async () => {
    await c.call('CONFIG', 'RESETSTAT');
    await run(STATS, async () => [
      await field('stats', 'keyspace_hits'),
      await field('stats', 'keyspace_misses'),
      await field('stats', 'expired_keys'),
    ]);
  });

  test('writes count the changes Redis counts in rdb_changes_since_last_save', async () => {
    await run(DIRTY, async () => [await field('persistence', 'rdb_changes_since_last_save')]);
  });
});
