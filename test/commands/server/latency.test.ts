// LATENCY LATEST / HISTORY / RESET / HISTOGRAM / HELP — reply shapes of Redis 7.0.15.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../../helpers/server.js';
import { RawClient, plain } from '../../helpers/resp-client.js';
import { runSteps } from './wire.js';

describe('LATENCY', () => {
  let s: TestServer;
  let r: RawClient;
  const call = async (...args: string[]): Promise<unknown> => plain(await r.call(...args));

  before(async () => {
    s = await startServer(['--enable-debug-command', 'yes']);
    r = await RawClient.connect(s.port);
  });
  after(async () => {
    r.close();
    await s.stop();
  });

  test('the monitor samples calls at or over latency-monitor-threshold, as "command" or "fast-command"', async () => {
    assert.equal(await call('LATENCY', 'RESET'), 0);
    await call('DEBUG', 'SLEEP', '0.03');
    assert.deepEqual(await call('LATENCY', 'LATEST'), [], 'off at threshold 0');
    await call('CONFIG', 'SET', 'latency-monitor-threshold', '20');
    await call('DEBUG', 'SLEEP', '0.03');
    await call('PING');
    const latest = (await call('LATENCY', 'LATEST')) as [string, number, number, number][];
    assert.equal(latest.length, 1);
    const [event, time, last, max] = latest[0]!;
    assert.equal(event, 'command');
    assert.ok(Math.abs(time - Date.now() / 1000) < 5, String(time));
    assert.ok(last >= 30 && max >= last, `${last} ${max}`);
    const history = (await call('LATENCY', 'HISTORY', 'command')) as [number, number][];
    assert.equal(history.length, 1);
    assert.deepEqual(history[0], [time, last]);
    assert.deepEqual(await call('LATENCY', 'HISTORY', 'nosuch'), []);
    const graph = String(await call('LATENCY', 'GRAPH', 'command'));
    assert.match(graph, new RegExp(`^command - high ${last} ms, low ${last} ms \\(all time high ${max} ms\\)\n-{80}\n`));
    // One sample: a bottom mark under three empty rows, a blank row, then its age ("0s" or "1s") downwards.
    assert.match(graph, /\n \n \n \n_\n \n[01]\ns\n$/);
    assert.equal(await call('LATENCY', 'RESET', 'nosuch', 'command'), 1);
    assert.deepEqual(await call('LATENCY', 'LATEST'), []);
    await call('CONFIG', 'SET', 'latency-monitor-threshold', '0');
  });

  test('HISTOGRAM: calls and cumulative us buckets per command, subcommands with their container', async () => {
    await call('CONFIG', 'RESETSTAT');
    await call('SET', 'k', 'v');
    await call('SET', 'k', 'w');
    await call('CONFIG', 'GET', 'maxmemory');
    const h = (await call('LATENCY', 'HISTOGRAM', 'set', 'nosuch', 'config')) as unknown[];
    // CONFIG RESETSTAT is timed once it returns, so its own histogram is there too (as in Redis).
    assert.deepEqual(h.filter((_, i) => i % 2 === 0).sort(), ['config|get', 'config|resetstat', 'set']);
    const set = h[h.indexOf('set') + 1] as [string, number, string, number[]];
    assert.equal(set[0], 'calls');
    assert.equal(set[1], 2);
    assert.equal(set[2], 'histogram_usec');
    const buckets = set[3];
    assert.ok(buckets.length >= 2 && buckets.length % 2 === 0);
    for (let i = 2; i < buckets.length; i += 2) assert.ok(buckets[i]! > buckets[i - 2]! && buckets[i + 1]! > buckets[i - 1]!);
    assert.equal(buckets.at(-1), 2);
    assert.deepEqual(await call('LATENCY', 'HISTOGRAM', 'nosuch'), []);
    assert.deepEqual(((await call('LATENCY', 'HISTOGRAM', 'CONFIG|GET')) as unknown[])[0], 'config|get');
    // Without names: every command with data, itself included once it ran.
    const all = (await call('LATENCY', 'HISTOGRAM')) as unknown[];
    assert.ok(all.includes('set') && all.includes('config|get') && all.includes('latency|histogram'));
  });

  test('HISTOGRAM is a map in RESP3', async () => {
    const c = await RawClient.connect(s.port);
    await c.call('HELLO', '3');
    await c.call('SET', 'k', 'v');
    const text = await (async () => {
      c.write('*3\r\n$7\r\nLATENCY\r\n$9\r\nHISTOGRAM\r\n$3\r\nset\r\n');
      return c.readText();
    })();
    assert.match(text, /^%1\r\n\$3\r\nset\r\n%2\r\n\$5\r\ncalls\r\n:\d+\r\n\$14\r\nhistogram_usec\r\n%\d+\r\n(:\d+\r\n:\d+\r\n)+$/);
    c.close();
  });

  test('errors and HELP', () =>
    runSteps(s.port, [
      [['LATENCY', 'HISTORY'], "-ERR wrong number of arguments for 'latency|history' command\r\n"],
      [['LATENCY', 'LATEST', 'x'], "-ERR wrong number of arguments for 'latency|latest' command\r\n"],
      [['LATENCY', 'foo'], "-ERR unknown subcommand 'foo'. Try LATENCY HELP.\r\n"],
      [['LATENCY', 'GRAPH', 'nosuch'], "-ERR No samples available for event 'nosuch'\r\n"],
      [['LATENCY', 'DOCTOR', 'x'], "-ERR wrong number of arguments for 'latency|doctor' command\r\n"],
      [
        ['LATENCY', 'HELP'],
        '*17\r\n+LATENCY <subcommand> [<arg> [value] [opt] ...]. Subcommands are:\r\n' +
          '+DOCTOR\r\n+    Return a human readable latency analysis report.\r\n' +
          '+GRAPH <event>\r\n+    Return an ASCII latency graph for the <event> class.\r\n' +
          '+HISTORY <event>\r\n+    Return time-latency samples for the <event> class.\r\n' +
          '+LATEST\r\n+    Return the latest latency samples for all events.\r\n' +
          '+RESET [<event> ...]\r\n+    Reset latency data of one or more <event> classes.\r\n+    (default: reset all data for all event classes)\r\n' +
          '+HISTOGRAM [COMMAND ...]\r\n' +
          '+    Return a cumulative distribution of latencies in the format of a histogram for the specified command names.\r\n' +
          '+    If no commands are specified then all histograms are replied.\r\n' +
          '+HELP\r\n+    Prints this help.\r\n',
      ],
    ]));
});
