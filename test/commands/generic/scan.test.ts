// SCAN cursor [MATCH pattern] [COUNT count] [TYPE type]: replies of one-call iterations
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps
// (the server under test runs on a FakeClock; { advance } steps move it).
import { runCases, type Case } from './harness.js';

const cases: Case[] = [
  {
    name: 'SCAN of an empty database',
    steps: [
      [['SCAN', '0'], '*2\r\n$1\r\n0\r\n*0\r\n'],
      [['SCAN', '0', 'COUNT', '1'], '*2\r\n$1\r\n0\r\n*0\r\n'],
      [['SCAN', '0', 'MATCH', '*', 'TYPE', 'string'], '*2\r\n$1\r\n0\r\n*0\r\n'],
    ],
  },
  {
    name: 'SCAN returns every key when one call covers the database',
    steps: [
      [['MSET', 'a', '1', 'b', '2', 'c', '3'], '+OK\r\n'],
      [['SCAN', '0'], '*2\r\n$1\r\n0\r\n*3\r\n$1\r\nb\r\n$1\r\na\r\n$1\r\nc\r\n', 'unordered'],
      [['SCAN', '0', 'COUNT', '100'], '*2\r\n$1\r\n0\r\n*3\r\n$1\r\nb\r\n$1\r\na\r\n$1\r\nc\r\n', 'unordered'],
    ],
  },
  {
    name: 'SCAN MATCH',
    steps: [
      [['MSET', 'key:1', '1', 'key:2', '2', 'foo:1', '3', 'key:10', '4'], '+OK\r\n'],
      [['SCAN', '0', 'MATCH', 'key:*', 'COUNT', '100'], '*2\r\n$1\r\n0\r\n*3\r\n$5\r\nkey:2\r\n$6\r\nkey:10\r\n$5\r\nkey:1\r\n', 'unordered'],
      [['SCAN', '0', 'MATCH', 'key:?', 'COUNT', '100'], '*2\r\n$1\r\n0\r\n*2\r\n$5\r\nkey:2\r\n$5\r\nkey:1\r\n', 'unordered'],
      [['SCAN', '0', 'MATCH', '*:1*', 'COUNT', '100'], '*2\r\n$1\r\n0\r\n*3\r\n$6\r\nkey:10\r\n$5\r\nfoo:1\r\n$5\r\nkey:1\r\n', 'unordered'],
      [['SCAN', '0', 'MATCH', 'nomatch', 'COUNT', '100'], '*2\r\n$1\r\n0\r\n*0\r\n'],
      [['SCAN', '0', 'MATCH', '', 'COUNT', '100'], '*2\r\n$1\r\n0\r\n*0\r\n'],
      [['SCAN', '0', 'MATCH', '*'], '*2\r\n$1\r\n0\r\n*4\r\n$5\r\nkey:2\r\n$6\r\nkey:10\r\n$5\r\nfoo:1\r\n$5\r\nkey:1\r\n', 'unordered'],
    ],
  },
  {
    name: 'SCAN MATCH with glob metacharacters in key names',
    steps: [
      [['MSET', 'a*b', '1', 'a?b', '2', 'a[b', '3', 'axb', '4'], '+OK\r\n'],
      [['SCAN', '0', 'MATCH', 'a\\*b', 'COUNT', '100'], '*2\r\n$1\r\n0\r\n*1\r\n$3\r\na*b\r\n'],
      [['SCAN', '0', 'MATCH', 'a[?*]b', 'COUNT', '100'], '*2\r\n$1\r\n0\r\n*2\r\n$3\r\na?b\r\n$3\r\na*b\r\n', 'unordered'],
      [['SCAN', '0', 'MATCH', 'a\\[b'], '*2\r\n$1\r\n0\r\n*1\r\n$3\r\na[b\r\n'],
    ],
  },
  {
    name: 'SCAN MATCH binary and empty key names',
    steps: [
      [['SET', '', 'v'], '+OK\r\n'],
      [['SET', '\xff\x00', 'v'], '+OK\r\n'],
      [['SCAN', '0', 'MATCH', '', 'COUNT', '100'], '*2\r\n$1\r\n0\r\n*1\r\n$0\r\n\r\n'],
      [['SCAN', '0', 'MATCH', '\xff?', 'COUNT', '100'], '*2\r\n$1\r\n0\r\n*1\r\n$2\r\n\xff\x00\r\n'],
      [['SCAN', '0', 'MATCH', '*', 'COUNT', '100'], '*2\r\n$1\r\n0\r\n*2\r\n$2\r\n\xff\x00\r\n$0\r\n\r\n', 'unordered'],
    ],
  },
  {
    name: 'SCAN TYPE',
    steps: [
      [['MSET', 'a', '1', 'b', 'x'], '+OK\r\n'],
      [['SCAN', '0', 'TYPE', 'string'], '*2\r\n$1\r\n0\r\n*2\r\n$1\r\nb\r\n$1\r\na\r\n', 'unordered'],
      [['SCAN', '0', 'TYPE', 'STRING'], '*2\r\n$1\r\n0\r\n*2\r\n$1\r\nb\r\n$1\r\na\r\n', 'unordered'],
      [['SCAN', '0', 'TYPE', 'list'], '*2\r\n$1\r\n0\r\n*0\r\n'],
      [['SCAN', '0', 'TYPE', 'hash'], '*2\r\n$1\r\n0\r\n*0\r\n'],
      [['SCAN', '0', 'TYPE', 'foo'], '*2\r\n$1\r\n0\r\n*0\r\n'],
      [['SCAN', '0', 'TYPE', ''], '*2\r\n$1\r\n0\r\n*0\r\n'],
      [['SCAN', '0', 'TYPE', 'string\x00x'], '*2\r\n$1\r\n0\r\n*2\r\n$1\r\nb\r\n$1\r\na\r\n', 'unordered'],
      [['SCAN', '0', 'TYPE', 'none'], '*2\r\n$1\r\n0\r\n*0\r\n'],
      [['SCAN', '0', 'MATCH', 'a', 'TYPE', 'string'], '*2\r\n$1\r\n0\r\n*1\r\n$1\r\na\r\n'],
    ],
  },
  {
    name: 'SCAN options may repeat: the last one wins',
    steps: [
      [['MSET', 'a', '1', 'b', '2'], '+OK\r\n'],
      [['SCAN', '0', 'MATCH', 'a', 'MATCH', 'b'], '*2\r\n$1\r\n0\r\n*1\r\n$1\r\nb\r\n'],
      [['SCAN', '0', 'MATCH', 'b', 'MATCH', 'a'], '*2\r\n$1\r\n0\r\n*1\r\n$1\r\na\r\n'],
      [['SCAN', '0', 'TYPE', 'string', 'TYPE', 'list'], '*2\r\n$1\r\n0\r\n*0\r\n'],
      [['SCAN', '0', 'COUNT', '1', 'COUNT', '100'], '*2\r\n$1\r\n0\r\n*2\r\n$1\r\nb\r\n$1\r\na\r\n', 'unordered'],
      [['SCAN', '0', 'count\x00x', '5'], '*2\r\n$1\r\n0\r\n*2\r\n$1\r\nb\r\n$1\r\na\r\n', 'unordered'],
    ],
  },
  {
    name: 'SCAN COUNT must be a positive integer',
    steps: [
      [['SCAN', '0', 'COUNT', '0'], '-ERR syntax error\r\n'],
      [['SCAN', '0', 'COUNT', '-1'], '-ERR syntax error\r\n'],
      [['SCAN', '0', 'COUNT', 'abc'], '-ERR value is not an integer or out of range\r\n'],
      [['SCAN', '0', 'COUNT', '1.5'], '-ERR value is not an integer or out of range\r\n'],
      [['SCAN', '0', 'COUNT', '9223372036854775808'], '-ERR value is not an integer or out of range\r\n'],
      [['SCAN', '0', 'COUNT', 'abc', 'COUNT', '0'], '-ERR value is not an integer or out of range\r\n'],
      [['SCAN', '0', 'COUNT', '0', 'COUNT', 'abc'], '-ERR syntax error\r\n'],
      [['SCAN', '0', 'COUNT', '9223372036854775807'], '*2\r\n$1\r\n0\r\n*0\r\n'],
      [['SCAN', '0', 'COUNT', '2147483648'], '*2\r\n$1\r\n0\r\n*0\r\n'],
    ],
  },
  {
    name: 'SCAN syntax errors',
    steps: [
      [['SCAN', '0', 'COUNT'], '-ERR syntax error\r\n'],
      [['SCAN', '0', 'MATCH'], '-ERR syntax error\r\n'],
      [['SCAN', '0', 'TYPE'], '-ERR syntax error\r\n'],
      [['SCAN', '0', 'foo'], '-ERR syntax error\r\n'],
      [['SCAN', '0', 'COUNT', '1', 'foo'], '-ERR syntax error\r\n'],
      [['SCAN', '0', 'foo', 'COUNT', 'abc'], '-ERR syntax error\r\n'],
      [['SCAN'], '-ERR wrong number of arguments for \'scan\' command\r\n'],
    ],
  },
  {
    name: 'SCAN cursor parsing follows strtoul',
    steps: [
      [['SET', 'a', '1'], '+OK\r\n'],
      [['SCAN', ''], '*2\r\n$1\r\n0\r\n*1\r\n$1\r\na\r\n'],
      [['SCAN', '+0'], '*2\r\n$1\r\n0\r\n*1\r\n$1\r\na\r\n'],
      [['SCAN', '00'], '*2\r\n$1\r\n0\r\n*1\r\n$1\r\na\r\n'],
      [['SCAN', '-0'], '*2\r\n$1\r\n0\r\n*1\r\n$1\r\na\r\n'],
      [['SCAN', '0\x00junk'], '*2\r\n$1\r\n0\r\n*1\r\n$1\r\na\r\n'],
      [['SCAN', '\x00'], '*2\r\n$1\r\n0\r\n*1\r\n$1\r\na\r\n'],
      [['SCAN', ' 0'], '-ERR invalid cursor\r\n'],
      [['SCAN', '0 '], '-ERR invalid cursor\r\n'],
      [['SCAN', 'abc'], '-ERR invalid cursor\r\n'],
      [['SCAN', '0x10'], '-ERR invalid cursor\r\n'],
      [['SCAN', '+'], '-ERR invalid cursor\r\n'],
      [['SCAN', '-'], '-ERR invalid cursor\r\n'],
      [['SCAN', '1.0'], '-ERR invalid cursor\r\n'],
      [['SCAN', '18446744073709551616'], '-ERR invalid cursor\r\n'],
      [['SCAN', '-18446744073709551616'], '-ERR invalid cursor\r\n'],
      [['SCAN', 'abc', 'foo'], '-ERR invalid cursor\r\n'],
      [['SCAN', 'abc', 'COUNT', '0'], '-ERR invalid cursor\r\n'],
    ],
  },
  {
    name: 'SCAN with a cursor past the end finishes the iteration',
    steps: [
      [['SET', 'a', '1'], '+OK\r\n'],
      [['SCAN', '-1'], '*2\r\n$1\r\n0\r\n*0\r\n'],
      [['SCAN', '18446744073709551615'], '*2\r\n$1\r\n0\r\n*0\r\n'],
    ],
  },
  {
    name: 'SCAN in RESP3 replies with the same shape',
    resp: 3,
    steps: [
      [['SET', 'a', '1'], '+OK\r\n'],
      [['SCAN', '0'], '*2\r\n$1\r\n0\r\n*1\r\n$1\r\na\r\n'],
      [['SCAN', '0', 'MATCH', 'x'], '*2\r\n$1\r\n0\r\n*0\r\n'],
    ],
  },
];

runCases('SCAN', cases);
