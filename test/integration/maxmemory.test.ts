// maxmemory over the wire: the OOM refusal under noeviction, eviction when the
// policy allows it, and what INFO says about both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RawClient } from '../helpers/resp-client.js';
import { startServer } from '../helpers/server.js';

function infoField(info: unknown, name: string): number {
  const m = new RegExp(`^${name}:(\\d+)`, 'm').exec(String(info));
  assert.ok(m, `INFO has ${name}`);
  return Number(m[1]);
}

test("noeviction refuses writes past maxmemory with Redis's OOM error; reads, deletes and a policy change go on", async () => {
  const s = await startServer(['--maxmemory', '1mb']);
  const c = await RawClient.connect(s.port);
  try {
    const value = 'x'.repeat(1000);
    let i = 0;
    let reply: unknown;
    for (; i < 5000; i++) {
      c.write(`*3\r\n$3\r\nSET\r\n$${String(i).length + 2}\r\nk:${i}\r\n$1000\r\n${value}\r\n`);
      reply = await c.readText();
      if (reply !== '+OK\r\n') break;
    }
    assert.equal(reply, "-OOM command not allowed when used memory > 'maxmemory'.\r\n");
    assert.ok(i > 500 && i < 1100, `${i} writes fitted in 1 MB`);
    const info = await c.call('INFO', 'memory');
    assert.ok(infoField(info, 'used_memory') > 1024 * 1024);
    assert.equal(infoField(info, 'maxmemory'), 1024 * 1024);
    assert.match(String(info), /maxmemory_policy:noeviction/);
    // Not denyoom: reads and deletes still run.
    assert.equal(String(await c.call('GET', 'k:0')).length, 1000);
    assert.equal(await c.call('DEL', 'k:0', 'k:1', 'k:2'), 3);
    assert.equal(await c.call('CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lru'), 'OK');
    for (let j = 0; j < 2000; j++) assert.equal(await c.call('SET', `more:${j}`, value), 'OK');
    const after = await c.call('INFO');
    assert.ok(infoField(after, 'used_memory') <= 1024 * 1024);
    assert.ok(infoField(after, 'evicted_keys') > 1000);
    assert.equal(infoField(after, 'maxmemory_pressure_events') >= 1, true);
  } finally {
    c.close();
    await s.stop();
  }
});

test('OBJECT FREQ answers under LFU and adaptive policies, and IDLETIME is refused under LFU', async () => {
  const s = await startServer(['--maxmemory-policy', 'allkeys-lfu']);
  const c = await RawClient.connect(s.port);
  try {
    await c.call('SET', 'k', 'v');
    assert.equal(await c.call('OBJECT', 'FREQ', 'k'), 5, "a new key's counter is LFU_INIT_VAL");
    const idle = await c.call('OBJECT', 'IDLETIME', 'k');
    assert.match(String((idle as { message?: string }).message ?? idle), /An LFU maxmemory policy is selected, idle time not tracked/);
    await c.call('CONFIG', 'SET', 'maxmemory-policy', 'allkeys-adaptive');
    await c.call('SET', 'a', 'v');
    assert.equal(await c.call('OBJECT', 'FREQ', 'a'), 0);
    await c.call('GET', 'a');
    await c.call('GET', 'a');
    assert.equal(await c.call('OBJECT', 'FREQ', 'a'), 2);
    assert.equal(await c.call('OBJECT', 'IDLETIME', 'a'), 0);
    await c.call('CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lru');
    const freq = await c.call('OBJECT', 'FREQ', 'a');
    assert.match(String((freq as { message?: string }).message ?? freq), /An LFU maxmemory policy is not selected/);
  } finally {
    c.close();
    await s.stop();
  }
});
