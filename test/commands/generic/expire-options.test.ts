// EXPIRE key seconds [NX | XX | GT | LT] (and PEXPIRE, EXPIREAT, PEXPIREAT): the options
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps
// (the server under test runs on a FakeClock; { advance } steps move it).
import { runCases, type Case } from './harness.js';

const cases: Case[] = [
  {
    name: 'EXPIRE with unsupported options',
    steps: [
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['EXPIRE', 'foo', '200', 'AB'], '-ERR Unsupported option AB\r\n'],
      [['EXPIRE', 'foo', '200', 'XX', 'AB'], '-ERR Unsupported option AB\r\n'],
      [['EXPIRE', 'foo', '200', ''], '-ERR Unsupported option \r\n'],
      [['EXPIRE', 'foo', '200', ' nx'], '-ERR Unsupported option  nx\r\n'],
      [['EXPIRE', 'foo', '200', 'ab\r\ncd'], '-ERR Unsupported option ab  cd\r\n'],
      [['EXPIRE', 'foo', '200', 'ab\x00cd'], '-ERR Unsupported option ab\r\n'],
      [['EXPIRE', 'foo', 'abc', 'AB'], '-ERR Unsupported option AB\r\n'],
    ],
  },
  {
    name: 'EXPIRE with negative expiry on a non-valitale key',
    steps: [
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['EXPIRE', 'foo', '-10', 'LT'], ':1\r\n'],
      [['TTL', 'foo'], ':-2\r\n'],
    ],
  },
  {
    name: 'EXPIRE with NX option on a key with ttl',
    steps: [
      [['SET', 'foo', 'bar', 'EX', '100'], '+OK\r\n'],
      [['EXPIRE', 'foo', '200', 'NX'], ':0\r\n'],
      [['TTL', 'foo'], ':100\r\n'],
    ],
  },
  {
    name: 'EXPIRE with NX option on a key without ttl',
    steps: [
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['EXPIRE', 'foo', '200', 'NX'], ':1\r\n'],
      [['TTL', 'foo'], ':200\r\n'],
    ],
  },
  {
    name: 'EXPIRE with XX option on a key with ttl',
    steps: [
      [['SET', 'foo', 'bar', 'EX', '100'], '+OK\r\n'],
      [['EXPIRE', 'foo', '200', 'XX'], ':1\r\n'],
      [['TTL', 'foo'], ':200\r\n'],
    ],
  },
  {
    name: 'EXPIRE with XX option on a key without ttl',
    steps: [
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['EXPIRE', 'foo', '200', 'XX'], ':0\r\n'],
      [['TTL', 'foo'], ':-1\r\n'],
    ],
  },
  {
    name: 'EXPIRE with GT option on a key with lower ttl',
    steps: [
      [['SET', 'foo', 'bar', 'EX', '100'], '+OK\r\n'],
      [['EXPIRE', 'foo', '200', 'GT'], ':1\r\n'],
      [['TTL', 'foo'], ':200\r\n'],
    ],
  },
  {
    name: 'EXPIRE with GT option on a key with higher ttl',
    steps: [
      [['SET', 'foo', 'bar', 'EX', '200'], '+OK\r\n'],
      [['EXPIRE', 'foo', '100', 'GT'], ':0\r\n'],
      [['TTL', 'foo'], ':200\r\n'],
    ],
  },
  {
    name: 'EXPIRE with GT option on a key without ttl',
    steps: [
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['EXPIRE', 'foo', '200', 'GT'], ':0\r\n'],
      [['TTL', 'foo'], ':-1\r\n'],
    ],
  },
  {
    name: 'EXPIRE with LT option on a key with higher ttl',
    steps: [
      [['SET', 'foo', 'bar', 'EX', '100'], '+OK\r\n'],
      [['EXPIRE', 'foo', '200', 'LT'], ':0\r\n'],
      [['TTL', 'foo'], ':100\r\n'],
    ],
  },
  {
    name: 'EXPIRE with LT option on a key with lower ttl',
    steps: [
      [['SET', 'foo', 'bar', 'EX', '200'], '+OK\r\n'],
      [['EXPIRE', 'foo', '100', 'LT'], ':1\r\n'],
      [['TTL', 'foo'], ':100\r\n'],
    ],
  },
  {
    name: 'EXPIRE with LT option on a key without ttl',
    steps: [
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['EXPIRE', 'foo', '100', 'LT'], ':1\r\n'],
      [['TTL', 'foo'], ':100\r\n'],
    ],
  },
  {
    name: 'EXPIRE with LT and XX option on a key with ttl',
    steps: [
      [['SET', 'foo', 'bar', 'EX', '200'], '+OK\r\n'],
      [['EXPIRE', 'foo', '100', 'LT', 'XX'], ':1\r\n'],
      [['TTL', 'foo'], ':100\r\n'],
    ],
  },
  {
    name: 'EXPIRE with LT and XX option on a key without ttl',
    steps: [
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['EXPIRE', 'foo', '200', 'LT', 'XX'], ':0\r\n'],
      [['TTL', 'foo'], ':-1\r\n'],
    ],
  },
  {
    name: 'EXPIRE with conflicting options: LT GT',
    steps: [
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['EXPIRE', 'foo', '200', 'LT', 'GT'], '-ERR GT and LT options at the same time are not compatible\r\n'],
      [['EXPIRE', 'foo', '200', 'gt', 'lt'], '-ERR GT and LT options at the same time are not compatible\r\n'],
    ],
  },
  {
    name: 'EXPIRE with conflicting options: NX GT',
    steps: [
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['EXPIRE', 'foo', '200', 'NX', 'GT'], '-ERR NX and XX, GT or LT options at the same time are not compatible\r\n'],
      [['EXPIRE', 'foo', '200', 'GT', 'NX'], '-ERR NX and XX, GT or LT options at the same time are not compatible\r\n'],
    ],
  },
  {
    name: 'EXPIRE with conflicting options: NX LT',
    steps: [
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['EXPIRE', 'foo', '200', 'NX', 'LT'], '-ERR NX and XX, GT or LT options at the same time are not compatible\r\n'],
    ],
  },
  {
    name: 'EXPIRE with conflicting options: NX XX',
    steps: [
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['EXPIRE', 'foo', '200', 'NX', 'XX'], '-ERR NX and XX, GT or LT options at the same time are not compatible\r\n'],
      [['PEXPIRE', 'foo', '1', 'NX', 'XX', 'GT', 'LT'], '-ERR NX and XX, GT or LT options at the same time are not compatible\r\n'],
      [['EXPIREAT', 'foo', '1', 'gt', 'nx'], '-ERR NX and XX, GT or LT options at the same time are not compatible\r\n'],
    ],
  },
  {
    name: 'EXPIRE with conflicting options are reported before a bad time or an unsupported option after them',
    steps: [
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['EXPIRE', 'foo', 'abc', 'NX', 'XX'], '-ERR NX and XX, GT or LT options at the same time are not compatible\r\n'],
      [['EXPIRE', 'foo', '100', 'GT', 'LT', 'foo'], '-ERR Unsupported option foo\r\n'],
    ],
  },
  {
    name: 'EXPIRE options are case-insensitive, may repeat and stop at a NUL byte',
    steps: [
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['EXPIRE', 'foo', '10', 'nx', 'Nx'], ':1\r\n'],
      [['EXPIRE', 'foo', '20', 'gt', 'GT', 'xx'], ':1\r\n'],
      [['TTL', 'foo'], ':20\r\n'],
      [['EXPIRE', 'foo', '30', 'nx\x00zz'], ':0\r\n'],
      [['TTL', 'foo'], ':20\r\n'],
    ],
  },
  {
    name: 'EXPIRE with GT and LT compare the new absolute time with the current one',
    steps: [
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['PEXPIREAT', 'foo', '33177117420000'], ':1\r\n'],
      [['PEXPIREAT', 'foo', '33177117420000', 'GT'], ':0\r\n'],
      [['PEXPIREAT', 'foo', '33177117420000', 'LT'], ':0\r\n'],
      [['PEXPIREAT', 'foo', '33177117420001', 'GT'], ':1\r\n'],
      [['PEXPIREAT', 'foo', '33177117420000', 'LT'], ':1\r\n'],
      [['EXPIREAT', 'foo', '33177117421', 'LT'], ':0\r\n'],
      [['PEXPIRETIME', 'foo'], ':33177117420000\r\n'],
    ],
  },
  {
    name: 'EXPIRE with LT in the past deletes a volatile key',
    steps: [
      [['SET', 'foo', 'bar', 'EX', '100'], '+OK\r\n'],
      [['EXPIRE', 'foo', '-1', 'LT'], ':1\r\n'],
      [['EXISTS', 'foo'], ':0\r\n'],
    ],
  },
  {
    name: 'EXPIRE with XX in the past deletes only a volatile key',
    steps: [
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['EXPIRE', 'foo', '-1', 'XX'], ':0\r\n'],
      [['EXISTS', 'foo'], ':1\r\n'],
      [['EXPIRE', 'foo', '100'], ':1\r\n'],
      [['EXPIRE', 'foo', '-1', 'XX'], ':1\r\n'],
      [['EXISTS', 'foo'], ':0\r\n'],
    ],
  },
  {
    name: 'EXPIRE and friends reject a wrong number of arguments',
    steps: [
      [['EXPIRE'], '-ERR wrong number of arguments for \'expire\' command\r\n'],
      [['EXPIRE', 'k'], '-ERR wrong number of arguments for \'expire\' command\r\n'],
      [['PEXPIRE', 'k'], '-ERR wrong number of arguments for \'pexpire\' command\r\n'],
      [['EXPIREAT', 'k'], '-ERR wrong number of arguments for \'expireat\' command\r\n'],
      [['PEXPIREAT'], '-ERR wrong number of arguments for \'pexpireat\' command\r\n'],
    ],
  },
  {
    name: 'EXPIRE works on binary and empty key names',
    steps: [
      [['SET', '', 'v'], '+OK\r\n'],
      [['EXPIRE', '', '100'], ':1\r\n'],
      [['TTL', ''], ':100\r\n'],
      [['SET', 'a\x00b\xff', 'v'], '+OK\r\n'],
      [['PEXPIRE', 'a\x00b\xff', '5000'], ':1\r\n'],
      [['TTL', 'a\x00b\xff'], ':5\r\n'],
      [['TTL', 'a\x00b'], ':-2\r\n'],
    ],
  },
  {
    name: 'EXPIRE on an expired key returns 0',
    steps: [
      [['DEBUG', 'SET-ACTIVE-EXPIRE', '0'], '+OK\r\n'],
      [['SET', 'foo', 'bar', 'PX', '10'], '+OK\r\n'],
      { advance: 20 },
      [['EXPIRE', 'foo', '100'], ':0\r\n'],
      [['EXISTS', 'foo'], ':0\r\n'],
    ],
  },
  {
    name: 'SET overwrites the TTL that EXPIRE set',
    steps: [
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['EXPIRE', 'foo', '100'], ':1\r\n'],
      [['SET', 'foo', 'baz'], '+OK\r\n'],
      [['TTL', 'foo'], ':-1\r\n'],
    ],
  },
];

runCases('EXPIRE options NX XX GT LT', cases);
