// BITFIELD
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps.
import { runCases, type Case } from '../strings/harness.js';

const cases: Case[] = [
  {
    name: 'BITFIELD signed SET and GET basics',
    steps: [
      [['BITFIELD', 'bits', 'SET', 'i8', '0', '-100'], '*1\r\n:0\r\n'],
      [['BITFIELD', 'bits', 'SET', 'i8', '0', '101'], '*1\r\n:-100\r\n'],
      [['BITFIELD', 'bits', 'GET', 'i8', '0'], '*1\r\n:101\r\n'],
      [['GET', 'bits'], '$1\r\ne\r\n'],
      [['OBJECT', 'ENCODING', 'bits'], '$3\r\nraw\r\n'],
    ],
  },
  {
    name: 'BITFIELD unsigned SET and GET basics',
    steps: [
      [['BITFIELD', 'bits', 'SET', 'u8', '0', '255'], '*1\r\n:0\r\n'],
      [['BITFIELD', 'bits', 'SET', 'u8', '0', '100'], '*1\r\n:255\r\n'],
      [['BITFIELD', 'bits', 'GET', 'u8', '0'], '*1\r\n:100\r\n'],
    ],
  },
  {
    name: 'BITFIELD #<idx> form',
    steps: [
      [['BITFIELD', 'bits', 'SET', 'u8', '#0', '65'], '*1\r\n:0\r\n'],
      [['BITFIELD', 'bits', 'SET', 'u8', '#1', '66'], '*1\r\n:0\r\n'],
      [['BITFIELD', 'bits', 'SET', 'u8', '#2', '67'], '*1\r\n:0\r\n'],
      [['GET', 'bits'], '$3\r\nABC\r\n'],
      [['BITFIELD', 'bits', 'GET', 'u16', '#1'], '*1\r\n:17152\r\n'],
      [['BITFIELD', 'bits', 'GET', 'u8', '#-1'], '-ERR bit offset is not an integer or out of range\r\n'],
      [['BITFIELD', 'bits', 'GET', 'u8', '#x'], '-ERR bit offset is not an integer or out of range\r\n'],
      [['BITFIELD', 'bits', 'GET', 'u8', '#2305843009213693952'], '*1\r\n:65\r\n'],
    ],
  },
  {
    name: 'BITFIELD basic INCRBY form',
    steps: [
      [['BITFIELD', 'bits', 'SET', 'u8', '#0', '10'], '*1\r\n:0\r\n'],
      [['BITFIELD', 'bits', 'INCRBY', 'u8', '#0', '100'], '*1\r\n:110\r\n'],
      [['BITFIELD', 'bits', 'INCRBY', 'u8', '#0', '100'], '*1\r\n:210\r\n'],
    ],
  },
  {
    name: 'BITFIELD chaining of multiple commands',
    steps: [
      [['BITFIELD', 'bits', 'SET', 'u8', '#0', '10'], '*1\r\n:0\r\n'],
      [['BITFIELD', 'bits', 'INCRBY', 'u8', '#0', '100', 'INCRBY', 'u8', '#0', '100'], '*2\r\n:110\r\n:210\r\n'],
    ],
  },
  {
    name: 'BITFIELD unsigned overflow wrap',
    steps: [
      [['BITFIELD', 'bits', 'SET', 'u8', '#0', '100'], '*1\r\n:0\r\n'],
      [['BITFIELD', 'bits', 'INCRBY', 'u8', '#0', '257'], '*1\r\n:101\r\n'],
      [['BITFIELD', 'bits', 'GET', 'u8', '#0'], '*1\r\n:101\r\n'],
      [['BITFIELD', 'bits', 'INCRBY', 'u8', '#0', '255'], '*1\r\n:100\r\n'],
      [['BITFIELD', 'bits', 'GET', 'u8', '#0'], '*1\r\n:100\r\n'],
    ],
  },
  {
    name: 'BITFIELD unsigned overflow sat',
    steps: [
      [['BITFIELD', 'bits', 'SET', 'u8', '#0', '100'], '*1\r\n:0\r\n'],
      [['BITFIELD', 'bits', 'OVERFLOW', 'sat', 'INCRBY', 'u8', '#0', '257'], '*1\r\n:255\r\n'],
      [['BITFIELD', 'bits', 'GET', 'u8', '#0'], '*1\r\n:255\r\n'],
      [['BITFIELD', 'bits', 'OVERFLOW', 'sat', 'INCRBY', 'u8', '#0', '-255'], '*1\r\n:0\r\n'],
      [['BITFIELD', 'bits', 'GET', 'u8', '#0'], '*1\r\n:0\r\n'],
    ],
  },
  {
    name: 'BITFIELD signed overflow wrap',
    steps: [
      [['BITFIELD', 'bits', 'SET', 'i8', '0', '100'], '*1\r\n:0\r\n'],
      [['BITFIELD', 'bits', 'INCRBY', 'i8', '0', '257'], '*1\r\n:101\r\n'],
      [['BITFIELD', 'bits', 'GET', 'i8', '0'], '*1\r\n:101\r\n'],
      [['BITFIELD', 'bits', 'INCRBY', 'i8', '0', '255'], '*1\r\n:100\r\n'],
      [['BITFIELD', 'bits', 'GET', 'i8', '0'], '*1\r\n:100\r\n'],
    ],
  },
  {
    name: 'BITFIELD signed overflow sat',
    steps: [
      [['BITFIELD', 'bits', 'SET', 'u8', '0', '100'], '*1\r\n:0\r\n'],
      [['BITFIELD', 'bits', 'OVERFLOW', 'sat', 'INCRBY', 'i8', '0', '257'], '*1\r\n:127\r\n'],
      [['BITFIELD', 'bits', 'GET', 'i8', '0'], '*1\r\n:127\r\n'],
      [['BITFIELD', 'bits', 'OVERFLOW', 'sat', 'INCRBY', 'i8', '0', '-255'], '*1\r\n:-128\r\n'],
      [['BITFIELD', 'bits', 'GET', 'i8', '0'], '*1\r\n:-128\r\n'],
    ],
  },
  {
    name: 'BITFIELD overflow fail writes nothing but grows the string',
    steps: [
      [['BITFIELD', 'bits', 'OVERFLOW', 'FAIL', 'INCRBY', 'u2', '100', '10'], '*1\r\n$-1\r\n'],
      [['GET', 'bits'], '$13\r\n\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\r\n'],
      [['BITFIELD', 'bits', 'OVERFLOW', 'FAIL', 'SET', 'i4', '0', '8', 'SET', 'i4', '0', '7', 'OVERFLOW', 'WRAP', 'INCRBY', 'i4', '0', '1'], '*3\r\n$-1\r\n:0\r\n:-8\r\n'],
    ],
  },
  {
    name: 'BITFIELD i64 and u63 limits',
    steps: [
      [['BITFIELD', 'k', 'SET', 'i64', '0', '9223372036854775807'], '*1\r\n:0\r\n'],
      [['BITFIELD', 'k', 'INCRBY', 'i64', '0', '1'], '*1\r\n:-9223372036854775808\r\n'],
      [['BITFIELD', 'k', 'OVERFLOW', 'SAT', 'INCRBY', 'i64', '0', '-1', 'INCRBY', 'i64', '0', '-9223372036854775808'], '*2\r\n:-9223372036854775808\r\n:-9223372036854775808\r\n'],
      [['BITFIELD', 'k', 'OVERFLOW', 'FAIL', 'INCRBY', 'i64', '0', '-1'], '*1\r\n$-1\r\n'],
      [['BITFIELD', 'k', 'SET', 'u63', '0', '9223372036854775807'], '*1\r\n:4611686018427387904\r\n'],
      [['BITFIELD', 'k', 'GET', 'u63', '0', 'GET', 'i64', '0'], '*2\r\n:9223372036854775807\r\n:-2\r\n'],
      [['BITFIELD', 'k', 'INCRBY', 'u63', '0', '1'], '*1\r\n:0\r\n'],
      [['BITFIELD', 'k', 'OVERFLOW', 'SAT', 'INCRBY', 'u63', '0', '-1', 'INCRBY', 'u63', '0', '9223372036854775807'], '*2\r\n:0\r\n:9223372036854775807\r\n'],
      [['BITFIELD', 'k', 'SET', 'u63', '1', '-1'], '*1\r\n:9223372036854775806\r\n'],
      [['BITFIELD', 'k', 'OVERFLOW', 'SAT', 'SET', 'u8', '0', '-1', 'SET', 'i8', '0', '-9223372036854775808', 'SET', 'i8', '8', '9223372036854775807', 'SET', 'i64', '0', '-9223372036854775808'], '*4\r\n:255\r\n:-1\r\n:-1\r\n:9187343239835811839\r\n'],
      [['GET', 'k'], '$8\r\n\x80\x00\x00\x00\x00\x00\x00\x00\r\n'],
      [['BITFIELD', 'k', 'SET', 'i1', '3', '-1', 'GET', 'i1', '3', 'GET', 'u1', '3', 'SET', 'i1', '4', '1', 'GET', 'i1', '4'], '*5\r\n:0\r\n:-1\r\n:1\r\n:0\r\n:-1\r\n'],
    ],
  },
  {
    name: 'BITFIELD regression for #3221',
    steps: [
      [['SET', 'bits', '1'], '+OK\r\n'],
      [['BITFIELD', 'bits', 'GET', 'u1', '0'], '*1\r\n:0\r\n'],
    ],
  },
  {
    name: 'BITFIELD regression for #3564',
    steps: [
      [['DEL', 'mystring'], ':0\r\n'],
      [['BITFIELD', 'mystring', 'SET', 'i16', '0', '0'], '*1\r\n:0\r\n'],
      [['BITFIELD', 'mystring', 'INCRBY', 'i16', '0', '1'], '*1\r\n:1\r\n'],
      [['BITFIELD', 'mystring', 'INCRBY', 'i16', '0', '1'], '*1\r\n:2\r\n'],
      [['BITFIELD', 'mystring', 'INCRBY', 'i16', '0', '1'], '*1\r\n:3\r\n'],
    ],
  },
  {
    name: 'BITFIELD against an integer-encoded string',
    steps: [
      [['SET', 'n', '42'], '+OK\r\n'],
      [['BITFIELD', 'n', 'GET', 'u16', '0', 'GET', 'u8', '12'], '*2\r\n:13362\r\n:32\r\n'],
      [['OBJECT', 'ENCODING', 'n'], '$3\r\nint\r\n'],
      [['BITFIELD', 'n', 'INCRBY', 'u8', '8', '1'], '*1\r\n:51\r\n'],
      [['GET', 'n'], '$2\r\n43\r\n'],
      [['OBJECT', 'ENCODING', 'n'], '$3\r\nraw\r\n'],
    ],
  },
  {
    name: 'BITFIELD errors',
    lists: ['l'],
    steps: [
      [['BITFIELD', 'k', 'GET', 'u64', '0'], '-ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.\r\n'],
      [['BITFIELD', 'k', 'GET', 'i65', '0'], '-ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.\r\n'],
      [['BITFIELD', 'k', 'GET', 'i0', '0'], '-ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.\r\n'],
      [['BITFIELD', 'k', 'GET', 'I8', '0'], '-ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.\r\n'],
      [['BITFIELD', 'k', 'GET', 'i8', '-1'], '-ERR bit offset is not an integer or out of range\r\n'],
      [['BITFIELD', 'k', 'GET', 'i8', 'x'], '-ERR bit offset is not an integer or out of range\r\n'],
      [['BITFIELD', 'k', 'GET', 'i8'], '-ERR syntax error\r\n'],
      [['BITFIELD', 'k', 'SET', 'i8', '0'], '-ERR syntax error\r\n'],
      [['BITFIELD', 'k', 'SET', 'i8', '0', 'x'], '-ERR value is not an integer or out of range\r\n'],
      [['BITFIELD', 'k', 'INCRBY', 'i8', '0', '1.5'], '-ERR value is not an integer or out of range\r\n'],
      [['BITFIELD', 'k', 'OVERFLOW', 'bogus', 'SET', 'i8', '0', '1'], '-ERR Invalid OVERFLOW type specified\r\n'],
      [['BITFIELD', 'k', 'OVERFLOW'], '-ERR syntax error\r\n'],
      [['BITFIELD', 'k', 'bogus'], '-ERR syntax error\r\n'],
      [['BITFIELD', 'k', 'GET', 'i8', '0', 'bogus'], '-ERR syntax error\r\n'],
      [['BITFIELD', 'k', 'SET', 'i8', '4294967296', '1'], '-ERR bit offset is not an integer or out of range\r\n'],
      [['EXISTS', 'k'], ':0\r\n'],
      [['BITFIELD', 'l', 'GET', 'i8', '0'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['BITFIELD', 'l', 'SET', 'i8', '0', '1'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['BITFIELD', 'k'], '*0\r\n'],
      [['BITFIELD', 'l'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
    ],
  },
  {
    name: 'BITFIELD_RO with only key as argument',
    steps: [
      [['BITFIELD_RO', 'bits'], '*0\r\n'],
      [['SET', 'bits', 'x'], '+OK\r\n'],
      [['BITFIELD_RO', 'bits'], '*0\r\n'],
    ],
  },
  {
    name: 'BITFIELD_RO fails when write option is used',
    steps: [
      [['BITFIELD_RO', 'bits', 'SET', 'u8', '0', '100', 'GET', 'u8', '0'], '-ERR BITFIELD_RO only supports the GET subcommand\r\n'],
      [['BITFIELD_RO', 'bits', 'INCRBY', 'u8', '0', '1'], '-ERR BITFIELD_RO only supports the GET subcommand\r\n'],
      [['BITFIELD_RO', 'bits', 'OVERFLOW', 'SAT'], '*0\r\n'],
      [['BITFIELD_RO', 'bits', 'SET', 'u8', '0', 'x'], '-ERR value is not an integer or out of range\r\n'],
      [['EXISTS', 'bits'], ':0\r\n'],
    ],
  },
  {
    name: 'BITFIELD_RO reads bits past the end as zero',
    steps: [
      [['SET', 'k', '\xff'], '+OK\r\n'],
      [['BITFIELD_RO', 'k', 'GET', 'u16', '0', 'GET', 'i16', '4', 'GET', 'i64', '0', 'GET', 'u63', '1', 'GET', 'i8', '#100'], '*5\r\n:65280\r\n:-4096\r\n:-72057594037927936\r\n:9151314442816847872\r\n:0\r\n'],
    ],
  },
];

runCases('BITFIELD', cases);
