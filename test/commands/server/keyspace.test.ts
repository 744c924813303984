// DBSIZE, FLUSHDB [ASYNC | SYNC], FLUSHALL [ASYNC | SYNC], SWAPDB index1 index2
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps
// (the server under test runs on a FakeClock; { advance } steps move it).
import { runCases, type Case } from '../generic/harness.js';

const cases: Case[] = [
  {
    name: 'DBSIZE counts the keys of the selected database',
    steps: [
      [['DBSIZE'], ':0\r\n'],
      [['MSET', 'a', '1', 'b', '2'], '+OK\r\n'],
      [['DBSIZE'], ':2\r\n'],
      [['SELECT', '1'], '+OK\r\n'],
      [['DBSIZE'], ':0\r\n'],
      [['SET', 'c', '3'], '+OK\r\n'],
      [['DBSIZE'], ':1\r\n'],
      [['SELECT', '0'], '+OK\r\n'],
      [['DEL', 'a'], ':1\r\n'],
      [['DBSIZE'], ':1\r\n'],
    ],
  },
  {
    name: 'DBSIZE counts expired keys not yet collected',
    steps: [
      [['DEBUG', 'SET-ACTIVE-EXPIRE', '0'], '+OK\r\n'],
      [['SET', 'a', '1', 'PX', '10'], '+OK\r\n'],
      [['SET', 'b', '1'], '+OK\r\n'],
      { advance: 20 },
      [['DBSIZE'], ':2\r\n'],
      [['GET', 'a'], '$-1\r\n'],
      [['DBSIZE'], ':1\r\n'],
    ],
  },
  {
    name: 'FLUSHDB empties the selected database only',
    steps: [
      [['MSET', 'a', '1', 'b', '2'], '+OK\r\n'],
      [['SELECT', '9'], '+OK\r\n'],
      [['SET', 'c', '3'], '+OK\r\n'],
      [['SELECT', '0'], '+OK\r\n'],
      [['FLUSHDB'], '+OK\r\n'],
      [['DBSIZE'], ':0\r\n'],
      [['SELECT', '9'], '+OK\r\n'],
      [['DBSIZE'], ':1\r\n'],
      [['SELECT', '0'], '+OK\r\n'],
      [['FLUSHDB'], '+OK\r\n'],
    ],
  },
  {
    name: 'FLUSHDB and FLUSHALL accept ASYNC and SYNC',
    steps: [
      [['SET', 'a', '1'], '+OK\r\n'],
      [['FLUSHDB', 'ASYNC'], '+OK\r\n'],
      [['DBSIZE'], ':0\r\n'],
      [['SET', 'a', '1'], '+OK\r\n'],
      [['FLUSHDB', 'sync'], '+OK\r\n'],
      [['DBSIZE'], ':0\r\n'],
      [['SET', 'a', '1'], '+OK\r\n'],
      [['FLUSHALL', 'async'], '+OK\r\n'],
      [['DBSIZE'], ':0\r\n'],
      [['SET', 'a', '1'], '+OK\r\n'],
      [['FLUSHALL', 'SYNC'], '+OK\r\n'],
      [['DBSIZE'], ':0\r\n'],
      [['FLUSHDB', 'sync\x00x'], '+OK\r\n'],
    ],
  },
  {
    name: 'FLUSHDB and FLUSHALL reject other arguments',
    steps: [
      [['SET', 'a', '1'], '+OK\r\n'],
      [['FLUSHDB', 'x'], '-ERR syntax error\r\n'],
      [['FLUSHDB', 'sync', 'x'], '-ERR syntax error\r\n'],
      [['FLUSHDB', 'async', 'sync'], '-ERR syntax error\r\n'],
      [['FLUSHALL', 'x'], '-ERR syntax error\r\n'],
      [['FLUSHALL', ''], '-ERR syntax error\r\n'],
      [['FLUSHALL', 'ASYNC', 'ASYNC'], '-ERR syntax error\r\n'],
      [['DBSIZE'], ':1\r\n'],
    ],
  },
  {
    name: 'FLUSHALL empties every database',
    steps: [
      [['SET', 'a', '1'], '+OK\r\n'],
      [['SELECT', '15'], '+OK\r\n'],
      [['SET', 'b', '1', 'EX', '100'], '+OK\r\n'],
      [['FLUSHALL'], '+OK\r\n'],
      [['DBSIZE'], ':0\r\n'],
      [['SELECT', '0'], '+OK\r\n'],
      [['DBSIZE'], ':0\r\n'],
      [['TTL', 'b'], ':-2\r\n'],
    ],
  },
  {
    name: 'SWAPDB swaps the contents of two databases, TTLs included',
    steps: [
      [['SET', 'a', 'in0'], '+OK\r\n'],
      [['SELECT', '1'], '+OK\r\n'],
      [['SET', 'b', 'in1', 'EX', '100'], '+OK\r\n'],
      [['SELECT', '0'], '+OK\r\n'],
      [['SWAPDB', '0', '1'], '+OK\r\n'],
      [['GET', 'a'], '$-1\r\n'],
      [['GET', 'b'], '$3\r\nin1\r\n'],
      [['TTL', 'b'], ':100\r\n'],
      [['DBSIZE'], ':1\r\n'],
      [['SELECT', '1'], '+OK\r\n'],
      [['GET', 'a'], '$3\r\nin0\r\n'],
      [['SWAPDB', '1', '0'], '+OK\r\n'],
      [['GET', 'a'], '$-1\r\n'],
      [['SELECT', '0'], '+OK\r\n'],
      [['GET', 'b'], '$-1\r\n'],
    ],
  },
  {
    name: 'SWAPDB of a database with itself is OK and changes nothing',
    steps: [
      [['SET', 'a', '1'], '+OK\r\n'],
      [['SWAPDB', '0', '0'], '+OK\r\n'],
      [['GET', 'a'], '$1\r\n1\r\n'],
      [['SWAPDB', '15', '15'], '+OK\r\n'],
    ],
  },
  {
    name: 'SWAPDB errors',
    steps: [
      [['SWAPDB', '0', 'x'], '-ERR invalid second DB index\r\n'],
      [['SWAPDB', 'x', '0'], '-ERR invalid first DB index\r\n'],
      [['SWAPDB', 'x', 'y'], '-ERR invalid first DB index\r\n'],
      [['SWAPDB', '0', '16'], '-ERR DB index is out of range\r\n'],
      [['SWAPDB', '-1', '0'], '-ERR DB index is out of range\r\n'],
      [['SWAPDB', '16', 'x'], '-ERR invalid second DB index\r\n'],
      [['SWAPDB', '99999999999999999999', '0'], '-ERR invalid first DB index\r\n'],
      [['SWAPDB', '2147483648', '0'], '-ERR invalid first DB index\r\n'],
      [['SWAPDB', '0', '-2147483649'], '-ERR invalid second DB index\r\n'],
      [['SWAPDB', '', '0'], '-ERR invalid first DB index\r\n'],
      [['SWAPDB', '1.5', '0'], '-ERR invalid first DB index\r\n'],
    ],
  },
  {
    name: 'DBSIZE, FLUSHDB, FLUSHALL and SWAPDB reject a wrong number of arguments',
    steps: [
      [['DBSIZE', 'x'], '-ERR wrong number of arguments for \'dbsize\' command\r\n'],
      [['SWAPDB', '0'], '-ERR wrong number of arguments for \'swapdb\' command\r\n'],
      [['SWAPDB', '0', '1', '2'], '-ERR wrong number of arguments for \'swapdb\' command\r\n'],
    ],
  },
];

runCases('DBSIZE FLUSHDB FLUSHALL SWAPDB', cases);
