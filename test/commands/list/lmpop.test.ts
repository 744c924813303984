// LMPOP numkeys key [key ...] LEFT|RIGHT [COUNT count]
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps.
import { runCases, type Case } from '../strings/harness.js';

const cases: Case[] = [
  {
    name: 'LMPOP pops from the first non-empty list',
    steps: [
      [['RPUSH', 'l2', 'a', 'b', 'c'], ':3\r\n'],
      [['LMPOP', '2', 'l1', 'l2', 'LEFT'], '*2\r\n$2\r\nl2\r\n*1\r\n$1\r\na\r\n'],
      [['LMPOP', '2', 'l1', 'l2', 'RIGHT', 'COUNT', '10'], '*2\r\n$2\r\nl2\r\n*2\r\n$1\r\nc\r\n$1\r\nb\r\n'],
      [['LMPOP', '2', 'l1', 'l2', 'LEFT'], '*-1\r\n'],
      [['EXISTS', 'l2'], ':0\r\n'],
    ],
  },
  {
    name: 'LMPOP numkeys, direction and COUNT errors',
    steps: [
      [['LMPOP', '0', 'l', 'LEFT'], '-ERR numkeys should be greater than 0\r\n'],
      [['LMPOP', '-1', 'l', 'LEFT'], '-ERR numkeys should be greater than 0\r\n'],
      [['LMPOP', 'x', 'l', 'LEFT'], '-ERR numkeys should be greater than 0\r\n'],
      [['LMPOP', '3', 'l', 'LEFT'], '-ERR syntax error\r\n'],
      [['LMPOP', '1', 'l', 'MIDDLE'], '-ERR syntax error\r\n'],
      [['LMPOP', '1', 'l', 'LEFT', 'COUNT', '0'], '-ERR count should be greater than 0\r\n'],
      [['LMPOP', '1', 'l', 'LEFT', 'COUNT', 'x'], '-ERR count should be greater than 0\r\n'],
      [['LMPOP', '1', 'l', 'LEFT', 'COUNT', '1', 'COUNT', '2'], '-ERR syntax error\r\n'],
      [['LMPOP', '1', 'l', 'LEFT', 'COUNT'], '-ERR syntax error\r\n'],
      [['LMPOP', '1', 'l', 'LEFT', 'junk'], '-ERR syntax error\r\n'],
      [['LMPOP', '1', 'l'], '-ERR wrong number of arguments for \'lmpop\' command\r\n'],
      [['LMPOP', '2', 'l', 'LEFT'], '-ERR syntax error\r\n'],
    ],
  },
  {
    name: 'LMPOP on a wrong type',
    steps: [
      [['SET', 's', 'v'], '+OK\r\n'],
      [['LMPOP', '2', 'nokey', 's', 'LEFT'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['RPUSH', 'l', 'a'], ':1\r\n'],
      [['LMPOP', '2', 'l', 's', 'LEFT'], '*2\r\n$1\r\nl\r\n*1\r\n$1\r\na\r\n'],
    ],
  },
  {
    name: 'LMPOP in RESP3',
    resp: 3,
    steps: [
      [['LMPOP', '1', 'nokey', 'LEFT'], '_\r\n'],
      [['RPUSH', 'l', 'a', 'b'], ':2\r\n'],
      [['LMPOP', '1', 'l', 'RIGHT', 'COUNT', '5'], '*2\r\n$1\r\nl\r\n*2\r\n$1\r\nb\r\n$1\r\na\r\n'],
    ],
  },
];

runCases('LMPOP', cases);
