import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { ParseResult, RespParser } from '../../../src/protocol/resp/parser.js';

const limits = () => ({ maxBulkLen: 512 * 1024 * 1024, queryBufferLimit: 1024 * 1024 * 1024 });
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function frame(args: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const a of args) {
    const v = typeof a === 'string' ? Buffer.from(a, 'latin1') : a;
    parts.push(Buffer.from(`$${v.length}\r\n`), v, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

function pattern(n: number, seed: number): Buffer {
  const v = Buffer.allocUnsafe(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    v[i] = x & 255;
  }
  // CR, LF and NUL inside the value must not confuse anything.
  v.write('\r\n\0$*', n >> 1, 'latin1');
  return v;
}

/** Feeds the chunks; each command is given as argument hashes (big) or text (small). */
function parseAll(chunks: Buffer[], parser = new RespParser(limits()), onCommand?: (p: RespParser) => void): string[][] {
  const out: string[][] = [];
  for (const c of chunks) {
    assert.ok(parser.feed(c));
    for (;;) {
      const r = parser.next();
      if (r === ParseResult.NEED_MORE) break;
      assert.notEqual(r, ParseResult.ERROR, parser.error);
      const args: string[] = [];
      for (let i = 0; i < parser.argc; i++) {
        const s = parser.offs[i]!;
        const e = s + parser.lens[i]!;
        args.push(e - s > 64 ? `#${e - s}:${sha(parser.buf.subarray(s, e))}` : parser.buf.latin1Slice(s, e));
      }
      onCommand?.(parser);
      out.push(args);
    }
  }
  return out;
}

function expected(args: (string | Buffer)[]): string[] {
  return args.map((a) => (typeof a === 'string' ? a : a.length > 64 ? `#${a.length}:${sha(a)}` : a.toString('latin1')));
}

const big = pattern(40_000, 7);
const cmds: (string | Buffer)[][] = [
  ['SET', 'key', big, 'EX', '100'],
  ['GET', 'key'],
  ['SET', 'k2', pattern(50_000, 9)],
  ['PING'],
];
const stream = Buffer.concat(cmds.map(frame));
const want = cmds.map(expected);

/** Offsets where a split is awkward: every byte near a header, a value's ends, a CR/LF pair. */
function awkwardOffsets(): number[] {
  const at = new Set<number>();
  let p = 0;
  for (const c of cmds) {
    const f = frame(c);
    let q = p;
    const header = `*${c.length}\r\n`.length;
    for (let i = 0; i <= header; i++) at.add(q + i);
    q += header;
    for (const a of c) {
      const len = typeof a === 'string' ? a.length : a.length;
      const h = `$${len}\r\n`.length;
      for (let i = -2; i <= h + 2; i++) at.add(q + i);
      for (let i = -2; i <= 3; i++) at.add(q + h + len + i);
      q += h + len + 2;
    }
    p += f.length;
  }
  return [...at].filter((x) => x > 0 && x < stream.length).sort((a, b) => a - b);
}

test('big bulks split at every awkward byte boundary parse to the same commands', () => {
  const offsets = awkwardOffsets();
  assert.ok(offsets.length > 100);
  for (const a of offsets) {
    assert.deepEqual(parseAll([stream.subarray(0, a), stream.subarray(a)]), want, `split at ${a}`);
  }
});

test('big bulks fed in reads of every size from 1 byte to 64 KiB parse to the same commands', () => {
  for (const size of [1, 2, 3, 7, 1000, 4096, 16 * 1024 + 1, 32 * 1024, 65536]) {
    const chunks: Buffer[] = [];
    for (let p = 0; p < stream.length; p += size) chunks.push(stream.subarray(p, p + size));
    assert.deepEqual(parseAll(chunks), want, `reads of ${size}`);
  }
});

test('a read that runs past a big frame is held back and parsed right after it', () => {
  const parser = new RespParser(limits());
  const first = frame(cmds[0]!);
  // The first read brings the header and a little of the value; the second the rest plus the next commands.
  const cut = 100;
  assert.deepEqual(parseAll([stream.subarray(0, cut)], parser), []);
  // As Redis's qbuf: the parsed headers are gone, the value bytes so far remain.
  assert.equal(parser.queryBufferLength, cut - '*5\r\n$3\r\nSET\r\n$3\r\nkey\r\n$40000\r\n'.length);
  assert.deepEqual(parseAll([stream.subarray(cut, first.length + 300)], parser), want.slice(0, 2));
  assert.deepEqual(parseAll([stream.subarray(first.length + 300)], parser), want.slice(2));
  assert.equal(parser.queryBufferLength, 0);
});

test('a donated value keeps its bytes while the parser goes on with later frames', () => {
  const parser = new RespParser(limits());
  const kept: Buffer[] = [];
  const chunks: Buffer[] = [];
  const twice = Buffer.concat([stream, stream]);
  for (let p = 0; p < twice.length; p += 4096) chunks.push(twice.subarray(p, p + 4096));
  const got = parseAll(chunks, parser, (p) => {
    if (p.argc >= 3 && p.lens[2]! > 32 * 1024) {
      const v = p.donate(p.offs[2]!, p.offs[2]! + p.lens[2]!);
      assert.ok(v !== null, 'a value alone in its buffer can be donated');
      kept.push(v);
      // A second donation of the same buffer is refused: it is no longer the parser's.
      assert.equal(p.donate(p.offs[2]!, p.offs[2]! + p.lens[2]!), null);
    }
  });
  assert.deepEqual(got, [...want, ...want]);
  assert.equal(kept.length, 4);
  assert.deepEqual(kept.map(sha), [sha(big), sha(cmds[2]![2] as Buffer), sha(big), sha(cmds[2]![2] as Buffer)]);
});

test('a value inside a socket read is never donated (the read buffer is not the parser s to give)', () => {
  const parser = new RespParser(limits());
  const f = frame(['SET', 'k', pattern(40_000, 3)]);
  let donated: Buffer | null | undefined;
  parseAll([f], parser, (p) => {
    donated = p.donate(p.offs[2]!, p.offs[2]! + p.lens[2]!);
  });
  assert.equal(donated, null);
});

test('a blocked client s held input keeps the part of a read that ran past a big frame', () => {
  const parser = new RespParser(limits());
  const first = frame(cmds[0]!);
  parseAll([stream.subarray(0, 100)], parser);
  parser.feed(stream.subarray(100, first.length + 300));
  assert.equal(parser.next(), ParseResult.COMMAND);
  // The client blocks here: what follows waits in the query buffer, then a later read appends to it.
  parser.hold();
  assert.equal(parser.queryBufferLength, 300);
  assert.deepEqual(parseAll([stream.subarray(first.length + 300)], parser), want.slice(1));
});

test('a bulk longer than proto-max-bulk-len is refused with invalid bulk length', () => {
  const parser = new RespParser({ maxBulkLen: 1024 * 1024, queryBufferLimit: 1024 * 1024 * 1024 });
  parser.feed(Buffer.from(`*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$${1024 * 1024 + 1}\r\n`));
  assert.equal(parser.next(), ParseResult.ERROR);
  assert.equal(parser.error, 'invalid bulk length');
  const ok = new RespParser({ maxBulkLen: 1024 * 1024, queryBufferLimit: 1024 * 1024 * 1024 });
  ok.feed(Buffer.from(`*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$${1024 * 1024}\r\n`));
  assert.equal(ok.next(), ParseResult.NEED_MORE);
});

test('a big bulk read straight into directTarget() is parsed with no copy, and the frame after it is fed as usual', () => {
  const p = new RespParser(limits());
  const value = pattern(300_000, 9);
  const bytes = Buffer.concat([frame(['SET', 'k', value, 'EX', '10']), frame(['GET', 'k'])]);
  // The first read carries the header and a little of the value.
  assert.equal(p.feed(bytes.subarray(0, 5000)), true);
  assert.equal(p.next(), ParseResult.NEED_MORE);
  let at = 5000;
  let direct = 0;
  for (;;) {
    const target = p.directTarget();
    if (target === null) break;
    const n = Math.min(target.length, 65536, bytes.length - at);
    bytes.copy(target, 0, at, at + n);
    assert.equal(p.commit(n), true);
    at += n;
    direct++;
    if (p.next() === ParseResult.COMMAND) break;
  }
  assert.ok(direct >= 4, `reads landed directly ${direct} times`);
  // The value's frame is complete; its trailing arguments come in a normal read.
  let r = p.next();
  if (r === ParseResult.NEED_MORE) {
    assert.equal(p.directTarget(), null, 'no direct target once the value is in');
    p.feed(bytes.subarray(at));
    at = bytes.length;
    r = p.next();
  }
  assert.equal(r, ParseResult.COMMAND);
  assert.equal(p.argc, 5);
  assert.equal(sha(p.buf.subarray(p.offs[2]!, p.offs[2]! + p.lens[2]!)), sha(value));
  assert.equal(p.buf.toString('latin1', p.offs[4]!, p.offs[4]! + p.lens[4]!), '10');
  const kept = p.donate(p.offs[2]!, p.offs[2]! + p.lens[2]!);
  assert.ok(kept !== null, 'the value buffer can be kept without a copy');
  if (at < bytes.length) p.feed(bytes.subarray(at));
  assert.equal(p.next(), ParseResult.COMMAND);
  assert.equal(p.buf.toString('latin1', p.offs[0]!, p.offs[0]! + p.lens[0]!), 'GET');
  assert.equal(sha(kept), sha(value));
});
