// ZRANDMEMBER ZSCAN (replies that do not depend on the random picks)
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps.
import { runCases, type Case } from '../strings/harness.js';

const cases: Case[] = [
  {
    name: "ZRANDMEMBER on a one-member set, missing keys and wrong types",
    steps: [
      [["ZADD", "z", "1.5", "a"], ":1\r\n"],
      [["ZRANDMEMBER", "z"], "$1\r\na\r\n"],
      [["ZRANDMEMBER", "z", "3"], "*1\r\n$1\r\na\r\n"],
      [["ZRANDMEMBER", "z", "-3", "WITHSCORES"], "*6\r\n$1\r\na\r\n$3\r\n1.5\r\n$1\r\na\r\n$3\r\n1.5\r\n$1\r\na\r\n$3\r\n1.5\r\n"],
      [["ZRANDMEMBER", "z", "0"], "*0\r\n"],
      [["ZRANDMEMBER", "nokey"], "$-1\r\n"],
      [["ZRANDMEMBER", "nokey", "5"], "*0\r\n"],
      [["ZRANDMEMBER", "z", "x"], "-ERR value is not an integer or out of range\r\n"],
      [["ZRANDMEMBER", "z", "1", "foo"], "-ERR syntax error\r\n"],
      [["ZRANDMEMBER", "z", "1", "WITHSCORES", "x"], "-ERR syntax error\r\n"],
      [["ZRANDMEMBER", "z", "-9223372036854775808"], "-ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807\r\n"],
      [["ZRANDMEMBER", "z", "9223372036854775807", "WITHSCORES"], "-ERR value is out of range\r\n"],
      [["SET", "s", "v"], "+OK\r\n"],
      [["ZRANDMEMBER", "s"], "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"],
      [["ZRANDMEMBER", "s", "0"], "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"],
      [["ZRANDMEMBER", "s", "x"], "-ERR value is not an integer or out of range\r\n"],
    ],
  },
  {
    name: "ZRANDMEMBER with a count covering the set returns all of it",
    steps: [
      [["ZADD", "z", "1", "a"], ":1\r\n"],
      [["ZRANDMEMBER", "z", "1", "WITHSCORES"], "*2\r\n$1\r\na\r\n$1\r\n1\r\n"],
      [["ZRANDMEMBER", "z", "100"], "*1\r\n$1\r\na\r\n"],
    ],
  },
  {
    name: "ZRANDMEMBER WITHSCORES pairs in RESP3",
    resp: 3,
    steps: [
      [["ZADD", "z", "1", "a"], ":1\r\n"],
      [["ZRANDMEMBER", "z", "-2", "WITHSCORES"], "*2\r\n*2\r\n$1\r\na\r\n,1\r\n*2\r\n$1\r\na\r\n,1\r\n"],
      [["ZRANDMEMBER", "z", "1"], "*1\r\n$1\r\na\r\n"],
    ],
  },
  {
    name: "ZSCAN of a listpack returns everything with cursor 0, MATCH filters members",
    steps: [
      [["ZADD", "z", "1", "a", "2.5", "ab", "1e17", "b", "-inf", "c"], ":4\r\n"],
      [["ZSCAN", "z", "0"], "*2\r\n$1\r\n0\r\n*8\r\n$1\r\nc\r\n$4\r\n-inf\r\n$1\r\na\r\n$1\r\n1\r\n$2\r\nab\r\n$3\r\n2.5\r\n$1\r\nb\r\n$18\r\n100000000000000000\r\n"],
      [["ZSCAN", "z", "0", "MATCH", "a*"], "*2\r\n$1\r\n0\r\n*4\r\n$1\r\na\r\n$1\r\n1\r\n$2\r\nab\r\n$3\r\n2.5\r\n"],
      [["ZSCAN", "z", "0", "COUNT", "1"], "*2\r\n$1\r\n0\r\n*8\r\n$1\r\nc\r\n$4\r\n-inf\r\n$1\r\na\r\n$1\r\n1\r\n$2\r\nab\r\n$3\r\n2.5\r\n$1\r\nb\r\n$18\r\n100000000000000000\r\n"],
      [["ZSCAN", "nokey", "0"], "*2\r\n$1\r\n0\r\n*0\r\n"],
      [["ZSCAN", "nokey", "0", "bogus"], "*2\r\n$1\r\n0\r\n*0\r\n"],
      [["ZSCAN", "z", "x"], "-ERR invalid cursor\r\n"],
      [["ZSCAN", "z", "0", "COUNT", "0"], "-ERR syntax error\r\n"],
      [["ZSCAN", "z", "0", "TYPE", "zset"], "-ERR syntax error\r\n"],
      [["ZSCAN", "z", "0", "COUNT", "x"], "-ERR value is not an integer or out of range\r\n"],
      [["SET", "s", "v"], "+OK\r\n"],
      [["ZSCAN", "s", "0"], "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"],
    ],
  },
];

runCases("ZRANDMEMBER, ZSCAN", cases);
