import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RespWriter } from '../../../src/protocol/resp/writer.js';
import { formatDouble } from '../../../src/protocol/resp/double.js';

function capture(resp: 2 | 3, fill: (w: RespWriter) => void): string {
  const chunks: Buffer[] = [];
  const w = new RespWriter((c) => chunks.push(Buffer.from(c)) < 0);
  w.resp = resp;
  fill(w);
  w.flush();
  return Buffer.concat(chunks).toString('latin1');
}

test('simple replies are encoded as Redis encodes them', () => {
  assert.equal(capture(2, (w) => w.ok()), '+OK\r\n');
  assert.equal(capture(2, (w) => w.simple('PONG')), '+PONG\r\n');
  assert.equal(capture(2, (w) => w.error('ERR syntax error')), '-ERR syntax error\r\n');
  assert.equal(capture(2, (w) => w.int(0)), ':0\r\n');
  assert.equal(capture(2, (w) => w.int(-42)), ':-42\r\n');
  assert.equal(capture(2, (w) => w.int(9007199254740991)), ':9007199254740991\r\n');
  assert.equal(capture(2, (w) => w.bigint(-9223372036854775808n)), ':-9223372036854775808\r\n');
});

test('bulk strings keep every byte, including empty and binary ones', () => {
  assert.equal(capture(2, (w) => w.bulk(Buffer.alloc(0))), '$0\r\n\r\n');
  assert.equal(capture(2, (w) => w.bulk(Buffer.from([0, 13, 10, 255]))), '$4\r\n\x00\r\n\xff\r\n');
  assert.equal(capture(2, (w) => w.bulk(Buffer.from('abcdef'), 2, 4)), '$2\r\ncd\r\n');
  assert.equal(capture(2, (w) => w.bulkStr('k\xff')), '$2\r\nk\xff\r\n');
  assert.equal(capture(2, (w) => w.bulkInt(-1234567890123)), '$14\r\n-1234567890123\r\n');
  assert.equal(capture(2, (w) => w.bulkInt(0)), '$1\r\n0\r\n');
});

test('a value of 64 KiB or more is handed to the socket without a copy, in order', () => {
  const big = Buffer.alloc(70000, 120);
  const chunks: Buffer[] = [];
  const w = new RespWriter((c) => chunks.push(c) < 0);
  w.simple('A');
  w.bulk(big);
  w.simple('B');
  w.flush();
  assert.equal(chunks.length, 3);
  assert.equal(chunks[1], big);
  assert.equal(Buffer.concat(chunks).toString('latin1'), `+A\r\n$70000\r\n${'x'.repeat(70000)}\r\n+B\r\n`);
});

test('nulls, maps, sets, doubles and booleans differ between RESP2 and RESP3', () => {
  assert.equal(capture(2, (w) => w.nil()), '$-1\r\n');
  assert.equal(capture(3, (w) => w.nil()), '_\r\n');
  assert.equal(capture(2, (w) => w.nilArray()), '*-1\r\n');
  assert.equal(capture(3, (w) => w.nilArray()), '_\r\n');
  assert.equal(capture(2, (w) => w.map(2)), '*4\r\n');
  assert.equal(capture(3, (w) => w.map(2)), '%2\r\n');
  assert.equal(capture(2, (w) => w.set(3)), '*3\r\n');
  assert.equal(capture(3, (w) => w.set(3)), '~3\r\n');
  assert.equal(capture(2, (w) => w.push(3)), '*3\r\n');
  assert.equal(capture(3, (w) => w.push(3)), '>3\r\n');
  assert.equal(capture(2, (w) => w.double(1.5)), '$3\r\n1.5\r\n');
  assert.equal(capture(3, (w) => w.double(1.5)), ',1.5\r\n');
  assert.equal(capture(3, (w) => w.double(-Infinity)), ',-inf\r\n');
  assert.equal(capture(2, (w) => w.bool(true)), ':1\r\n');
  assert.equal(capture(3, (w) => w.bool(false)), '#f\r\n');
  assert.equal(capture(2, (w) => w.verbatim('hi')), '$2\r\nhi\r\n');
  assert.equal(capture(3, (w) => w.verbatim('hi')), '=6\r\ntxt:hi\r\n');
});

test('an array of unknown length gets its header written afterwards', () => {
  assert.equal(
    capture(2, (w) => {
      const t = w.beginArray();
      w.bulkStr('a');
      w.int(1);
      w.endArray(t, 2);
    }),
    '*2\r\n$1\r\na\r\n:1\r\n',
  );
  assert.equal(capture(2, (w) => w.endArray(w.beginArray(), 0)), '*0\r\n');
});

test('replies can be switched off without losing the error count', () => {
  const out = capture(2, (w) => {
    w.enabled = false;
    w.ok();
    w.error('ERR x');
    w.enabled = true;
    w.int(5);
    assert.equal(w.errors, 1);
  });
  assert.equal(out, ':5\r\n');
});

test('doubles print like printf %.17g', () => {
  const cases: [number, string][] = [
    [0.1, '0.10000000000000001'],
    [1, '1'],
    [-2.5, '-2.5'],
    [1e21, '1e+21'],
    [1.5e-7, '1.4999999999999999e-07'],
    [123456789012345680000, '1.2345678901234568e+20'],
    [0.0001, '0.0001'],
    [3.0e-5, '3.0000000000000001e-05'],
    [Infinity, 'inf'],
    [0, '0'],
  ];
  for (const [d, s] of cases) assert.equal(formatDouble(d), s, String(d));
});
