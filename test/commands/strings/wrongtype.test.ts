// Every string command against a list key (WRONGTYPE and its precedence)
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps.
import { runCases, type Case } from './harness.js';

const cases: Case[] = [
  {
    name: 'GET, GETDEL, GETSET, STRLEN and GETRANGE against a list fail with WRONGTYPE',
    lists: ['lst'],
    steps: [
      [['GET', 'lst'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['GETDEL', 'lst'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['GETSET', 'lst', 'v'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['STRLEN', 'lst'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['GETRANGE', 'lst', '0', '1'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['SUBSTR', 'lst', '0', '1'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['GET', 'lst'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
    ],
  },
  {
    name: 'Extended SET GET with incorrect type should result in wrong type error',
    lists: ['lst'],
    steps: [
      [['SET', 'lst', 'bar', 'GET'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['SET', 'lst', 'bar', 'GET', 'NX'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['SET', 'lst', 'bar', 'GET', 'XX', 'EX', '100'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['SET', 'lst', 'bar', 'GET', 'EX', '0'], '-ERR invalid expire time in \'set\' command\r\n'],
      [['SET', 'lst', 'bar', 'GET', 'BAD'], '-ERR syntax error\r\n'],
    ],
  },
  {
    name: 'SET and MSET overwrite a key of another type',
    lists: ['a', 'b'],
    steps: [
      [['SET', 'a', 'v'], '+OK\r\n'],
      [['GET', 'a'], '$1\r\nv\r\n'],
      [['MSET', 'b', '1'], '+OK\r\n'],
      [['INCR', 'b'], ':2\r\n'],
    ],
  },
  {
    name: 'SETNX and MSETNX see a key of another type as existing',
    lists: ['lst'],
    steps: [
      [['SETNX', 'lst', 'v'], ':0\r\n'],
      [['MSETNX', 'new', '1', 'lst', 'v'], ':0\r\n'],
      [['GET', 'new'], '$-1\r\n'],
      [['SET', 'lst', 'v', 'XX'], '+OK\r\n'],
      [['GET', 'lst'], '$1\r\nv\r\n'],
    ],
  },
  {
    name: 'MGET against non-string key',
    lists: ['lst'],
    steps: [
      [['SET', 'foo', 'BAR'], '+OK\r\n'],
      [['MGET', 'foo', 'lst', 'nokey', 'foo'], '*4\r\n$3\r\nBAR\r\n$-1\r\n$-1\r\n$3\r\nBAR\r\n'],
    ],
  },
  {
    name: 'INCR fails against a key holding a list',
    lists: ['lst'],
    steps: [
      [['INCR', 'lst'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['DECR', 'lst'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['INCRBY', 'lst', '5'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['INCRBY', 'lst', 'x'], '-ERR value is not an integer or out of range\r\n'],
      [['DECRBY', 'lst', '-9223372036854775808'], '-ERR decrement would overflow\r\n'],
      [['DECRBY', 'lst', '1'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
    ],
  },
  {
    name: 'INCRBYFLOAT fails against a key holding a list',
    lists: ['lst'],
    steps: [
      [['INCRBYFLOAT', 'lst', '1.0'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['INCRBYFLOAT', 'lst', 'abc'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
    ],
  },
  {
    name: 'APPEND and SETRANGE against a list fail with WRONGTYPE',
    lists: ['lst'],
    steps: [
      [['APPEND', 'lst', 'x'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['APPEND', 'lst', ''], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['SETRANGE', 'lst', '0', 'bar'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['SETRANGE', 'lst', '0', ''], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['SETRANGE', 'lst', '-1', 'x'], '-ERR offset is out of range\r\n'],
      [['SETRANGE', 'lst', 'x', 'x'], '-ERR value is not an integer or out of range\r\n'],
      [['SETRANGE', 'lst', '9223372036854775807', 'x'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
    ],
  },
  {
    name: 'GETEX against a list checks the syntax first and the expire value last',
    lists: ['lst'],
    steps: [
      [['GETEX', 'lst'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['GETEX', 'lst', 'BAD'], '-ERR syntax error\r\n'],
      [['GETEX', 'lst', 'EX', '0'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['GETEX', 'lst', 'PERSIST'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
    ],
  },
  {
    name: 'GETRANGE against a list checks the indexes first',
    lists: ['lst'],
    steps: [
      [['GETRANGE', 'lst', 'x', '1'], '-ERR value is not an integer or out of range\r\n'],
      [['GETRANGE', 'lst', '0', 'x'], '-ERR value is not an integer or out of range\r\n'],
    ],
  },
  {
    name: 'LCS against a list fails before the options are read',
    lists: ['lst'],
    steps: [
      [['SET', 'a', 'abc'], '+OK\r\n'],
      [['LCS', 'lst', 'a'], '-ERR The specified keys must contain string values\r\n'],
      [['LCS', 'a', 'lst'], '-ERR The specified keys must contain string values\r\n'],
      [['LCS', 'lst', 'a', 'BOGUS'], '-ERR The specified keys must contain string values\r\n'],
      [['LCS', 'nokey', 'lst', 'LEN', 'IDX'], '-ERR The specified keys must contain string values\r\n'],
    ],
  },
];

runCases('String commands against a key of another type', cases);
