// INCR key | DECR key | INCRBY key increment | DECRBY key decrement
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps.
import { runCases, type Case } from './harness.js';

const cases: Case[] = [
  {
    name: 'INCR against non existing key',
    steps: [
      [['INCR', 'novar'], ':1\r\n'],
      [['GET', 'novar'], '$1\r\n1\r\n'],
    ],
  },
  {
    name: 'INCR against key created by incr itself',
    steps: [
      [['INCR', 'novar'], ':1\r\n'],
      [['INCR', 'novar'], ':2\r\n'],
    ],
  },
  {
    name: 'DECR against key created by incr',
    steps: [
      [['INCR', 'novar'], ':1\r\n'],
      [['DECR', 'novar'], ':0\r\n'],
    ],
  },
  {
    name: 'DECR against key is not exist and incr',
    steps: [
      [['DECR', 'novar_not_exist'], ':-1\r\n'],
      [['INCR', 'novar_not_exist'], ':0\r\n'],
    ],
  },
  {
    name: 'INCR against key originally set with SET',
    steps: [
      [['SET', 'novar', '100'], '+OK\r\n'],
      [['INCR', 'novar'], ':101\r\n'],
    ],
  },
  {
    name: 'INCR over 32bit value',
    steps: [
      [['SET', 'novar', '17179869184'], '+OK\r\n'],
      [['INCR', 'novar'], ':17179869185\r\n'],
    ],
  },
  {
    name: 'INCRBY over 32bit value with over 32bit increment',
    steps: [
      [['SET', 'novar', '17179869184'], '+OK\r\n'],
      [['INCRBY', 'novar', '17179869184'], ':34359738368\r\n'],
    ],
  },
  {
    name: 'INCR fails against key with spaces (left)',
    steps: [
      [['SET', 'novar', '    11'], '+OK\r\n'],
      [['INCR', 'novar'], '-ERR value is not an integer or out of range\r\n'],
    ],
  },
  {
    name: 'INCR fails against key with spaces (right)',
    steps: [
      [['SET', 'novar', '11    '], '+OK\r\n'],
      [['INCR', 'novar'], '-ERR value is not an integer or out of range\r\n'],
    ],
  },
  {
    name: 'INCR fails against key with spaces (both)',
    steps: [
      [['SET', 'novar', '    11    '], '+OK\r\n'],
      [['INCR', 'novar'], '-ERR value is not an integer or out of range\r\n'],
    ],
  },
  {
    name: 'DECRBY negation overflow',
    steps: [
      [['SET', 'x', '0'], '+OK\r\n'],
      [['DECRBY', 'x', '-9223372036854775808'], '-ERR decrement would overflow\r\n'],
      [['DECRBY', 'missing', '-9223372036854775808'], '-ERR decrement would overflow\r\n'],
      [['GET', 'x'], '$1\r\n0\r\n'],
    ],
  },
  {
    name: 'DECRBY over 32bit value with over 32bit increment, negative res',
    steps: [
      [['SET', 'novar', '17179869184'], '+OK\r\n'],
      [['DECRBY', 'novar', '17179869185'], ':-1\r\n'],
    ],
  },
  {
    name: 'DECRBY against key is not exist',
    steps: [
      [['DECRBY', 'key_not_exist', '1'], ':-1\r\n'],
      [['DECRBY', 'key_not_exist2', '-5'], ':5\r\n'],
    ],
  },
  {
    name: 'INCRBY and DECRBY with zero, negative and positive amounts',
    steps: [
      [['INCRBY', 'k', '0'], ':0\r\n'],
      [['INCRBY', 'k', '-7'], ':-7\r\n'],
      [['DECRBY', 'k', '-10'], ':3\r\n'],
      [['DECRBY', 'k', '3'], ':0\r\n'],
      [['INCRBY', 'k', '0'], ':0\r\n'],
      [['GET', 'k'], '$1\r\n0\r\n'],
    ],
  },
  {
    name: 'INCR fails against values that are not canonical integers',
    steps: [
      [['SET', 'a', '007'], '+OK\r\n'],
      [['INCR', 'a'], '-ERR value is not an integer or out of range\r\n'],
      [['SET', 'a', '-0'], '+OK\r\n'],
      [['INCR', 'a'], '-ERR value is not an integer or out of range\r\n'],
      [['SET', 'a', '+1'], '+OK\r\n'],
      [['INCR', 'a'], '-ERR value is not an integer or out of range\r\n'],
      [['SET', 'a', '1.0'], '+OK\r\n'],
      [['INCR', 'a'], '-ERR value is not an integer or out of range\r\n'],
      [['SET', 'a', '0x10'], '+OK\r\n'],
      [['INCR', 'a'], '-ERR value is not an integer or out of range\r\n'],
      [['SET', 'a', ''], '+OK\r\n'],
      [['INCR', 'a'], '-ERR value is not an integer or out of range\r\n'],
      [['SET', 'a', '9223372036854775808'], '+OK\r\n'],
      [['INCR', 'a'], '-ERR value is not an integer or out of range\r\n'],
      [['SET', 'a', '123456789012345678901'], '+OK\r\n'],
      [['DECR', 'a'], '-ERR value is not an integer or out of range\r\n'],
      [['SET', 'a', '1\x00'], '+OK\r\n'],
      [['INCR', 'a'], '-ERR value is not an integer or out of range\r\n'],
      [['GET', 'a'], '$2\r\n1\x00\r\n'],
    ],
  },
  {
    name: 'INCRBY fails when the increment is not an integer',
    steps: [
      [['SET', 'k', '1'], '+OK\r\n'],
      [['INCRBY', 'k', '1.5'], '-ERR value is not an integer or out of range\r\n'],
      [['INCRBY', 'k', 'abc'], '-ERR value is not an integer or out of range\r\n'],
      [['INCRBY', 'k', ''], '-ERR value is not an integer or out of range\r\n'],
      [['INCRBY', 'k', '9223372036854775808'], '-ERR value is not an integer or out of range\r\n'],
      [['DECRBY', 'k', '-9223372036854775809'], '-ERR value is not an integer or out of range\r\n'],
      [['INCRBY', 'k', '+1'], '-ERR value is not an integer or out of range\r\n'],
      [['INCRBY', 'k', '01'], '-ERR value is not an integer or out of range\r\n'],
      [['INCRBY', 'missing', 'x'], '-ERR value is not an integer or out of range\r\n'],
      [['GET', 'k'], '$1\r\n1\r\n'],
      [['GET', 'missing'], '$-1\r\n'],
    ],
  },
  {
    name: 'INCR and DECR reach the int64 limits and detect overflow',
    steps: [
      [['SET', 'max', '9223372036854775806'], '+OK\r\n'],
      [['INCR', 'max'], ':9223372036854775807\r\n'],
      [['INCR', 'max'], '-ERR increment or decrement would overflow\r\n'],
      [['GET', 'max'], '$19\r\n9223372036854775807\r\n'],
      [['INCRBY', 'max', '0'], ':9223372036854775807\r\n'],
      [['DECR', 'max'], ':9223372036854775806\r\n'],
      [['SET', 'min', '-9223372036854775807'], '+OK\r\n'],
      [['DECR', 'min'], ':-9223372036854775808\r\n'],
      [['DECR', 'min'], '-ERR increment or decrement would overflow\r\n'],
      [['GET', 'min'], '$20\r\n-9223372036854775808\r\n'],
      [['INCRBY', 'min', '-1'], '-ERR increment or decrement would overflow\r\n'],
      [['INCR', 'min'], ':-9223372036854775807\r\n'],
    ],
  },
  {
    name: 'INCRBY detects overflow in both directions',
    steps: [
      [['SET', 'k', '1'], '+OK\r\n'],
      [['INCRBY', 'k', '9223372036854775807'], '-ERR increment or decrement would overflow\r\n'],
      [['INCRBY', 'k', '9223372036854775806'], ':9223372036854775807\r\n'],
      [['GET', 'k'], '$19\r\n9223372036854775807\r\n'],
      [['SET', 'k', '-1'], '+OK\r\n'],
      [['INCRBY', 'k', '-9223372036854775808'], '-ERR increment or decrement would overflow\r\n'],
      [['GET', 'k'], '$2\r\n-1\r\n'],
      [['INCRBY', 'k', '-1'], ':-2\r\n'],
      [['SET', 'k', '-2'], '+OK\r\n'],
      [['INCRBY', 'k', '-9223372036854775807'], '-ERR increment or decrement would overflow\r\n'],
      [['SET', 'k', '5'], '+OK\r\n'],
      [['DECRBY', 'k', '9223372036854775807'], ':-9223372036854775802\r\n'],
      [['DECRBY', 'k', '9223372036854775807'], '-ERR increment or decrement would overflow\r\n'],
      [['SET', 'k', '9223372036854775807'], '+OK\r\n'],
      [['INCRBY', 'k', '-9223372036854775808'], ':-1\r\n'],
      [['GET', 'k'], '$2\r\n-1\r\n'],
      [['SET', 'k', '-9223372036854775808'], '+OK\r\n'],
      [['DECRBY', 'k', '-9223372036854775807'], ':-1\r\n'],
      [['GET', 'k'], '$2\r\n-1\r\n'],
    ],
  },
  {
    name: 'INCRBY crosses 2^53 exactly',
    steps: [
      [['SET', 'k', '9007199254740991'], '+OK\r\n'],
      [['INCR', 'k'], ':9007199254740992\r\n'],
      [['INCR', 'k'], ':9007199254740993\r\n'],
      [['INCRBY', 'k', '9007199254740993'], ':18014398509481986\r\n'],
      [['DECRBY', 'k', '18014398509481986'], ':0\r\n'],
      [['DECR', 'k'], ':-1\r\n'],
      [['GET', 'k'], '$2\r\n-1\r\n'],
      [['SET', 'k', '-9007199254740991'], '+OK\r\n'],
      [['DECR', 'k'], ':-9007199254740992\r\n'],
      [['DECR', 'k'], ':-9007199254740993\r\n'],
      [['INCRBY', 'k', '3'], ':-9007199254740990\r\n'],
      [['GET', 'k'], '$17\r\n-9007199254740990\r\n'],
      [['SET', 'k', '4611686018427387904'], '+OK\r\n'],
      [['INCRBY', 'k', '4611686018427387903'], ':9223372036854775807\r\n'],
      [['GET', 'k'], '$19\r\n9223372036854775807\r\n'],
      [['INCRBY', 'k', '-4611686018427387904'], ':4611686018427387903\r\n'],
      [['INCRBY', 'k', '-4611686018427387903'], ':0\r\n'],
    ],
  },
  {
    name: 'INCR accepts a value made by APPEND and SETRANGE',
    steps: [
      [['SET', 'k', '1'], '+OK\r\n'],
      [['APPEND', 'k', '0'], ':2\r\n'],
      [['INCR', 'k'], ':11\r\n'],
      [['SETRANGE', 'k', '0', '9'], ':2\r\n'],
      [['INCRBY', 'k', '5'], ':96\r\n'],
      [['GET', 'k'], '$2\r\n96\r\n'],
    ],
  },
  {
    name: 'INCR on an empty binary-safe key name works',
    steps: [
      [['INCR', ''], ':1\r\n'],
      [['INCRBY', '', '41'], ':42\r\n'],
      [['GET', ''], '$2\r\n42\r\n'],
      [['INCR', '\x00\xff'], ':1\r\n'],
      [['GET', '\x00\xff'], '$1\r\n1\r\n'],
    ],
  },
];

runCases('INCR, DECR, INCRBY and DECRBY', cases);
