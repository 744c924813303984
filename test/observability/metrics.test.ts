/**
 * The Prometheus endpoint through a real server: values follow INFO after
 * known commands, the text is valid exposition format, each server has its
 * own registry, and the listener lives and dies with the server.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../../src/config/conf-file.js';
import { Server } from '../../src/server/server.js';
import { TIER_METRICS } from '../../src/observability/metrics.js';
import { freePort, startServer, type TestServer } from '../helpers/server.js';
import { RawClient, RespError, encodeCommand } from '../helpers/resp-client.js';

async function withMetrics(extra: string[] = []): Promise<{ s: TestServer; c: RawClient; url: string }> {
  const mp = await freePort();
  const s = await startServer(['--metrics-port', String(mp), ...extra]);
  return { s, c: await RawClient.connect(s.port), url: `http://127.0.0.1:${mp}/metrics` };
}

/** Scrapes and indexes samples by their full series name, e.g. 'nencache_db_keys{db="0"}'. */
async function scrape(url: string): Promise<Map<string, number>> {
  const res = await fetch(url);
  assert.equal(res.status, 200);
  const samples = new Map<string, number>();
  for (const line of (await res.text()).split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const sp = line.lastIndexOf(' ');
    samples.set(line.slice(0, sp), Number(line.slice(sp + 1)));
  }
  return samples;
}

async function info(c: RawClient, section: string): Promise<Record<string, string>> {
  const text = String(await c.call('INFO', section));
  return Object.fromEntries(text.split('\r\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1)]));
}

test('after 3 SETs, a GET hit and a GET miss the metrics show what INFO shows', async () => {
  const { s, c, url } = await withMetrics();
  for (const k of ['a', 'b', 'c']) assert.equal(await c.call('SET', k, ''), 'OK');
  assert.deepEqual(await c.call('GET', 'a'), Buffer.alloc(0));
  assert.equal(await c.call('GET', 'missing'), null);
  assert.equal(await c.call('EXPIRE', 'b', '100'), 1);
  assert.ok((await c.call('INCR', 'a')) instanceof RespError);
  // INFO first: the HTTP scrape adds nothing to the RESP counters it is compared with.
  const i = await info(c, 'everything');
  const m = await scrape(url);
  assert.equal(m.get('nencache_db_keys{db="0"}'), 3);
  assert.equal(m.get('nencache_db_expires{db="0"}'), 1);
  assert.equal(i.db0, 'keys=3,expires=1,avg_ttl=0');
  assert.equal(m.get('nencache_db_keys{db="1"}'), undefined, 'empty databases are left out, as in INFO keyspace');
  // INCR's lookup is a write lookup, which Redis does not count as a hit or miss.
  assert.equal(m.get('nencache_keyspace_hits_total'), 1);
  assert.equal(m.get('nencache_keyspace_misses_total'), 1);
  assert.equal(m.get('nencache_commands_total{cmd="set"}'), 3);
  assert.equal(m.get('nencache_commands_total{cmd="get"}'), 2);
  assert.equal(m.get('nencache_commands_failed_calls_total{cmd="incr"}'), 1);
  assert.equal(m.get('nencache_errors_total{code="ERR"}'), 1);
  assert.equal(m.get('nencache_connected_clients'), 1);
  assert.equal(m.get('nencache_rdb_changes_since_last_save'), 4);
  assert.equal(m.get('nencache_tiering_enabled'), 0);
  assert.equal(m.get('nencache_tier_demotions_total'), undefined, 'no tier metrics with tiering off, as no INFO tiering section');
  const same: [string, string][] = [
    ['nencache_keyspace_hits_total', 'keyspace_hits'],
    ['nencache_keyspace_misses_total', 'keyspace_misses'],
    ['nencache_net_input_bytes_total', 'total_net_input_bytes'],
    ['nencache_connections_received_total', 'total_connections_received'],
    ['nencache_rejected_connections_total', 'rejected_connections'],
    ['nencache_expired_keys_total', 'expired_keys'],
    ['nencache_evicted_keys_total', 'evicted_keys'],
    ['nencache_error_replies_total', 'total_error_replies'],
    ['nencache_rdb_changes_since_last_save', 'rdb_changes_since_last_save'],
    ['nencache_rdb_last_save_timestamp_seconds', 'rdb_last_save_time'],
    ['nencache_rdb_saves_total', 'rdb_saves'],
    ['nencache_rdb_bgsave_in_progress', 'rdb_bgsave_in_progress'],
    ['nencache_rdb_last_bgsave_duration_seconds', 'rdb_last_bgsave_time_sec'],
    ['nencache_aof_enabled', 'aof_enabled'],
    ['nencache_aof_rewrite_in_progress', 'aof_rewrite_in_progress'],
    ['nencache_loading', 'loading'],
    ['nencache_blocked_clients', 'blocked_clients'],
    ['nencache_maxclients', 'maxclients'],
    ['nencache_memory_max_bytes', 'maxmemory'],
    ['nencache_memory_startup_bytes', 'used_memory_startup'],
  ];
  for (const [metric, field] of same) assert.equal(String(m.get(metric)), i[field], `${metric} vs INFO ${field}`);
  const setUsec = Math.round(m.get('nencache_commands_duration_seconds_total{cmd="set"}')! * 1e6);
  assert.match(i.cmdstat_set!, new RegExp(`^calls=3,usec=${setUsec},`));
  assert.equal(m.get('nencache_rdb_last_bgsave_status'), 1);
  assert.equal(m.get('nencache_aof_last_write_status'), 1);
  assert.ok(m.get('nencache_memory_used_bytes')! > 0 && m.get('nencache_memory_rss_bytes')! > 0);
  assert.ok(m.get('nencache_memory_peak_bytes')! >= m.get('nencache_memory_used_bytes')!);
  assert.ok(m.get('nencache_memory_fragmentation_ratio')! > 0);
  c.close();
  await s.stop();
});

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABEL = '[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\\\\n]|\\\\[\\\\"n])*"';
// Prometheus parses values with Go's ParseFloat: NaN and Inf in any case (prom-client writes "Nan").
const VALUE = '(?:[+-]?(?:\\d+\\.?\\d*(?:[eE][+-]?\\d+)?|\\.\\d+)|[nN][aA][nN]|[+-][iI][nN][fF])';
const SAMPLE = new RegExp(`^(${NAME})(?:\\{${LABEL}(?:,${LABEL})*\\})? ${VALUE}$`);

test('the scrape is Prometheus text format: HELP and TYPE for every family, every other line name{labels} value', async () => {
  const { s, c, url } = await withMetrics();
  await c.call('SET', Buffer.from([0, 255]), Buffer.alloc(0));
  await c.call('HGET', Buffer.from([0, 255]), 'f');
  const res = await fetch(url);
  assert.equal(res.headers.get('content-type'), 'text/plain; version=0.0.4; charset=utf-8');
  const text = await res.text();
  assert.ok(text.endsWith('\n'));
  const types = new Map<string, string>();
  const helps = new Set<string>();
  let samples = 0;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const comment = /^# (HELP|TYPE) (\S+) (.*)$/.exec(line);
    if (comment !== null) {
      assert.ok(comment[2]!.startsWith('nencache_'), line);
      if (comment[1] === 'TYPE') {
        assert.match(comment[3]!, /^(counter|gauge|histogram|summary|untyped)$/, line);
        types.set(comment[2]!, comment[3]!);
      } else helps.add(comment[2]!);
      continue;
    }
    const sample = SAMPLE.exec(line);
    assert.ok(sample !== null, `not a sample line: ${JSON.stringify(line)}`);
    const name = sample[1]!;
    const family = types.has(name) ? name : name.replace(/_(bucket|sum|count)$/, '');
    assert.ok(types.has(family), `no TYPE before ${line}`);
    if (types.get(family) === 'counter') assert.ok(name.endsWith('_total'), `counter ${name} should end in _total`);
    samples++;
  }
  assert.deepEqual([...helps].sort(), [...types.keys()].sort());
  assert.ok(samples > 50, `${samples} samples`);
  // prom-client's Node process metrics, on this server's registry with our prefix.
  const processFamilies = [
    'nencache_nodejs_eventloop_lag_seconds', 'nencache_nodejs_heap_size_used_bytes', 'nencache_nodejs_gc_duration_seconds', 'nencache_process_cpu_user_seconds_total',
  ];
  for (const f of processFamilies) assert.ok(types.has(f), f);
  assert.equal(types.get('nencache_commands_total'), 'counter');
  assert.equal(types.get('nencache_db_keys'), 'gauge');
  c.close();
  await s.stop();
});

test('other paths answer 404, other methods on /metrics 405, HEAD and a query string are served', async () => {
  const { s, c, url } = await withMetrics();
  const base = url.slice(0, -'/metrics'.length);
  for (const p of ['/', '/metric', '/metrics/', '/favicon.ico']) assert.equal((await fetch(base + p)).status, 404, p);
  for (const method of ['POST', 'PUT', 'DELETE']) {
    const r = await fetch(url, { method, body: method === 'DELETE' ? undefined : 'x' });
    assert.equal(r.status, 405, method);
    assert.equal(r.headers.get('allow'), 'GET, HEAD');
  }
  const head = await fetch(url, { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(await head.text(), '');
  assert.equal((await fetch(`${url}?name[]=x`)).status, 200);
  c.close();
  await s.stop();
});

test('metrics are off by default: no endpoint, and metrics-port is immutable at run time', async () => {
  const s = await startServer();
  const c = await RawClient.connect(s.port);
  assert.equal(s.server.metrics, null);
  assert.deepEqual(((await c.call('CONFIG', 'GET', 'metrics-port')) as Buffer[]).map(String), ['metrics-port', '0']);
  assert.deepEqual(((await c.call('CONFIG', 'GET', 'metrics-bind')) as Buffer[]).map(String), ['metrics-bind', '127.0.0.1']);
  const err = await c.call('CONFIG', 'SET', 'metrics-port', '9121');
  assert.ok(err instanceof RespError);
  assert.equal(err.message, "ERR CONFIG SET failed (possibly related to argument 'metrics-port') - can't set immutable config");
  c.close();
  await s.stop();
});

test('two servers in one process each export their own numbers', async () => {
  const a = await withMetrics();
  const b = await withMetrics();
  for (let i = 0; i < 2; i++) await a.c.call('SET', `a${i}`, 'v');
  for (let i = 0; i < 5; i++) await b.c.call('SET', `b${i}`, 'v');
  await b.c.call('GET', 'nope');
  const [ma, mb] = [await scrape(a.url), await scrape(b.url)];
  assert.equal(ma.get('nencache_db_keys{db="0"}'), 2);
  assert.equal(mb.get('nencache_db_keys{db="0"}'), 5);
  assert.equal(ma.get('nencache_commands_total{cmd="set"}'), 2);
  assert.equal(mb.get('nencache_commands_total{cmd="set"}'), 5);
  assert.equal(ma.get('nencache_keyspace_misses_total'), 0);
  assert.equal(mb.get('nencache_keyspace_misses_total'), 1);
  // Both carry the process metrics (shared collectors, one per process).
  assert.ok(ma.has('nencache_process_cpu_user_seconds_total') && mb.has('nencache_process_cpu_user_seconds_total'));
  for (const x of [a, b]) {
    x.c.close();
    await x.s.stop();
  }
});

test('CONFIG RESETSTAT zeroes the counters the metrics read, as it does INFO', async () => {
  const { s, c, url } = await withMetrics();
  await c.call('SET', 'k', 'v');
  await c.call('GET', 'k');
  assert.equal((await scrape(url)).get('nencache_commands_total{cmd="get"}'), 1);
  assert.equal(await c.call('CONFIG', 'RESETSTAT'), 'OK');
  const m = await scrape(url);
  assert.equal(m.get('nencache_commands_total{cmd="get"}'), undefined);
  assert.equal(m.get('nencache_keyspace_hits_total'), 0);
  assert.equal(m.get('nencache_db_keys{db="0"}'), 1);
  c.close();
  await s.stop();
});

test('after SAVE the persistence metrics show the snapshot', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'metrics-'));
  const { s, c, url } = await withMetrics(['--dir', dir]);
  await c.call('SET', 'k', 'v');
  assert.equal((await scrape(url)).get('nencache_rdb_changes_since_last_save'), 1);
  assert.equal(await c.call('SAVE'), 'OK');
  const m = await scrape(url);
  assert.equal(m.get('nencache_rdb_changes_since_last_save'), 0);
  assert.equal(m.get('nencache_rdb_saves_total'), 1);
  assert.equal(m.get('nencache_rdb_last_save_timestamp_seconds'), await c.call('LASTSAVE'));
  c.close();
  await s.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the endpoint answers while the dump loads at start, with nencache_loading 1, then 0', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'metrics-loading-'));
  const first = await startServer(['--dir', dir]);
  const c0 = await RawClient.connect(first.port);
  c0.write(Buffer.concat(Array.from({ length: 10_000 }, (_, i) => encodeCommand(['SET', `k${i}`, 'v']))));
  for (let i = 0; i < 10_000; i++) await c0.read();
  assert.equal(await c0.call('SAVE'), 'OK');
  c0.close();
  await first.stop();
  const mp = await freePort();
  // key-load-delay (µs per key) makes the load last long enough to be seen.
  const args = ['--port', '0', '--bind', '127.0.0.1', '--dir', dir, '--key-load-delay', '25', '--metrics-port', String(mp)];
  const server = new Server({ config: loadConfig(args) });
  const ready = server.listen();
  while (server.metrics === null) await new Promise((r) => setTimeout(r, 5));
  const url = `http://127.0.0.1:${mp}/metrics`;
  assert.equal((await scrape(url)).get('nencache_loading'), 1);
  await ready;
  const m = await scrape(url);
  assert.equal(m.get('nencache_loading'), 0);
  assert.equal(m.get('nencache_db_keys{db="0"}'), 10_000);
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function refused(url: string): Promise<void> {
  await assert.rejects(fetch(url), (err: Error & { cause?: { code?: string } }) => err.cause?.code === 'ECONNREFUSED');
}

test('the endpoint is closed when the server stops, and by SHUTDOWN', async () => {
  const { s, c, url } = await withMetrics();
  assert.equal((await fetch(url)).status, 200);
  c.close();
  await s.stop();
  await refused(url);

  const mp = await freePort();
  let done!: () => void;
  const shutdown = new Promise<void>((r) => (done = r));
  const server = new Server({ config: loadConfig(['--port', '0', '--bind', '127.0.0.1', '--metrics-port', String(mp)]), onShutdown: done });
  await server.listen();
  const url2 = `http://127.0.0.1:${mp}/metrics`;
  assert.equal((await fetch(url2)).status, 200);
  const c2 = await RawClient.connect(server.port);
  c2.write('SHUTDOWN NOSAVE\r\n');
  await shutdown;
  c2.close();
  await refused(url2);
});

test('a metrics port already taken stops the start, logged with the port, and frees the RESP port', async () => {
  const taken = net.createServer();
  await new Promise<void>((r) => taken.listen(0, '127.0.0.1', () => r()));
  const port = (taken.address() as net.AddressInfo).port;
  const lines: string[] = [];
  const log = pino({ level: 'info' }, { write: (l: string) => lines.push(l) });
  const server = new Server({ config: loadConfig(['--port', '0', '--bind', '127.0.0.1', '--metrics-port', String(port)]), log });
  await assert.rejects(server.listen(), (err: NodeJS.ErrnoException) => err.code === 'EADDRINUSE');
  const line = lines.map((l) => JSON.parse(l) as { msg: string; port: number }).find((l) => l.msg.startsWith('Could not create metrics HTTP listening socket'));
  assert.ok(line !== undefined, lines.join(''));
  assert.equal(line.port, port);
  assert.match(line.msg, new RegExp(`127\\.0\\.0\\.1:${port}: .*EADDRINUSE`));
  assert.equal(server.metrics, null);
  // The RESP listener it had bound is closed again.
  await assert.rejects(RawClient.connect(server.port));
  await new Promise<void>((r) => taken.close(() => r()));
});

/** A value of `size` bytes that does not compress, so it goes to the disk tier. */
function noisy(seed: number, size: number): Buffer {
  const b = Buffer.allocUnsafe(size);
  let x = seed * 2654435761 + 1;
  for (let i = 0; i < b.length; i += 4) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    b.writeUInt32LE(x, i);
  }
  return b;
}

test('with tiering on the tier metrics follow INFO tiering after demotions and a promotion', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'metrics-tier-'));
  const { s, c, url } = await withMetrics(['--dir', dir, '--tiering', 'yes', '--maxmemory', '2mb', '--maxmemory-policy', 'allkeys-lru']);
  const vals: Buffer[] = [];
  for (let i = 0; i < 16; i++) {
    vals.push(noisy(i, 256 * 1024));
    assert.equal(await c.call('SET', `k${i}`, vals[i]!), 'OK');
  }
  const settle = async (): Promise<Record<string, string>> => {
    for (;;) {
      const t = await info(c, 'tiering');
      if (t.tier_inflight_bytes === '0') return t;
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  await settle();
  // Sampled LRU need not have demoted any one key (k0 usually, not always): read them all, some must come back from disk.
  for (let i = 0; i < 16; i++) assert.deepEqual(await c.call('GET', `k${i}`), vals[i]);
  const t = await settle();
  const m = await scrape(url);
  assert.equal(m.get('nencache_tiering_enabled'), 1);
  assert.ok(Number(t.tier_demotions) > 0 && Number(t.tier_disk_items) > 0, JSON.stringify(t));
  assert.ok(Number(t.tier_promotions) >= 1, JSON.stringify(t));
  // Every field INFO tiering prints has its metric, with INFO's value.
  assert.deepEqual(Object.keys(t).filter((k) => k !== 'tiering_enabled'), Object.keys(TIER_METRICS));
  for (const [field, [name, , , tier]] of Object.entries(TIER_METRICS)) {
    const series = `nencache_${name}${tier === undefined ? '' : `{tier="${tier}"}`}`;
    assert.equal(String(m.get(series)), t[field], `${series} vs INFO ${field}`);
  }
  assert.equal(m.get('nencache_db_keys{db="0"}'), 16);
  c.close();
  await s.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});
