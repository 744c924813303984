// The AOF's byte formats: commands as RESP arrays, the multi-part manifest
// (Redis's quoting and refusal messages), and the frame reader's verdicts.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CommandBuffer, encodeCommand } from '../../../src/persistence/aof/encode.js';
import { formatManifest, parseManifest, ManifestError } from '../../../src/persistence/aof/manifest.js';
import { Frame, FrameReader } from '../../../src/persistence/aof/reader.js';

describe('AOF command encoding', () => {
  test('a command is a RESP array of bulk strings', () => {
    assert.equal(encodeCommand(['SET', 'k', Buffer.from('v'), 12, 9007199254740993n]).toString('latin1'),
      '*5\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n$2\r\n12\r\n$16\r\n9007199254740993\r\n');
  });

  test('empty and binary values are written as they are', () => {
    const bin = Buffer.from([0, 13, 10, 255]);
    assert.deepEqual(encodeCommand(['SET', '', bin]), Buffer.concat([Buffer.from('*3\r\n$3\r\nSET\r\n$0\r\n\r\n$4\r\n'), bin, Buffer.from('\r\n')]));
  });

  test('SELECT is written before the first command and whenever the database changes', () => {
    const b = new CommandBuffer();
    b.command(0, ['SET', 'a', '1']);
    b.command(0, ['SET', 'b', '2']);
    b.command(3, ['DEL', 'a']);
    b.command(-1, ['EXEC']);
    assert.equal(b.take().toString('latin1'),
      '*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n*3\r\n$3\r\nSET\r\n$1\r\na\r\n$1\r\n1\r\n*3\r\n$3\r\nSET\r\n$1\r\nb\r\n$1\r\n2\r\n' +
      '*2\r\n$6\r\nSELECT\r\n$1\r\n3\r\n*2\r\n$3\r\nDEL\r\n$1\r\na\r\n*1\r\n$4\r\nEXEC\r\n');
  });

  test('a huge value grows the buffer and survives a partial consume', () => {
    const b = new CommandBuffer();
    const big = Buffer.alloc(300_000, 7);
    b.command(0, ['SET', 'k', big]);
    const total = b.pending;
    b.consume(1000);
    assert.equal(b.pending, total - 1000);
    assert.equal(b.bytes().subarray(-3).toString('latin1'), '\x07\r\n');
  });
});

describe('AOF manifest', () => {
  test('is written as Redis 7.0 writes it: base, history, then incr files', () => {
    const text = formatManifest({
      base: { name: 'appendonly.aof.2.base.rdb', seq: 2, type: 'b' },
      history: [{ name: 'appendonly.aof.1.base.aof', seq: 1, type: 'h' }],
      incr: [{ name: 'appendonly.aof.3.incr.aof', seq: 3, type: 'i' }, { name: 'appendonly.aof.4.incr.aof', seq: 4, type: 'i' }],
    });
    assert.equal(text, 'file appendonly.aof.2.base.rdb seq 2 type b\nfile appendonly.aof.1.base.aof seq 1 type h\nfile appendonly.aof.3.incr.aof seq 3 type i\nfile appendonly.aof.4.incr.aof seq 4 type i\n');
    assert.deepEqual(parseManifest(text).incr.map((f) => f.seq), [3, 4]);
  });

  test('names with blanks, quotes or control bytes are quoted and parsed back', () => {
    const name = 'my "aof" file\t\x01.1.incr.aof';
    const text = formatManifest({ base: null, history: [], incr: [{ name, seq: 1, type: 'i' }] });
    assert.equal(text, 'file "my \\"aof\\" file\\t\\x01.1.incr.aof" seq 1 type i\n');
    assert.equal(parseManifest(text).incr[0]!.name, name);
  });

  test('comment lines are skipped and keys are case-insensitive', () => {
    const m = parseManifest('# hello\nFILE a.1.base.aof SEQ 1 TYPE b\n');
    assert.equal(m.base!.name, 'a.1.base.aof');
  });

  const bad: [string, string][] = [
    ['', 'Found an empty AOF manifest'],
    ['file a seq 1 type b', 'The AOF manifest file contains too long line'],
    ['\n', 'Invalid AOF manifest file format'],
    ['file a seq 1\n', 'Invalid AOF manifest file format'],
    ['file a seq 0 type i\n', 'Invalid AOF manifest file format'],
    ['file a/b seq 1 type i\n', "File can't be a path, just a filename"],
    ['file a seq 1 type b\nfile b seq 2 type b\n', 'Found duplicate base file information'],
    ['file a seq 2 type i\nfile b seq 2 type i\n', 'Found a non-monotonic sequence number'],
    ['file a seq 1 type x\n', 'Unknown AOF file type'],
    ['file "a seq 1 type i\n', 'Invalid AOF manifest file format'],
    [`file ${'a'.repeat(1100)} seq 1 type i\n`, 'The AOF manifest file contains too long line'],
  ];
  for (const [text, message] of bad) {
    test(`a bad manifest is refused with "${message}" (${JSON.stringify(text.slice(0, 30))})`, () => {
      assert.throws(() => parseManifest(text), (e: unknown) => e instanceof ManifestError && e.message === message);
    });
  }
});

describe('AOF frame reader', () => {
  const frame = Buffer.from('*2\r\n$3\r\nGET\r\n$1\r\nk\r\n');

  test('reads a complete command and its argument slices', () => {
    const r = new FrameReader();
    assert.equal(r.read(frame, 0, frame.length), Frame.OK);
    assert.equal(r.argc, 2);
    assert.equal(frame.latin1Slice(r.offs[0]!, r.offs[0]! + r.lens[0]!), 'GET');
    assert.equal(r.end, frame.length);
  });

  test('a frame cut at any byte is truncated, never bad', () => {
    const r = new FrameReader();
    for (let cut = 0; cut < frame.length; cut++) assert.equal(r.read(frame.subarray(0, cut), 0, cut), Frame.TRUNCATED, `cut at ${cut}`);
  });

  test('annotations are skipped', () => {
    const b = Buffer.from('#TS:1700000000\r\n');
    const r = new FrameReader();
    assert.equal(r.read(b, 0, b.length), Frame.SKIPPED);
    assert.equal(r.end, b.length);
  });

  for (const [name, text] of [
    ['a wrong type byte', 'garbage\r\n'],
    ['a zero argument count', '*0\r\n'],
    ['a bulk without $', '*1\r\n+GET\r\n'],
    ['a negative length', '*1\r\n$-1\r\n'],
    ['a bulk longer than declared', '*1\r\n$2\r\nGET\r\n'],
  ]) {
    test(`${name} is a bad frame`, () => {
      const b = Buffer.from(text!);
      assert.equal(new FrameReader().read(b, 0, b.length), Frame.BAD);
    });
  }
});
