// TTL key, PTTL key, EXPIRETIME key, PEXPIRETIME key, PERSIST key
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps
// (the server under test runs on a FakeClock; { advance } steps move it).
import { runCases, type Case } from './harness.js';

const cases: Case[] = [
  {
    name: 'TTL returns time to live in seconds',
    steps: [
      [['DEL', 'x'], ':0\r\n'],
      [['SET', 'x', 'somevalue', 'EX', '10'], '+OK\r\n'],
      [['TTL', 'x'], ':10\r\n'],
    ],
  },
  {
    name: 'PTTL returns time to live in milliseconds',
    steps: [
      [['SET', 'x', 'somevalue', 'PX', '1000000'], '+OK\r\n'],
      [['PTTL', 'x'], ':1000000\r\n'],
    ],
  },
  {
    name: 'TTL / PTTL / EXPIRETIME / PEXPIRETIME return -1 if key has no expire',
    steps: [
      [['SET', 'x', 'hello'], '+OK\r\n'],
      [['TTL', 'x'], ':-1\r\n'],
      [['PTTL', 'x'], ':-1\r\n'],
      [['EXPIRETIME', 'x'], ':-1\r\n'],
      [['PEXPIRETIME', 'x'], ':-1\r\n'],
    ],
  },
  {
    name: 'TTL / PTTL / EXPIRETIME / PEXPIRETIME return -2 if key does not exit',
    steps: [
      [['TTL', 'x'], ':-2\r\n'],
      [['PTTL', 'x'], ':-2\r\n'],
      [['EXPIRETIME', 'x'], ':-2\r\n'],
      [['PEXPIRETIME', 'x'], ':-2\r\n'],
    ],
  },
  {
    name: 'EXPIRETIME returns absolute expiration time in seconds',
    steps: [
      [['SET', 'foo', 'bar', 'EXAT', '33177117420'], '+OK\r\n'],
      [['EXPIRETIME', 'foo'], ':33177117420\r\n'],
      [['PEXPIRETIME', 'foo'], ':33177117420000\r\n'],
    ],
  },
  {
    name: 'PEXPIRETIME returns absolute expiration time in milliseconds',
    steps: [
      [['SET', 'foo', 'bar', 'PXAT', '33177117420123'], '+OK\r\n'],
      [['PEXPIRETIME', 'foo'], ':33177117420123\r\n'],
      [['EXPIRETIME', 'foo'], ':33177117420\r\n'],
    ],
  },
  {
    name: 'EXPIRETIME rounds half a second up',
    steps: [
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['PEXPIREAT', 'foo', '33177117420499'], ':1\r\n'],
      [['EXPIRETIME', 'foo'], ':33177117420\r\n'],
      [['PEXPIREAT', 'foo', '33177117420500'], ':1\r\n'],
      [['EXPIRETIME', 'foo'], ':33177117421\r\n'],
      [['PEXPIREAT', 'foo', '33177117420999'], ':1\r\n'],
      [['EXPIRETIME', 'foo'], ':33177117421\r\n'],
    ],
  },
  {
    name: 'TTL rounds the remaining time to the nearest second',
    steps: [
      [['SET', 'a', 'v', 'PX', '400000'], '+OK\r\n'],
      [['TTL', 'a'], ':400\r\n'],
      [['SET', 'b', 'v', 'PX', '1499'], '+OK\r\n'],
      [['TTL', 'b'], ':1\r\n'],
      [['SET', 'c', 'v', 'PX', '1500'], '+OK\r\n'],
      [['TTL', 'c'], ':2\r\n'],
      [['SET', 'd', 'v', 'PX', '100'], '+OK\r\n'],
      [['TTL', 'd'], ':0\r\n'],
    ],
  },
  {
    name: 'TTL and PTTL count down as time passes',
    steps: [
      [['SET', 'x', 'v', 'PX', '1000'], '+OK\r\n'],
      { advance: 300 },
      // Redis sent ':679\r\n' (less the milliseconds that passed).
      [['PTTL', 'x'], ':700\r\n'],
      [['TTL', 'x'], ':1\r\n'],
    ],
  },
  {
    name: 'TTL, PTTL and EXPIRETIME of a key that expired are -2',
    steps: [
      [['DEBUG', 'SET-ACTIVE-EXPIRE', '0'], '+OK\r\n'],
      [['SET', 'x', 'v', 'PX', '10'], '+OK\r\n'],
      { advance: 20 },
      [['TTL', 'x'], ':-2\r\n'],
      [['PTTL', 'x'], ':-2\r\n'],
      [['EXPIRETIME', 'x'], ':-2\r\n'],
      [['PEXPIRETIME', 'x'], ':-2\r\n'],
      [['DBSIZE'], ':0\r\n'],
    ],
  },
  {
    name: 'TTL reply for a key set in the far future',
    steps: [
      [['SET', 'x', 'v'], '+OK\r\n'],
      [['PEXPIREAT', 'x', '9223372036854775807'], ':1\r\n'],
      [['PEXPIRETIME', 'x'], ':9223372036854775807\r\n'],
      [['EXPIRETIME', 'x'], ':9223372036854776\r\n'],
    ],
  },
  {
    name: 'TTL and friends reject a wrong number of arguments',
    steps: [
      [['TTL'], '-ERR wrong number of arguments for \'ttl\' command\r\n'],
      [['TTL', 'a', 'b'], '-ERR wrong number of arguments for \'ttl\' command\r\n'],
      [['PTTL'], '-ERR wrong number of arguments for \'pttl\' command\r\n'],
      [['EXPIRETIME', 'a', 'b'], '-ERR wrong number of arguments for \'expiretime\' command\r\n'],
      [['PEXPIRETIME'], '-ERR wrong number of arguments for \'pexpiretime\' command\r\n'],
      [['PERSIST'], '-ERR wrong number of arguments for \'persist\' command\r\n'],
      [['PERSIST', 'a', 'b'], '-ERR wrong number of arguments for \'persist\' command\r\n'],
    ],
  },
  {
    name: 'TTL works on binary and empty key names',
    steps: [
      [['SET', '', 'v', 'EX', '50'], '+OK\r\n'],
      [['TTL', ''], ':50\r\n'],
      [['SET', '\xff\x00', 'v', 'EX', '60'], '+OK\r\n'],
      [['TTL', '\xff\x00'], ':60\r\n'],
      [['TTL', '\xff'], ':-2\r\n'],
    ],
  },
  {
    name: 'PERSIST can undo an EXPIRE',
    steps: [
      [['SET', 'x', 'foo'], '+OK\r\n'],
      [['EXPIRE', 'x', '50'], ':1\r\n'],
      [['TTL', 'x'], ':50\r\n'],
      [['PERSIST', 'x'], ':1\r\n'],
      [['TTL', 'x'], ':-1\r\n'],
      [['GET', 'x'], '$3\r\nfoo\r\n'],
    ],
  },
  {
    name: 'PERSIST returns 0 against non existing or non volatile keys',
    steps: [
      [['SET', 'x', 'foo'], '+OK\r\n'],
      [['PERSIST', 'foo'], ':0\r\n'],
      [['PERSIST', 'x'], ':0\r\n'],
      [['PERSIST', 'nokey'], ':0\r\n'],
    ],
  },
  {
    name: 'PERSIST on an expired key returns 0 and the key is gone',
    steps: [
      [['DEBUG', 'SET-ACTIVE-EXPIRE', '0'], '+OK\r\n'],
      [['SET', 'x', 'v', 'PX', '10'], '+OK\r\n'],
      { advance: 20 },
      [['PERSIST', 'x'], ':0\r\n'],
      [['DBSIZE'], ':0\r\n'],
    ],
  },
  {
    name: 'TTL in RESP3 is an integer too',
    resp: 3,
    steps: [
      [['SET', 'x', 'v', 'EX', '100'], '+OK\r\n'],
      [['TTL', 'x'], ':100\r\n'],
      [['TTL', 'nokey'], ':-2\r\n'],
      [['EXPIRETIME', 'nokey'], ':-2\r\n'],
    ],
  },
];

runCases('TTL PTTL EXPIRETIME PEXPIRETIME PERSIST', cases);
