import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ParseResult, RespParser } from '../../../src/protocol/resp/parser.js';

const limits = () => ({ maxBulkLen: 512 * 1024 * 1024, queryBufferLimit: 1024 * 1024 * 1024 });

/** Feeds chunks and returns every command as string arrays, or the protocol error. */
function parseAll(chunks: Buffer[], parser = new RespParser(limits())): (string[] | { error: string })[] {
  const out: (string[] | { error: string })[] = [];
  for (const c of chunks) {
    parser.feed(c);
    for (;;) {
      const r = parser.next();
      if (r === ParseResult.NEED_MORE) break;
      if (r === ParseResult.ERROR) {
        out.push({ error: parser.error });
        return out;
      }
      const args: string[] = [];
      for (let i = 0; i < parser.argc; i++) args.push(parser.buf.latin1Slice(parser.offs[i]!, parser.offs[i]! + parser.lens[i]!));
      out.push(args);
    }
  }
  return out;
}

const b = (s: string) => Buffer.from(s, 'latin1');

test('a multibulk command is parsed into its arguments', () => {
  assert.deepEqual(parseAll([b('*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$5\r\nhello\r\n')]), [['SET', 'k', 'hello']]);
});

test('empty and binary arguments keep every byte', () => {
  const bin = '\x00\r\n\xff$*';
  assert.deepEqual(parseAll([b(`*3\r\n$3\r\nSET\r\n$0\r\n\r\n$${bin.length}\r\n${bin}\r\n`)]), [['SET', '', bin]]);
});

test('a pipeline of commands yields each command in order', () => {
  const one = '*1\r\n$4\r\nPING\r\n';
  assert.deepEqual(parseAll([b(one.repeat(5) + 'PING\r\n')]), Array(6).fill(['PING']));
});

test('every split point of a pipelined stream gives the same commands', () => {
  const stream = b('*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$10\r\n0123456789\r\n*2\r\n$3\r\nGET\r\n$3\r\nkey\r\nECHO "a b"\r\n*0\r\n*1\r\n$0\r\n\r\n');
  const expected = [['SET', 'key', '0123456789'], ['GET', 'key'], ['ECHO', 'a b'], ['']];
  for (let i = 0; i <= stream.length; i++) {
    assert.deepEqual(parseAll([Buffer.from(stream.subarray(0, i)), Buffer.from(stream.subarray(i))]), expected, `split at ${i}`);
  }
  for (let i = 1; i < stream.length; i++) {
    for (let j = i; j <= stream.length; j++) {
      // Copies, because the inline splitter unescapes in place.
      const parts = [Buffer.from(stream.subarray(0, i)), Buffer.from(stream.subarray(i, j)), Buffer.from(stream.subarray(j))];
      assert.deepEqual(parseAll(parts), expected, `split at ${i},${j}`);
    }
  }
});

test('a stream fed one byte at a time parses fully', () => {
  const stream = b('*2\r\n$4\r\nECHO\r\n$20\r\n01234567890123456789\r\n'.repeat(3));
  const chunks = [...stream].map((x) => Buffer.from([x]));
  assert.deepEqual(parseAll(chunks), Array(3).fill(['ECHO', '01234567890123456789']));
});

test('a large bulk split across many reads is assembled once', () => {
  const value = 'x'.repeat(1024 * 1024);
  const stream = b(`*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$${value.length}\r\n${value}\r\n`);
  const chunks: Buffer[] = [];
  for (let i = 0; i < stream.length; i += 65536) chunks.push(stream.subarray(i, i + 65536));
  const out = parseAll(chunks);
  assert.equal(out.length, 1);
  assert.equal((out[0] as string[])[2]!.length, value.length);
});

test('inline commands split on spaces and honour quotes and escapes', () => {
  assert.deepEqual(parseAll([b('set  k   "a\\x41\\n\\"b"  \'it\\\'s\'\r\n')]), [['set', 'k', 'aA\n"b', "it's"]]);
  assert.deepEqual(parseAll([b('PING\n')]), [['PING']]);
  assert.deepEqual(parseAll([b('\r\n\n  \r\nPING\r\n')]), [['PING']]);
});

test('unbalanced quotes in an inline command are a protocol error', () => {
  assert.deepEqual(parseAll([b('set k "abc\r\n')]), [{ error: 'unbalanced quotes in request' }]);
  assert.deepEqual(parseAll([b('set k "abc"x\r\n')]), [{ error: 'unbalanced quotes in request' }]);
});

test('protocol errors carry Redis texts', () => {
  assert.deepEqual(parseAll([b('*x\r\n')]), [{ error: 'invalid multibulk length' }]);
  assert.deepEqual(parseAll([b('*3000000000\r\n')]), [{ error: 'invalid multibulk length' }]);
  assert.deepEqual(parseAll([b('*1\r\nx3\r\n')]), [{ error: "expected '$', got 'x'" }]);
  assert.deepEqual(parseAll([b('*1\r\n$-1\r\n')]), [{ error: 'invalid bulk length' }]);
  assert.deepEqual(parseAll([b('*1\r\n$abc\r\n')]), [{ error: 'invalid bulk length' }]);
  assert.deepEqual(parseAll([b('*1\r\n$' + '9'.repeat(30) + '\r\n')]), [{ error: 'invalid bulk length' }]);
});

test('a bulk longer than proto-max-bulk-len is refused', () => {
  const p = new RespParser({ maxBulkLen: 10, queryBufferLimit: 1 << 30 });
  assert.deepEqual(parseAll([b('*1\r\n$11\r\n')], p), [{ error: 'invalid bulk length' }]);
  const q = new RespParser({ maxBulkLen: 10, queryBufferLimit: 1 << 30 });
  assert.deepEqual(parseAll([b('*1\r\n$10\r\n0123456789\r\n')], q), [['0123456789']]);
});

test('unauthenticated clients get the small limits', () => {
  const p = new RespParser(limits());
  p.authRequired = true;
  assert.deepEqual(parseAll([b('*11\r\n')], p), [{ error: 'unauthenticated multibulk length' }]);
  const q = new RespParser(limits());
  q.authRequired = true;
  assert.deepEqual(parseAll([b('*1\r\n$16385\r\n')], q), [{ error: 'unauthenticated bulk length' }]);
});

test('headers and inline lines longer than 64 KiB are refused', () => {
  assert.deepEqual(parseAll([b('*' + '1'.repeat(70000))]), [{ error: 'too big mbulk count string' }]);
  assert.deepEqual(parseAll([b('*1\r\n$' + '1'.repeat(70000))]), [{ error: 'too big bulk count string' }]);
  assert.deepEqual(parseAll([b('a'.repeat(70000))]), [{ error: 'too big inline request' }]);
});

test('empty and negative multibulk counts are skipped', () => {
  assert.deepEqual(parseAll([b('*0\r\n*-1\r\n*1\r\n$4\r\nPING\r\n')]), [['PING']]);
});

test('the query buffer limit stops a client that never completes a frame', () => {
  const p = new RespParser({ maxBulkLen: 1 << 30, queryBufferLimit: 1000 });
  assert.equal(p.feed(b('*1\r\n$5000\r\n')), true);
  p.next();
  assert.equal(p.feed(Buffer.alloc(2000, 97)), false);
});
