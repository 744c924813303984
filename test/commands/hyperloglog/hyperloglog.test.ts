// HyperLogLog: PFADD, PFCOUNT and PFMERGE
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps.
import { runCases, type Case } from '../strings/harness.js';

/** prefix0, prefix1, ... prefix(n-1): distinct elements. */
const els = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

const cases: Case[] = [
  {
    name: 'PFADD without arguments creates an HLL value',
    steps: [
      [['PFADD', 'hll'], ':1\r\n'],
      [['EXISTS', 'hll'], ':1\r\n'],
      [['GET', 'hll'], '$18\r\nHYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x7f\xff\r\n'],
      [['TYPE', 'hll'], '+string\r\n'],
      [['OBJECT', 'ENCODING', 'hll'], '$3\r\nraw\r\n'],
      [['PFADD', 'hll'], ':0\r\n'],
    ],
  },
  {
    name: 'Approximated cardinality after creation is zero',
    steps: [
      [['PFADD', 'hll'], ':1\r\n'],
      [['PFCOUNT', 'hll'], ':0\r\n'],
      [['GET', 'hll'], '$18\r\nHYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x7f\xff\r\n'],
      [['PFCOUNT', 'nokey'], ':0\r\n'],
    ],
  },
  {
    name: 'PFADD returns 1 when at least 1 reg was modified',
    steps: [
      [['PFADD', 'hll', 'a', 'b', 'c'], ':1\r\n'],
      [['PFADD', 'hll', 'b', 'c', 'd'], ':1\r\n'],
      [['PFADD', 'hll', 'a', 'b', 'c'], ':0\r\n'],
      [['GET', 'hll'], '$30\r\nHYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\\{\x80Dv\x80P\xb1\x84K\xfb\x80BZ\r\n'],
    ],
  },
  {
    name: 'PFADD returns 0 when no reg was modified',
    steps: [
      [['PFADD', 'hll', 'a', 'b', 'c'], ':1\r\n'],
      [['PFADD', 'hll', 'a', 'b'], ':0\r\n'],
      [['PFADD', 'hll', 'c'], ':0\r\n'],
    ],
  },
  {
    name: 'PFADD works with empty string (regression)',
    steps: [
      [['PFADD', 'hll', ''], ':1\r\n'],
      [['PFCOUNT', 'hll'], ':1\r\n'],
      [['GET', 'hll'], '$21\r\nHYLL\x01\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00W1\x84h\xcc\r\n'],
    ],
  },
  {
    name: 'PFCOUNT returns approximated cardinality of set',
    steps: [
      [['PFADD', 'hll', '1', '2', '3', '4', '5'], ':1\r\n'],
      [['PFCOUNT', 'hll'], ':5\r\n'],
      [['PFADD', 'hll', '6', '7', '8', '8', '9', '10'], ':1\r\n'],
      [['PFCOUNT', 'hll'], ':10\r\n'],
      [['PFADD', 'big', ...els('e', 2000)], ':1\r\n'],
      [['PFCOUNT', 'big'], ':2000\r\n'],
      [['STRLEN', 'big'], ':12304\r\n'],
      [['GETRANGE', 'big', '0', '15'], '$16\r\nHYLL\x00\x00\x00\x00\xd0\x07\x00\x00\x00\x00\x00\x00\r\n'],
    ],
  },
  {
    name: 'PFCOUNT stores the cardinality it computed in the value',
    steps: [
      [['PFADD', 'hll', 'a', 'b', 'c'], ':1\r\n'],
      [['GETRANGE', 'hll', '8', '15'], '$8\r\n\x00\x00\x00\x00\x00\x00\x00\x80\r\n'],
      [['PFCOUNT', 'hll'], ':3\r\n'],
      [['GETRANGE', 'hll', '8', '15'], '$8\r\n\x03\x00\x00\x00\x00\x00\x00\x00\r\n'],
      [['PFADD', 'hll', 'x'], ':1\r\n'],
      [['GETRANGE', 'hll', '8', '15'], '$8\r\n\x03\x00\x00\x00\x00\x00\x00\x80\r\n'],
      [['PFCOUNT', 'hll'], ':4\r\n'],
    ],
  },
  {
    name: 'HyperLogLogs are promoted from sparse to dense',
    steps: [
      [['CONFIG', 'SET', 'hll-sparse-max-bytes', '3000'], '+OK\r\n'],
      [['PFADD', 'hll', ...els('a', 100)], ':1\r\n'],
      [['GETRANGE', 'hll', '4', '4'], '$1\r\n\x01\r\n'],
      [['STRLEN', 'hll'], ':286\r\n'],
      [['PFADD', 'hll', ...els('b', 1500)], ':1\r\n'],
      [['GETRANGE', 'hll', '4', '4'], '$1\r\n\x01\r\n'],
      [['STRLEN', 'hll'], ':2902\r\n'],
      [['PFCOUNT', 'hll'], ':1608\r\n'],
      [['GETRANGE', 'hll', '0', '40'], '$41\r\nHYLL\x01\x00\x00\x00H\x06\x00\x00\x00\x00\x00\x00\x05\x80\x00\x98\x1e\x80\x12\x88\f\x84\x13\x84\x07\x84\x16\x8c\x01\x89\x05\x88\x13\x80\n\x84\x05\r\n'],
    ],
  },
  {
    name: 'HyperLogLog sparse encoding stress test',
    steps: [
      [['CONFIG', 'SET', 'hll-sparse-max-bytes', '30'], '+OK\r\n'],
      [['PFADD', 's', 'a', 'b', 'c'], ':1\r\n'],
      [['GETRANGE', 's', '4', '4'], '$1\r\n\x01\r\n'],
      [['PFADD', 's', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'], ':1\r\n'],
      [['GETRANGE', 's', '4', '4'], '$1\r\n\x00\r\n'],
      [['STRLEN', 's'], ':12304\r\n'],
      [['PFCOUNT', 's'], ':12\r\n'],
      [['CONFIG', 'SET', 'hll-sparse-max-bytes', '3000'], '+OK\r\n'],
    ],
  },
  {
    name: 'Corrupted sparse HyperLogLogs are detected: Additional at tail',
    steps: [
      [['SET', 'hll', 'HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x7f\xff\x00'], '+OK\r\n'],
      [['PFCOUNT', 'hll'], '-INVALIDOBJ Corrupted HLL object detected\r\n'],
      [['PFADD', 'hll', 'a'], ':1\r\n'],
      [['PFMERGE', 'd', 'hll'], '-INVALIDOBJ Corrupted HLL object detected\r\n'],
      [['EXISTS', 'd'], ':0\r\n'],
    ],
  },
  {
    name: 'Corrupted sparse HyperLogLogs are detected: Broken magic',
    steps: [
      [['SET', 'hll', 'HYLX\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x7f\xff'], '+OK\r\n'],
      [['PFCOUNT', 'hll'], '-WRONGTYPE Key is not a valid HyperLogLog string value.\r\n'],
      [['PFADD', 'hll', 'a'], '-WRONGTYPE Key is not a valid HyperLogLog string value.\r\n'],
      [['SET', 'hll', 'HYLL\x02\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x7f\xff'], '+OK\r\n'],
      [['PFCOUNT', 'hll'], '-WRONGTYPE Key is not a valid HyperLogLog string value.\r\n'],
    ],
  },
  {
    name: 'Corrupted sparse HyperLogLogs are detected: Invalid encoding',
    steps: [
      [['SET', 'hll', 'HYLL\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x7f\xff'], '+OK\r\n'],
      [['PFCOUNT', 'hll'], '-WRONGTYPE Key is not a valid HyperLogLog string value.\r\n'],
      [['PFADD', 'hll', 'a'], '-WRONGTYPE Key is not a valid HyperLogLog string value.\r\n'],
      [['SET', 'hll', 'HYLL'], '+OK\r\n'],
      [['PFCOUNT', 'hll'], '-WRONGTYPE Key is not a valid HyperLogLog string value.\r\n'],
    ],
  },
  {
    name: 'Corrupted dense HyperLogLogs are detected: Wrong length',
    steps: [
      [['SET', 'hll', 'HYLL\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'], '+OK\r\n'],
      [['PFCOUNT', 'hll'], '-WRONGTYPE Key is not a valid HyperLogLog string value.\r\n'],
      [['PFMERGE', 'hll', 'x'], '-WRONGTYPE Key is not a valid HyperLogLog string value.\r\n'],
    ],
  },
  {
    name: 'Corrupted sparse HyperLogLogs are detected: a VAL opcode past the last register',
    steps: [
      [['SET', 'hll', 'HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x7f\xff\x80'], '+OK\r\n'],
      [['PFCOUNT', 'hll'], '-INVALIDOBJ Corrupted HLL object detected\r\n'],
      [['PFCOUNT', 'hll', 'hll'], '-INVALIDOBJ Corrupted HLL object detected\r\n'],
      [['PFMERGE', 'x', 'hll'], '-INVALIDOBJ Corrupted HLL object detected\r\n'],
      [['PFADD', 'hll', 'a', 'b'], ':1\r\n'],
      [['GET', 'hll'], '$25\r\nHYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80q\xa6\x84K\xfb\x80BZ\x80\r\n'],
    ],
  },
  {
    name: 'A valid cached cardinality is returned as stored',
    steps: [
      [['SET', 'hll', 'HYLL\x01\x00\x00\x00*\x00\x00\x00\x00\x00\x00\x00\x7f\xff'], '+OK\r\n'],
      [['OBJECT', 'ENCODING', 'hll'], '$6\r\nembstr\r\n'],
      [['PFCOUNT', 'hll'], ':42\r\n'],
      [['OBJECT', 'ENCODING', 'hll'], '$3\r\nraw\r\n'],
      [['SET', 'hll', 'HYLL\x01\x00\x00\x00\xff\xff\xff\xff\xff\xff\xff\x7f\x7f\xff'], '+OK\r\n'],
      [['PFCOUNT', 'hll'], ':9223372036854775807\r\n'],
      [['PFADD', 'hll', 'z'], ':1\r\n'],
      [['PFCOUNT', 'hll'], ':1\r\n'],
    ],
  },
  {
    name: 'PFADD, PFCOUNT, PFMERGE type checking works',
    lists: ['l'],
    steps: [
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['PFADD', 'foo', '1'], '-WRONGTYPE Key is not a valid HyperLogLog string value.\r\n'],
      [['PFCOUNT', 'foo'], '-WRONGTYPE Key is not a valid HyperLogLog string value.\r\n'],
      [['PFMERGE', 'bar', 'foo'], '-WRONGTYPE Key is not a valid HyperLogLog string value.\r\n'],
      [['PFMERGE', 'foo', 'bar'], '-WRONGTYPE Key is not a valid HyperLogLog string value.\r\n'],
      [['PFADD', 'l', 'a'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['PFCOUNT', 'l'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['PFCOUNT', 'l', 'foo'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['PFMERGE', 'l'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['SET', 'n', '12345'], '+OK\r\n'],
      [['PFCOUNT', 'n'], '-WRONGTYPE Key is not a valid HyperLogLog string value.\r\n'],
      [['SET', 'n', '12345678901234567890'], '+OK\r\n'],
      [['PFCOUNT', 'n'], '-WRONGTYPE Key is not a valid HyperLogLog string value.\r\n'],
    ],
  },
  {
    name: 'PFMERGE results on the cardinality of union of sets',
    steps: [
      [['PFADD', 'hll1', 'a', 'b', 'c'], ':1\r\n'],
      [['PFADD', 'hll2', 'b', 'c', 'd'], ':1\r\n'],
      [['PFADD', 'hll3', 'c', 'd', 'e'], ':1\r\n'],
      [['PFMERGE', 'hll', 'hll1', 'hll2', 'hll3'], '+OK\r\n'],
      [['PFCOUNT', 'hll'], ':5\r\n'],
      [['GET', 'hll'], '$33\r\nHYLL\x01\x00\x00\x00\x05\x00\x00\x00\x00\x00\x00\x00\\{\x80Dv\x80P\xb1\x84I\x8c\x80Bm\x80BZ\r\n'],
    ],
  },
  {
    name: 'PFMERGE on missing source keys will create an empty destkey',
    steps: [
      [['PFMERGE', 'destkey', 'sourcekey1', 'sourcekey2'], '+OK\r\n'],
      [['EXISTS', 'destkey'], ':1\r\n'],
      [['PFCOUNT', 'destkey'], ':0\r\n'],
      [['GET', 'destkey'], '$18\r\nHYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x7f\xff\r\n'],
    ],
  },
  {
    name: 'PFMERGE with one empty input key, create an empty destkey',
    steps: [
      [['PFMERGE', 'destkey'], '+OK\r\n'],
      [['EXISTS', 'destkey'], ':1\r\n'],
      [['PFCOUNT', 'destkey'], ':0\r\n'],
    ],
  },
  {
    name: 'PFMERGE with one non-empty input key, dest key is actually one of the source keys',
    steps: [
      [['PFADD', 'destkey', 'a', 'b', 'c'], ':1\r\n'],
      [['PFMERGE', 'destkey'], '+OK\r\n'],
      [['PFCOUNT', 'destkey'], ':3\r\n'],
      [['GET', 'destkey'], '$27\r\nHYLL\x01\x00\x00\x00\x03\x00\x00\x00\x00\x00\x00\x00`\xf3\x80P\xb1\x84K\xfb\x80BZ\r\n'],
    ],
  },
  {
    name: 'PFMERGE of a dense source makes the destination dense, TTL kept',
    steps: [
      [['PFADD', 'dense', ...els('x', 1500)], ':1\r\n'],
      [['PFADD', 'd', 'a', 'b'], ':1\r\n'],
      [['EXPIRE', 'd', '100'], ':1\r\n'],
      [['PFMERGE', 'd', 'dense'], '+OK\r\n'],
      [['TTL', 'd'], ':100\r\n'],
      [['STRLEN', 'd'], ':2700\r\n'],
      [['PFCOUNT', 'd'], ':1500\r\n'],
      [['PFCOUNT', 'd', 'dense', 'nokey'], ':1500\r\n'],
      [['PFMERGE', 'd2', 'd', 'dense'], '+OK\r\n'],
      [['STRLEN', 'd2'], ':2700\r\n'],
      [['PFCOUNT', 'd2'], ':1500\r\n'],
    ],
  },
  {
    name: 'PFCOUNT multiple-keys merge returns cardinality of union',
    steps: [
      [['PFADD', 'hll1', 'foo', 'bar', 'zap', 'a'], ':1\r\n'],
      [['PFADD', 'hll2', 'a', 'b', 'c', 'foo'], ':1\r\n'],
      [['PFADD', 'hll3', 'c', 'd', 'e', 'foo'], ':1\r\n'],
      [['PFCOUNT', 'hll1', 'hll2', 'hll3'], ':8\r\n'],
      [['GET', 'hll1'], '$30\r\nHYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\\\xb3\x90B\x07\x84HX\x80J\x8e\x84NW\r\n'],
      [['PFCOUNT', 'hll1', 'nokey'], ':4\r\n'],
    ],
  },
  {
    name: 'PFADD and PFCOUNT make an embstr HLL raw',
    steps: [
      [['SET', 'h', 'HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x7f\xff'], '+OK\r\n'],
      [['OBJECT', 'ENCODING', 'h'], '$6\r\nembstr\r\n'],
      [['PFADD', 'h'], ':0\r\n'],
      [['OBJECT', 'ENCODING', 'h'], '$3\r\nraw\r\n'],
      [['SET', 'h', 'HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x7f\xff'], '+OK\r\n'],
      [['PFCOUNT', 'h'], ':0\r\n'],
      [['OBJECT', 'ENCODING', 'h'], '$3\r\nraw\r\n'],
      [['GET', 'h'], '$18\r\nHYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x7f\xff\r\n'],
    ],
  },
  {
    name: 'PFCOUNT of a dense HLL with registers beyond 51',
    steps: [
      [['SET', 'd', 'HYLL\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80' + '\xff'.repeat(12288)], '+OK\r\n'],
      [['PFCOUNT', 'd'], ':-9223372036854775808\r\n'],
      [['GETRANGE', 'd', '8', '15'], '$8\r\n\x00\x00\x00\x00\x00\x00\x00\x80\r\n'],
      [['PFCOUNT', 'd'], ':-9223372036854775808\r\n'],
      [['PFCOUNT', 'd', 'nokey'], ':-9223372036854775808\r\n'],
      [['SET', 'd', 'HYLL\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80' + '\xb2,\xcb'.repeat(4096)], '+OK\r\n'],
      [['PFCOUNT', 'd'], ':-9223372036854775808\r\n'],
      [['SET', 'd', 'HYLL\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80' + 'q\x1c\xc7'.repeat(4096)], '+OK\r\n'],
      [['PFCOUNT', 'd'], ':6653256548922161152\r\n'],
      [['GETRANGE', 'd', '8', '15'], '$8\r\n\x00\xf8\x0b\xae\x94\x1dU\\\r\n'],
      [['PFCOUNT', 'd', 'nokey'], ':6653256548922161152\r\n'],
      [['SET', 'd', 'HYLL\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80' + 'A\x10\x04'.repeat(4096)], '+OK\r\n'],
      [['PFCOUNT', 'd'], ':23637\r\n'],
      [['GETRANGE', 'd', '0', '15'], '$16\r\nHYLL\x00\x00\x00\x00U\\\x00\x00\x00\x00\x00\x00\r\n'],
    ],
  },
];

runCases('HyperLogLog: PFADD, PFCOUNT and PFMERGE', cases);
