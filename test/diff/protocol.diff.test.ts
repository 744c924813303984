import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffFixture } from './harness.js';
import net from 'node:net';

const fx = diffFixture(0, 0);
const skip = fx.skip;
/** Sends raw bytes, then collects everything the server sends until it closes or goes quiet. */
function exchange(port: number, bytes: Buffer): Promise<{ reply: string; closed: boolean }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const s = net.connect({ port, host: '127.0.0.1' }, () => s.write(bytes));
    let done = false;
    const finish = (closed: boolean): void => {
      if (done) return;
      done = true;
      s.destroy();
      resolve({ reply: Buffer.concat(chunks).toString('latin1'), closed });
    };
    let quiet = setTimeout(() => finish(false), 300);
    s.on('data', (d) => {
      chunks.push(d);
      clearTimeout(quiet);
      quiet = setTimeout(() => finish(false), 150);
    });
    s.on('close', () => finish(true));
    s.on('error', () => finish(true));
  });
}

const CASES: [string, string][] = [
  ['a PING pipeline mixing multibulk and inline', '*1\r\n$4\r\nPING\r\nPING\r\nping hello\r\n'],
  ['an invalid multibulk length', '*x\r\n'],
  ['a multibulk length above INT_MAX', '*3000000000\r\n'],
  ['a negative multibulk length followed by a command', '*-5\r\n*1\r\n$4\r\nPING\r\n'],
  ['a missing dollar', '*1\r\n+PING\r\n'],
  ['a negative bulk length', '*1\r\n$-3\r\n'],
  ['a bulk length with a plus sign', '*1\r\n$+4\r\nPING\r\n'],
  ['a bulk length with a leading zero', '*1\r\n$04\r\nPING\r\n'],
  ['a bulk length above proto-max-bulk-len', '*1\r\n$600000000\r\n'],
  ['a bulk followed by garbage instead of CRLF', '*2\r\n$4\r\nECHOxx$1\r\nab\r\n'],
  ['an inline command with unbalanced quotes', 'ECHO "abc\r\n'],
  ['an inline command with a quote followed by a letter', 'ECHO "abc"d\r\n'],
  ['an inline command with hex escapes', 'ECHO "\\x41\\x42" \'it\\\'s\'\r\n'],
  ['an empty inline line then a command', '\r\n\r\nPING\r\n'],
  ['a bare LF inline command', 'PING\n'],
  ['an unknown command with many arguments', `NOPE ${'x'.repeat(200)} ${'y'.repeat(50)}\r\n`],
  ['an unknown command with CR in an argument', '*2\r\n$4\r\nNOPE\r\n$3\r\na\rb\r\n'],
  ['a wrong number of arguments', '*1\r\n$3\r\nGET\r\n'],
  ['a command in mixed case', '*2\r\n$4\r\nEcHo\r\n$2\r\nhi\r\n'],
  ['an empty command name', '*1\r\n$0\r\n\r\n'],
  ['commands after a protocol error are not run', '*1\r\n$4\r\nPING\r\n*1\r\nx\r\n*1\r\n$4\r\nPING\r\n'],
];

for (const [name, raw] of CASES) {
  test(`the server answers ${name} as redis-server does`, { skip }, async () => {
    const bytes = Buffer.from(raw, 'latin1');
    const [a, b] = await Promise.all([exchange(fx.redis.port, bytes), exchange(fx.nen.port, bytes)]);
    assert.deepEqual(b, a);
  });
}

test('a header line longer than 64 KiB is refused as redis-server refuses it', { skip }, async () => {
  const bytes = Buffer.from('*1\r\n$' + '1'.repeat(70000), 'latin1');
  const [a, b] = await Promise.all([exchange(fx.redis.port, bytes), exchange(fx.nen.port, bytes)]);
  assert.deepEqual(b, a);
});
