// ZUNION ZINTER ZDIFF ZINTERCARD ZUNIONSTORE with plain sets as sources (every score 1).
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps.
import { runCases, type Case } from '../strings/harness.js';

const cases: Case[] = [
  {
    name: 'plain sets count as sorted sets whose scores are all 1',
    steps: [
      [['SADD', 's1', 'a', 'b', '3'], ':3\r\n'],
      [['ZADD', 'z1', '2', 'a', '5', 'x'], ':2\r\n'],
      [['SADD', 's2', '1', '2', '3'], ':3\r\n'],
      [['ZUNION', '3', 's1', 'z1', 's2', 'WITHSCORES'], '*12\r\n$1\r\n1\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n1\r\n$1\r\n3\r\n$1\r\n2\r\n$1\r\na\r\n$1\r\n3\r\n$1\r\nx\r\n$1\r\n5\r\n'],
      [['ZINTER', '2', 's1', 'z1', 'WEIGHTS', '3', '1', 'WITHSCORES'], '*2\r\n$1\r\na\r\n$1\r\n5\r\n'],
      [['ZDIFF', '2', 's2', 's1', 'WITHSCORES'], '*4\r\n$1\r\n1\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n1\r\n'],
      [['ZINTERCARD', '2', 's1', 's2'], ':1\r\n'],
      [['ZUNIONSTORE', 'd', '2', 's1', 's2'], ':5\r\n'],
      [['OBJECT', 'ENCODING', 'd'], '$8\r\nlistpack\r\n'],
      [['SET', 'str', 'x'], '+OK\r\n'],
      [['ZUNION', '2', 's1', 'str'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
    ],
  },
];

runCases('ZUNION, ZINTER, ZDIFF over sets', cases);
