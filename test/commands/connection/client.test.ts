// CLIENT ID | SETNAME | GETNAME | INFO | LIST | NO-EVICT | GETREDIR | TRACKINGINFO | HELP — replies from Redis 7.0.15.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../../helpers/server.js';
import { Wire, runSteps } from '../server/wire.js';

const BAD_NAME = '-ERR Client names cannot contain spaces, newlines or special characters.\r\n';

/** The fields of a CLIENT LIST line, in Redis 7.0's order. */
const LINE =
  /^id=(\d+) addr=\S+:\d+ laddr=\S+:\d+ fd=-?\d+ name=(\S*) age=\d+ idle=\d+ flags=\w+ db=\d+ sub=\d+ psub=\d+ ssub=\d+ multi=-?\d+ qbuf=\d+ qbuf-free=\d+ argv-mem=\d+ multi-mem=\d+ rbs=\d+ rbp=\d+ obl=\d+ oll=\d+ omem=\d+ tot-mem=\d+ events=r?w? cmd=\S+ user=default redir=-1 resp=[23]$/;

/** The lines of a CLIENT LIST / CLIENT INFO bulk reply. */
function lines(reply: string): string[] {
  const m = /^\$(\d+)\r\n/.exec(reply);
  assert.ok(m, `not a bulk string: ${reply}`);
  const body = reply.slice(m[0].length, m[0].length + Number(m[1]));
  assert.ok(body === '' || body.endsWith('\n'), 'each line ends with \\n');
  return body.split('\n').slice(0, -1);
}

describe('CLIENT', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer();
  });
  after(() => s.stop());

  test('CLIENT ID returns a different positive id per connection', async () => {
    const a = await Wire.connect(s.port);
    const b = await Wire.connect(s.port);
    const ia = Number((await a.call('CLIENT', 'ID')).slice(1));
    const ib = Number((await b.call('CLIENT', 'ID')).slice(1));
    assert.ok(ia > 0 && ib > ia);
    a.close();
    b.close();
  });

  test('CLIENT GETNAME should return NIL if name is not assigned', () => runSteps(s.port, [[['CLIENT', 'GETNAME'], '$-1\r\n']]));

  test('CLIENT SETNAME can assign a name to this connection', () =>
    runSteps(s.port, [
      [['CLIENT', 'SETNAME', 'myname'], '+OK\r\n'],
      [['CLIENT', 'GETNAME'], '$6\r\nmyname\r\n'],
      [['client', 'setname', 'x!~{}'], '+OK\r\n'],
      [['CLIENT', 'GETNAME'], '$5\r\nx!~{}\r\n'],
    ]));

  test('CLIENT SETNAME can change the name of an existing connection, and an empty name removes it', () =>
    runSteps(s.port, [
      [['CLIENT', 'SETNAME', 'someothername'], '+OK\r\n'],
      [['CLIENT', 'SETNAME', 'another'], '+OK\r\n'],
      [['CLIENT', 'GETNAME'], '$7\r\nanother\r\n'],
      [['CLIENT', 'SETNAME', ''], '+OK\r\n'],
      [['CLIENT', 'GETNAME'], '$-1\r\n'],
    ]));

  test('CLIENT SETNAME does not accept spaces, newlines or special characters', () =>
    runSteps(s.port, [
      [['CLIENT', 'SETNAME', 'foo bar'], BAD_NAME],
      [['CLIENT', 'SETNAME', 'foo\nbar'], BAD_NAME],
      [['CLIENT', 'SETNAME', 'caf\xe9'], BAD_NAME],
      [['CLIENT', 'SETNAME', '\x7f'], BAD_NAME],
      [['CLIENT', 'GETNAME'], '$-1\r\n'],
      [['CLIENT', 'SETNAME'], "-ERR wrong number of arguments for 'client|setname' command\r\n"],
      [['CLIENT', 'SETNAME', 'a', 'b'], "-ERR wrong number of arguments for 'client|setname' command\r\n"],
    ]));

  test('CLIENT LIST and CLIENT INFO show Redis 7.0 fields', async () => {
    const c = await Wire.connect(s.port);
    assert.equal(await c.call('CLIENT', 'SETNAME', 'lister'), '+OK\r\n');
    const id = (await c.call('CLIENT', 'ID')).slice(1, -2);
    const info = lines(await c.call('CLIENT', 'INFO'));
    assert.equal(info.length, 1);
    const m = LINE.exec(info[0]!);
    assert.ok(m, info[0]);
    assert.equal(m[1], id);
    assert.equal(m[2], 'lister');
    const all = lines(await c.call('CLIENT', 'LIST'));
    for (const l of all) assert.match(l, LINE);
    assert.ok(all.some((l) => l.startsWith(`id=${id} `)));
    c.close();
  });

  test('CLIENT INFO and CLIENT LIST are verbatim strings in RESP3', async () => {
    const c = await Wire.connect(s.port);
    await c.call('HELLO', '3');
    assert.match(await c.call('CLIENT', 'INFO'), /^=\d+\r\ntxt:id=\d+ addr=.* resp=3\n\r\n$/);
    assert.match(await c.call('CLIENT', 'LIST', 'TYPE', 'normal'), /^=\d+\r\ntxt:id=/);
    assert.equal(await c.call('CLIENT', 'LIST', 'ID', '999999'), '=4\r\ntxt:\r\n');
    c.close();
  });

  test('CLIENT LIST with IDs', async () => {
    const a = await Wire.connect(s.port);
    const b = await Wire.connect(s.port);
    const ia = (await a.call('CLIENT', 'ID')).slice(1, -2);
    const ib = (await b.call('CLIENT', 'ID')).slice(1, -2);
    const got = lines(await a.call('CLIENT', 'LIST', 'ID', ib, '999999', ia));
    // In the order asked, unknown ids skipped.
    assert.deepEqual(
      got.map((l) => l.split(' ')[0]),
      [`id=${ib}`, `id=${ia}`],
    );
    a.close();
    b.close();
  });

  test('CLIENT LIST TYPE filters by client type', async () => {
    const c = await Wire.connect(s.port);
    assert.ok(lines(await c.call('CLIENT', 'LIST', 'TYPE', 'NORMAL')).length >= 1);
    for (const t of ['master', 'replica', 'slave', 'pubsub']) assert.equal(await c.call('CLIENT', 'LIST', 'TYPE', t), '$0\r\n\r\n');
    c.close();
  });

  test('CLIENT LIST errors', () =>
    runSteps(s.port, [
      [['CLIENT', 'LIST', 'TYPE', 'foo'], "-ERR Unknown client type 'foo'\r\n"],
      [['CLIENT', 'LIST', 'TYPE'], '-ERR syntax error\r\n'],
      [['CLIENT', 'LIST', 'ID'], '-ERR syntax error\r\n'],
      [['CLIENT', 'LIST', 'foo'], '-ERR syntax error\r\n'],
      [['CLIENT', 'LIST', 'TYPE', 'normal', 'x'], '-ERR syntax error\r\n'],
      [['CLIENT', 'LIST', 'ID', '1', 'abc'], '-ERR Invalid client ID\r\n'],
    ]));

  test('CLIENT NO-EVICT', () =>
    runSteps(s.port, [
      [['CLIENT', 'NO-EVICT', 'on'], '+OK\r\n'],
      [['CLIENT', 'NO-EVICT', 'OFF'], '+OK\r\n'],
      [['CLIENT', 'NO-EVICT', 'maybe'], '-ERR syntax error\r\n'],
      [['CLIENT', 'NO-EVICT'], "-ERR wrong number of arguments for 'client|no-evict' command\r\n"],
    ]));

  test('CLIENT GETREDIR and CLIENT TRACKINGINFO report tracking off', async () => {
    await runSteps(s.port, [
      [['CLIENT', 'GETREDIR'], ':-1\r\n'],
      [['CLIENT', 'TRACKINGINFO'], '*6\r\n$5\r\nflags\r\n*1\r\n$3\r\noff\r\n$8\r\nredirect\r\n:-1\r\n$8\r\nprefixes\r\n*0\r\n'],
    ]);
    const c = await Wire.connect(s.port);
    await c.call('HELLO', '3');
    assert.equal(await c.call('CLIENT', 'TRACKINGINFO'), '%3\r\n$5\r\nflags\r\n~1\r\n$3\r\noff\r\n$8\r\nredirect\r\n:-1\r\n$8\r\nprefixes\r\n*0\r\n');
    c.close();
  });

  test('CLIENT container errors', () =>
    runSteps(s.port, [
      [['CLIENT'], "-ERR wrong number of arguments for 'client' command\r\n"],
      [['CLIENT', 'foo'], "-ERR unknown subcommand 'foo'. Try CLIENT HELP.\r\n"],
      [['CLIENT', 'ID', 'x'], "-ERR wrong number of arguments for 'client|id' command\r\n"],
      [['CLIENT', 'GETNAME', 'x'], "-ERR wrong number of arguments for 'client|getname' command\r\n"],
    ]));

  test('CLIENT HELP lists the subcommands with Redis help lines', async () => {
    const c = await Wire.connect(s.port);
    const help = await c.call('CLIENT', 'HELP');
    assert.match(help, /^\*43\r\n\+CLIENT <subcommand> \[<arg> \[value\] \[opt\] \.\.\.\]\. Subcommands are:\r\n\+GETREDIR\r\n/);
    assert.ok(help.includes('+KILL <option> <value> [<option> <value> [...]]\r\n+    Kill connections. Options are:\r\n'));
    assert.ok(help.includes('+UNBLOCK <clientid> [TIMEOUT|ERROR]\r\n+    Unblock the specified blocked client.\r\n'));
    assert.ok(help.includes('+UNPAUSE\r\n+    Stop the current client pause, resuming traffic.\r\n+PAUSE <timeout> [WRITE|ALL]\r\n+    Suspend all, or just write, clients for <timeout> milliseconds.\r\n+REPLY'));
    assert.ok(help.endsWith('+NO-EVICT (ON|OFF)\r\n+    Protect current client connection from eviction.\r\n+HELP\r\n+    Prints this help.\r\n'));
    c.close();
  });
});
