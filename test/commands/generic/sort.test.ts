// SORT key [BY pattern] [LIMIT offset count] [GET pattern ...] [ASC|DESC] [ALPHA] [STORE destination], SORT_RO
// Expected replies are the exact wire text Redis 7.0.15 sent for the same
// steps (many case names are Redis's own, from tests/unit/sort.tcl).
import { runCases, type Case, type Step } from './harness.js';

/** The list, weights and hashes most cases sort. */
const base: Step[] = [
  [["RPUSH", "tosort", "3", "1", "2", "10", "5"], ":5\r\n"],
  [["SET", "weight_1", "50"], "+OK\r\n"],
  [["SET", "weight_2", "40"], "+OK\r\n"],
  [["SET", "weight_3", "30"], "+OK\r\n"],
  [["SET", "weight_5", "10"], "+OK\r\n"],
  [["SET", "weight_10", "20"], "+OK\r\n"],
  [["HSET", "wobj_1", "weight", "5", "name", "one"], ":2\r\n"],
  [["HSET", "wobj_2", "weight", "4", "name", "two"], ":2\r\n"],
  [["HSET", "wobj_3", "weight", "3"], ":1\r\n"],
  [["HSET", "wobj_5", "weight", "1", "name", "five"], ":2\r\n"],
  [["HSET", "wobj_10", "weight", "2", "name", "ten"], ":2\r\n"],
];

const cases: Case[] = [
  {
    name: "SORT on a list sorts numerically by default",
    steps: [
      ...base,
      [["SORT", "tosort"], "*5\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n$1\r\n5\r\n$2\r\n10\r\n"],
      [["SORT", "tosort", "DESC"], "*5\r\n$2\r\n10\r\n$1\r\n5\r\n$1\r\n3\r\n$1\r\n2\r\n$1\r\n1\r\n"],
      [["SORT", "tosort", "ASC"], "*5\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n$1\r\n5\r\n$2\r\n10\r\n"],
    ],
  },
  {
    name: "SORT BY key",
    steps: [
      ...base,
      [["SORT", "tosort", "BY", "weight_*"], "*5\r\n$1\r\n5\r\n$2\r\n10\r\n$1\r\n3\r\n$1\r\n2\r\n$1\r\n1\r\n"],
      [["SORT", "tosort", "BY", "weight_*", "DESC"], "*5\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n$2\r\n10\r\n$1\r\n5\r\n"],
    ],
  },
  {
    name: "SORT BY key STORE",
    steps: [
      ...base,
      [["SORT", "tosort", "BY", "weight_*", "STORE", "sort-res"], ":5\r\n"],
      [["LRANGE", "sort-res", "0", "-1"], "*5\r\n$1\r\n5\r\n$2\r\n10\r\n$1\r\n3\r\n$1\r\n2\r\n$1\r\n1\r\n"],
      [["OBJECT", "ENCODING", "sort-res"], "$9\r\nquicklist\r\n"],
      [["TYPE", "sort-res"], "+list\r\n"],
    ],
  },
  {
    name: "SORT BY hash field",
    steps: [
      ...base,
      [["SORT", "tosort", "BY", "wobj_*->weight"], "*5\r\n$1\r\n5\r\n$2\r\n10\r\n$1\r\n3\r\n$1\r\n2\r\n$1\r\n1\r\n"],
      [["SORT", "tosort", "BY", "wobj_*->weight", "STORE", "sort-res"], ":5\r\n"],
      [["LRANGE", "sort-res", "0", "-1"], "*5\r\n$1\r\n5\r\n$2\r\n10\r\n$1\r\n3\r\n$1\r\n2\r\n$1\r\n1\r\n"],
    ],
  },
  {
    name: "SORT GET #",
    steps: [
      ...base,
      [["SORT", "tosort", "GET", "#"], "*5\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n$1\r\n5\r\n$2\r\n10\r\n"],
    ],
  },
  {
    name: "SORT GET <const>",
    steps: [
      ...base,
      [["SORT", "tosort", "GET", "foo"], "*5\r\n$-1\r\n$-1\r\n$-1\r\n$-1\r\n$-1\r\n"],
    ],
  },
  {
    name: "SORT GET (key and hash) with sanity check",
    steps: [
      ...base,
      [["SORT", "tosort", "GET", "#", "GET", "weight_*"], "*10\r\n$1\r\n1\r\n$2\r\n50\r\n$1\r\n2\r\n$2\r\n40\r\n$1\r\n3\r\n$2\r\n30\r\n$1\r\n5\r\n$2\r\n10\r\n$2\r\n10\r\n$2\r\n20\r\n"],
      [["SORT", "tosort", "GET", "#", "GET", "wobj_*->name"], "*10\r\n$1\r\n1\r\n$3\r\none\r\n$1\r\n2\r\n$3\r\ntwo\r\n$1\r\n3\r\n$-1\r\n$1\r\n5\r\n$4\r\nfive\r\n$2\r\n10\r\n$3\r\nten\r\n"],
      [["SORT", "tosort", "GET", "wobj_*->name", "GET", "wobj_*->nofield", "GET", "nokey_*"], "*15\r\n$3\r\none\r\n$-1\r\n$-1\r\n$3\r\ntwo\r\n$-1\r\n$-1\r\n$-1\r\n$-1\r\n$-1\r\n$4\r\nfive\r\n$-1\r\n$-1\r\n$3\r\nten\r\n$-1\r\n$-1\r\n"],
    ],
  },
  {
    name: "SORT BY key STORE with GET writes empty strings for missing values",
    steps: [
      ...base,
      [["SORT", "tosort", "BY", "weight_*", "GET", "#", "GET", "wobj_*->name", "STORE", "dst"], ":10\r\n"],
      [["LRANGE", "dst", "0", "-1"], "*10\r\n$1\r\n5\r\n$4\r\nfive\r\n$2\r\n10\r\n$3\r\nten\r\n$1\r\n3\r\n$0\r\n\r\n$1\r\n2\r\n$3\r\ntwo\r\n$1\r\n1\r\n$3\r\none\r\n"],
    ],
  },
  {
    name: "SORT BY nosort retains native order for lists",
    steps: [
      ...base,
      [["SORT", "tosort", "BY", "nosort", "GET", "#"], "*5\r\n$1\r\n3\r\n$1\r\n1\r\n$1\r\n2\r\n$2\r\n10\r\n$1\r\n5\r\n"],
      [["SORT", "tosort", "BY", "nosort", "DESC"], "*5\r\n$1\r\n5\r\n$2\r\n10\r\n$1\r\n2\r\n$1\r\n1\r\n$1\r\n3\r\n"],
      [["SORT", "tosort", "BY", "nosort", "LIMIT", "1", "2"], "*2\r\n$1\r\n1\r\n$1\r\n2\r\n"],
      [["SORT", "tosort", "BY", "nosort", "DESC", "LIMIT", "1", "2"], "*2\r\n$2\r\n10\r\n$1\r\n2\r\n"],
      [["SORT", "tosort", "BY", "nosort", "LIMIT", "4", "10"], "*1\r\n$1\r\n5\r\n"],
      [["SORT", "tosort", "BY", "nosort", "LIMIT", "5", "1"], "*0\r\n"],
      [["SORT", "tosort", "BY", "nosort", "LIMIT", "0", "0"], "*0\r\n"],
      [["SORT", "tosort", "BY", "nosort", "LIMIT", "-3", "2"], "*2\r\n$1\r\n3\r\n$1\r\n1\r\n"],
    ],
  },
  {
    name: "SORT BY nosort sticks even when a later BY has a pattern",
    steps: [
      ...base,
      [["SORT", "tosort", "BY", "nosort", "BY", "weight_*"], "*5\r\n$1\r\n3\r\n$1\r\n1\r\n$1\r\n2\r\n$2\r\n10\r\n$1\r\n5\r\n"],
    ],
  },
  {
    name: "SORT with LIMIT",
    steps: [
      ...base,
      [["SORT", "tosort", "LIMIT", "0", "2"], "*2\r\n$1\r\n1\r\n$1\r\n2\r\n"],
      [["SORT", "tosort", "LIMIT", "2", "2"], "*2\r\n$1\r\n3\r\n$1\r\n5\r\n"],
      [["SORT", "tosort", "LIMIT", "4", "100"], "*1\r\n$2\r\n10\r\n"],
      [["SORT", "tosort", "LIMIT", "5", "1"], "*0\r\n"],
      [["SORT", "tosort", "LIMIT", "100", "1"], "*0\r\n"],
      [["SORT", "tosort", "LIMIT", "-10", "2"], "*2\r\n$1\r\n1\r\n$1\r\n2\r\n"],
      [["SORT", "tosort", "LIMIT", "1", "-1"], "*4\r\n$1\r\n2\r\n$1\r\n3\r\n$1\r\n5\r\n$2\r\n10\r\n"],
      [["SORT", "tosort", "LIMIT", "1", "0"], "*0\r\n"],
      [["SORT", "tosort", "DESC", "LIMIT", "1", "2"], "*2\r\n$1\r\n5\r\n$1\r\n3\r\n"],
      [["SORT", "tosort", "BY", "weight_*", "LIMIT", "1", "2"], "*2\r\n$2\r\n10\r\n$1\r\n3\r\n"],
    ],
  },
  {
    name: "SORT LIMIT with a non-integer replies with the integer error",
    steps: [
      ...base,
      [["SORT", "tosort", "LIMIT", "a", "2"], "-ERR value is not an integer or out of range\r\n"],
      [["SORT", "tosort", "LIMIT", "1", "b"], "-ERR value is not an integer or out of range\r\n"],
      [["SORT", "tosort", "LIMIT", "1"], "-ERR syntax error\r\n"],
    ],
  },
  {
    name: "SORT with a bad option is a syntax error, before the type check",
    steps: [
      [["SET", "str", "x"], "+OK\r\n"],
      [["SORT", "str", "FOO"], "-ERR syntax error\r\n"],
      [["SORT", "nokey", "BY"], "-ERR syntax error\r\n"],
      [["SORT", "nokey", "GET"], "-ERR syntax error\r\n"],
      [["SORT", "str"], "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"],
      [["SORT_RO", "str"], "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"],
    ],
  },
  {
    name: "SORT_RO refuses STORE",
    steps: [
      ...base,
      [["SORT_RO", "tosort", "STORE", "x"], "-ERR syntax error\r\n"],
      [["SORT_RO", "tosort"], "*5\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n$1\r\n5\r\n$2\r\n10\r\n"],
      [["SORT_RO", "tosort", "BY", "weight_*", "GET", "#", "GET", "wobj_*->name", "DESC"], "*10\r\n$1\r\n1\r\n$3\r\none\r\n$1\r\n2\r\n$3\r\ntwo\r\n$1\r\n3\r\n$-1\r\n$2\r\n10\r\n$3\r\nten\r\n$1\r\n5\r\n$4\r\nfive\r\n"],
      [["EXISTS", "x"], ":0\r\n"],
    ],
  },
  {
    name: "SORT ALPHA against integer encoded strings",
    steps: [
      [["LPUSH", "mylist", "2"], ":1\r\n"],
      [["LPUSH", "mylist", "1"], ":2\r\n"],
      [["LPUSH", "mylist", "3"], ":3\r\n"],
      [["LPUSH", "mylist", "10"], ":4\r\n"],
      [["SORT", "mylist", "ALPHA"], "*4\r\n$1\r\n1\r\n$2\r\n10\r\n$1\r\n2\r\n$1\r\n3\r\n"],
      [["SORT", "mylist", "ALPHA", "DESC"], "*4\r\n$1\r\n3\r\n$1\r\n2\r\n$2\r\n10\r\n$1\r\n1\r\n"],
    ],
  },
  {
    name: "SORT ALPHA sorts bytes, and BY with ALPHA compares the looked-up values",
    steps: [
      [["RPUSH", "l", "b", "a", "B", "ab", "", "zé", "z"], ":7\r\n"],
      [["SORT", "l", "ALPHA"], "*7\r\n$0\r\n\r\n$1\r\nB\r\n$1\r\na\r\n$2\r\nab\r\n$1\r\nb\r\n$1\r\nz\r\n$2\r\nzé\r\n"],
      [["SORT", "l", "ALPHA", "DESC"], "*7\r\n$2\r\nzé\r\n$1\r\nz\r\n$1\r\nb\r\n$2\r\nab\r\n$1\r\na\r\n$1\r\nB\r\n$0\r\n\r\n"],
      [["SORT", "l", "ALPHA", "STORE", "d"], ":7\r\n"],
      [["LRANGE", "d", "0", "-1"], "*7\r\n$0\r\n\r\n$1\r\nB\r\n$1\r\na\r\n$2\r\nab\r\n$1\r\nb\r\n$1\r\nz\r\n$2\r\nzé\r\n"],
      [["SET", "k_a", "3"], "+OK\r\n"],
      [["SET", "k_b", "1"], "+OK\r\n"],
      [["SET", "k_z", "2"], "+OK\r\n"],
      [["SORT", "l", "BY", "k_*", "ALPHA"], "*7\r\n$1\r\nB\r\n$2\r\nab\r\n$0\r\n\r\n$2\r\nzé\r\n$1\r\nb\r\n$1\r\nz\r\n$1\r\na\r\n"],
      [["SORT", "l", "BY", "k_*", "ALPHA", "DESC"], "*7\r\n$1\r\na\r\n$1\r\nz\r\n$1\r\nb\r\n$1\r\nB\r\n$2\r\nab\r\n$0\r\n\r\n$2\r\nzé\r\n"],
      [["SORT", "l", "BY", "k_*", "ALPHA", "STORE", "d"], ":7\r\n"],
      [["LRANGE", "d", "0", "-1"], "*7\r\n$1\r\nB\r\n$2\r\nab\r\n$0\r\n\r\n$2\r\nzé\r\n$1\r\nb\r\n$1\r\nz\r\n$1\r\na\r\n"],
    ],
  },
  {
    name: "SORT sorted set",
    steps: [
      [["ZADD", "zset", "1", "a", "5", "b", "2", "c", "10", "d", "3", "e"], ":5\r\n"],
      [["SORT", "zset", "ALPHA", "DESC"], "*5\r\n$1\r\ne\r\n$1\r\nd\r\n$1\r\nc\r\n$1\r\nb\r\n$1\r\na\r\n"],
      [["OBJECT", "ENCODING", "zset"], "$8\r\nskiplist\r\n"],
      [["SORT", "zset"], "-ERR One or more scores can't be converted into double\r\n"],
    ],
  },
  {
    name: "SORT sorted set BY nosort should retain ordering",
    steps: [
      [["ZADD", "zset", "1", "a", "5", "b", "2", "c", "10", "d", "3", "e"], ":5\r\n"],
      [["MULTI"], "+OK\r\n"],
      [["SORT", "zset", "BY", "nosort", "ASC"], "+QUEUED\r\n"],
      [["SORT", "zset", "BY", "nosort", "DESC"], "+QUEUED\r\n"],
      [["EXEC"], "*2\r\n*5\r\n$1\r\na\r\n$1\r\nc\r\n$1\r\ne\r\n$1\r\nb\r\n$1\r\nd\r\n*5\r\n$1\r\nd\r\n$1\r\nb\r\n$1\r\ne\r\n$1\r\nc\r\n$1\r\na\r\n"],
    ],
  },
  {
    name: "SORT sorted set BY nosort + LIMIT",
    steps: [
      [["ZADD", "zset", "1", "a", "5", "b", "2", "c", "10", "d", "3", "e"], ":5\r\n"],
      [["SORT", "zset", "BY", "nosort", "ASC", "LIMIT", "0", "1"], "*1\r\n$1\r\na\r\n"],
      [["SORT", "zset", "BY", "nosort", "DESC", "LIMIT", "0", "1"], "*1\r\n$1\r\nd\r\n"],
      [["SORT", "zset", "BY", "nosort", "ASC", "LIMIT", "0", "2"], "*2\r\n$1\r\na\r\n$1\r\nc\r\n"],
      [["SORT", "zset", "BY", "nosort", "DESC", "LIMIT", "0", "2"], "*2\r\n$1\r\nd\r\n$1\r\nb\r\n"],
      [["SORT", "zset", "BY", "nosort", "LIMIT", "5", "10"], "*0\r\n"],
      [["SORT", "zset", "BY", "nosort", "LIMIT", "-10", "100"], "*5\r\n$1\r\na\r\n$1\r\nc\r\n$1\r\ne\r\n$1\r\nb\r\n$1\r\nd\r\n"],
      [["SORT", "zset", "BY", "nosort", "DESC", "LIMIT", "2", "2"], "*2\r\n$1\r\ne\r\n$1\r\nc\r\n"],
      [["SORT", "zset", "BY", "nosort", "LIMIT", "3", "-1"], "*2\r\n$1\r\nb\r\n$1\r\nd\r\n"],
    ],
  },
  {
    name: "SORT sorted set BY nosort works as expected from scripts",
    steps: [
      [["ZADD", "zset", "1", "a", "5", "b", "2", "c", "10", "d", "3", "e"], ":5\r\n"],
      [["SORT", "zset", "BY", "nosort", "GET", "#", "STORE", "d"], ":5\r\n"],
      [["LRANGE", "d", "0", "-1"], "*5\r\n$1\r\na\r\n$1\r\nc\r\n$1\r\ne\r\n$1\r\nb\r\n$1\r\nd\r\n"],
    ],
  },
  {
    name: "SORT sorted set: +inf and -inf handling",
    steps: [
      [["ZADD", "zset", "-100", "a", "200", "b", "-300", "c", "1000000", "d", "+inf", "max", "-inf", "min"], ":6\r\n"],
      [["ZRANGE", "zset", "0", "-1"], "*6\r\n$3\r\nmin\r\n$1\r\nc\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nd\r\n$3\r\nmax\r\n"],
      [["SORT", "zset", "BY", "nosort"], "*6\r\n$3\r\nmin\r\n$1\r\nc\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nd\r\n$3\r\nmax\r\n"],
    ],
  },
  {
    name: "SORT regression for issue #19, sorting floats",
    steps: [
      [["RPUSH", "mylist", "1.1", "5.10", "3.10", "7.44", "2.1", "5.75", "6.12", "0.25", "1.15"], ":9\r\n"],
      [["SORT", "mylist"], "*9\r\n$4\r\n0.25\r\n$3\r\n1.1\r\n$4\r\n1.15\r\n$3\r\n2.1\r\n$4\r\n3.10\r\n$4\r\n5.10\r\n$4\r\n5.75\r\n$4\r\n6.12\r\n$4\r\n7.44\r\n"],
    ],
  },
  {
    name: "SORT with STORE returns zero if result is empty (github issue 224)",
    steps: [
      [["SET", "foo", "bar"], "+OK\r\n"],
      [["SORT", "foo{t}", "STORE", "bar{t}"], ":0\r\n"],
      [["SORT", "nolist", "STORE", "foo"], ":0\r\n"],
      [["EXISTS", "foo"], ":0\r\n"],
    ],
  },
  {
    name: "SORT with STORE does not create empty lists (github issue 224)",
    steps: [
      [["RPUSH", "foo{t}", "bar"], ":1\r\n"],
      [["SORT", "foo{t}", "LIMIT", "10", "10", "STORE", "zap{t}"], "-ERR One or more scores can't be converted into double\r\n"],
      [["EXISTS", "zap{t}"], ":0\r\n"],
    ],
  },
  {
    name: "SORT with STORE removes key if result is empty (github issue 227)",
    steps: [
      [["RPUSH", "foo{t}", "bar"], ":1\r\n"],
      [["SORT", "emptylist{t}", "STORE", "foo{t}"], ":0\r\n"],
      [["EXISTS", "foo{t}"], ":0\r\n"],
    ],
  },
  {
    name: "SORT with STORE replaces the destination and its TTL",
    steps: [
      [["RPUSH", "l", "2", "1"], ":2\r\n"],
      [["SET", "dst", "x", "EX", "100"], "+OK\r\n"],
      [["SORT", "l", "STORE", "dst"], ":2\r\n"],
      [["TTL", "dst"], ":-1\r\n"],
      [["LRANGE", "dst", "0", "-1"], "*2\r\n$1\r\n1\r\n$1\r\n2\r\n"],
      [["SADD", "dst2", "a"], ":1\r\n"],
      [["SORT", "l", "STORE", "dst2", "DESC"], ":2\r\n"],
      [["TYPE", "dst2"], "+list\r\n"],
      [["LRANGE", "dst2", "0", "-1"], "*2\r\n$1\r\n2\r\n$1\r\n1\r\n"],
    ],
  },
  {
    name: "SORT with BY <constant> and STORE should still order output",
    steps: [
      [["SADD", "myset", "a", "b", "c", "d", "e", "f", "g", "h", "i", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "z", "aa", "aaa", "azz"], ":24\r\n"],
      [["SORT", "myset", "ALPHA", "BY", "_", "STORE", "mylist"], ":24\r\n"],
      [["LRANGE", "mylist", "0", "-1"], "*24\r\n$1\r\na\r\n$2\r\naa\r\n$3\r\naaa\r\n$3\r\nazz\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n$1\r\nf\r\n$1\r\ng\r\n$1\r\nh\r\n$1\r\ni\r\n$1\r\nl\r\n$1\r\nm\r\n$1\r\nn\r\n$1\r\no\r\n$1\r\np\r\n$1\r\nq\r\n$1\r\nr\r\n$1\r\ns\r\n$1\r\nt\r\n$1\r\nu\r\n$1\r\nv\r\n$1\r\nz\r\n"],
    ],
  },
  {
    name: "SORT BY nosort of an intset keeps its order",
    steps: [
      [["SADD", "s", "5", "-1", "3", "100"], ":4\r\n"],
      [["SORT", "s", "BY", "nosort"], "*4\r\n$2\r\n-1\r\n$1\r\n3\r\n$1\r\n5\r\n$3\r\n100\r\n"],
      [["SORT", "s", "BY", "nosort", "STORE", "d"], ":4\r\n"],
      [["LRANGE", "d", "0", "-1"], "*4\r\n$2\r\n-1\r\n$3\r\n100\r\n$1\r\n3\r\n$1\r\n5\r\n"],
      [["SORT", "s"], "*4\r\n$2\r\n-1\r\n$1\r\n3\r\n$1\r\n5\r\n$3\r\n100\r\n"],
      [["SORT", "s", "DESC", "LIMIT", "0", "2"], "*2\r\n$3\r\n100\r\n$1\r\n5\r\n"],
    ],
  },
  {
    name: "SORT with numeric values that strtod accepts or refuses",
    steps: [
      [["RPUSH", "a", " 3", "", "0x10", "-inf", "INF", "1e3", ".5", "2."], ":8\r\n"],
      [["SORT", "a"], "*8\r\n$4\r\n-inf\r\n$0\r\n\r\n$2\r\n.5\r\n$2\r\n2.\r\n$2\r\n 3\r\n$4\r\n0x10\r\n$3\r\n1e3\r\n$3\r\nINF\r\n"],
      [["SORT", "a", "DESC"], "*8\r\n$3\r\nINF\r\n$3\r\n1e3\r\n$4\r\n0x10\r\n$2\r\n 3\r\n$2\r\n2.\r\n$2\r\n.5\r\n$0\r\n\r\n$4\r\n-inf\r\n"],
      [["RPUSH", "b", "1 "], ":1\r\n"],
      [["SORT", "b"], "-ERR One or more scores can't be converted into double\r\n"],
      [["RPUSH", "e", "nan"], ":1\r\n"],
      [["SORT", "e"], "-ERR One or more scores can't be converted into double\r\n"],
      [["RPUSH", "f", "abc", "1"], ":2\r\n"],
      [["SORT", "f"], "-ERR One or more scores can't be converted into double\r\n"],
      [["SORT", "f", "STORE", "g"], "-ERR One or more scores can't be converted into double\r\n"],
      [["EXISTS", "g"], ":0\r\n"],
      [["RPUSH", "i", "0x", "1"], ":2\r\n"],
      [["SORT", "i"], "-ERR One or more scores can't be converted into double\r\n"],
      [["RPUSH", "j", "0.0", "0e5", "-0"], ":3\r\n"],
      [["SORT", "j"], "*3\r\n$2\r\n-0\r\n$3\r\n0.0\r\n$3\r\n0e5\r\n"],
    ],
  },
  {
    name: "SORT numeric ties are broken by the element bytes",
    steps: [
      [["RPUSH", "l", "1.0", "01", "1", "1e0"], ":4\r\n"],
      [["SORT", "l"], "*4\r\n$2\r\n01\r\n$1\r\n1\r\n$3\r\n1.0\r\n$3\r\n1e0\r\n"],
      [["SORT", "l", "DESC"], "*4\r\n$3\r\n1e0\r\n$3\r\n1.0\r\n$1\r\n1\r\n$2\r\n01\r\n"],
      [["SORT", "l", "BY", "nokey_*"], "*4\r\n$2\r\n01\r\n$1\r\n1\r\n$3\r\n1.0\r\n$3\r\n1e0\r\n"],
      [["SORT", "l", "BY", "nokey_*", "DESC"], "*4\r\n$3\r\n1e0\r\n$3\r\n1.0\r\n$1\r\n1\r\n$2\r\n01\r\n"],
    ],
  },
  {
    name: "SORT BY a pattern whose keys hold a wrong type or a non-number",
    steps: [
      [["RPUSH", "l", "1", "2", "3"], ":3\r\n"],
      [["RPUSH", "w_1", "x"], ":1\r\n"],
      [["SET", "w_2", "5"], "+OK\r\n"],
      [["HSET", "h_1", "f", "9"], ":1\r\n"],
      [["SORT", "l", "BY", "w_*"], "*3\r\n$1\r\n1\r\n$1\r\n3\r\n$1\r\n2\r\n"],
      [["SORT", "l", "BY", "h_*->f"], "*3\r\n$1\r\n2\r\n$1\r\n3\r\n$1\r\n1\r\n"],
      [["SORT", "l", "BY", "w_*->f"], "*3\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n"],
      [["SET", "w_3", "notnum"], "+OK\r\n"],
      [["SORT", "l", "BY", "w_*"], "-ERR One or more scores can't be converted into double\r\n"],
      [["SORT", "l", "BY", "w_*", "ALPHA"], "*3\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n"],
      [["SORT", "l", "GET", "h_*->"], "*3\r\n$-1\r\n$-1\r\n$-1\r\n"],
      [["SET", "h_2->", "arrow"], "+OK\r\n"],
      [["SORT", "l", "GET", "h_*->"], "*3\r\n$-1\r\n$5\r\narrow\r\n$-1\r\n"],
      [["SORT", "l", "GET", "h_*->f"], "*3\r\n$1\r\n9\r\n$-1\r\n$-1\r\n"],
    ],
  },
  {
    name: "SORT against a missing key or a wrong type",
    steps: [
      [["SORT", "nokey"], "*0\r\n"],
      [["SORT", "nokey", "GET", "#", "GET", "x_*"], "*0\r\n"],
      [["HSET", "h", "a", "b"], ":1\r\n"],
      [["SORT", "h"], "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"],
      [["SORT", "h", "STORE", "x"], "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"],
      [["SORT_RO", "nokey"], "*0\r\n"],
    ],
  },
  {
    name: "SORT speed of a large set and a big list",
    steps: [
      [["SADD", "big", "0", "919", "838", "757", "676", "595", "514", "433", "352", "271", "190", "109", "28", "947", "866", "785", "704", "623", "542", "461", "380", "299", "218", "137", "56", "975", "894", "813", "732", "651", "570", "489", "408", "327", "246", "165", "84", "3", "922", "841", "760", "679", "598", "517", "436", "355", "274", "193", "112", "31", "950", "869", "788", "707", "626", "545", "464", "383", "302", "221", "140", "59", "978", "897", "816", "735", "654", "573", "492", "411", "330", "249", "168", "87", "6", "925", "844", "763", "682", "601", "520", "439", "358", "277", "196", "115", "34", "953", "872", "791", "710", "629", "548", "467", "386", "305", "224", "143", "62", "981", "900", "819", "738", "657", "576", "495", "414", "333", "252", "171", "90", "9", "928", "847", "766", "685", "604", "523", "442", "361", "280", "199", "118", "37", "956", "875", "794", "713", "632", "551", "470", "389", "308", "227", "146", "65", "984", "903", "822", "741", "660", "579", "498", "417", "336", "255", "174", "93", "12", "931", "850", "769", "688", "607", "526", "445", "364", "283", "202", "121", "40", "959", "878", "797", "716", "635", "554", "473", "392", "311", "230", "149", "68", "987", "906", "825", "744", "663", "582", "501", "420", "339", "258", "177", "96", "15", "934", "853", "772", "691", "610", "529", "448", "367", "286", "205", "124", "43", "962", "881", "800", "719", "638", "557", "476", "395", "314", "233", "152", "71", "990", "909", "828", "747", "666", "585", "504", "423", "342", "261", "180", "99", "18", "937", "856", "775", "694", "613", "532", "451", "370", "289", "208", "127", "46", "965", "884", "803", "722", "641", "560", "479", "398", "317", "236", "155", "74", "993", "912", "831", "750", "669", "588", "507", "426", "345", "264", "183", "102", "21", "940", "859", "778", "697", "616", "535", "454", "373", "292", "211", "130", "49", "968", "887", "806", "725", "644", "563", "482", "401", "320", "239", "158", "77", "996", "915", "834", "753", "672", "591", "510", "429", "348", "267", "186", "105", "24", "943", "862", "781"], ":300\r\n"],
      [["SORT", "big", "LIMIT", "0", "10"], "*10\r\n$1\r\n0\r\n$1\r\n3\r\n$1\r\n6\r\n$1\r\n9\r\n$2\r\n12\r\n$2\r\n15\r\n$2\r\n18\r\n$2\r\n21\r\n$2\r\n24\r\n$2\r\n28\r\n"],
      [["SORT", "big", "DESC", "LIMIT", "0", "5"], "*5\r\n$3\r\n996\r\n$3\r\n993\r\n$3\r\n990\r\n$3\r\n987\r\n$3\r\n984\r\n"],
      [["SORT", "big", "ALPHA", "LIMIT", "0", "5"], "*5\r\n$1\r\n0\r\n$3\r\n102\r\n$3\r\n105\r\n$3\r\n109\r\n$3\r\n112\r\n"],
      [["RPUSH", "bl", "x0", "x31", "x62", "x93", "x27", "x58", "x89", "x23", "x54", "x85", "x19", "x50", "x81", "x15", "x46", "x77", "x11", "x42", "x73", "x7", "x38", "x69", "x3", "x34", "x65", "x96", "x30", "x61", "x92", "x26", "x57", "x88", "x22", "x53", "x84", "x18", "x49", "x80", "x14", "x45", "x76", "x10", "x41", "x72", "x6", "x37", "x68", "x2", "x33", "x64", "x95", "x29", "x60", "x91", "x25", "x56", "x87", "x21", "x52", "x83", "x17", "x48", "x79", "x13", "x44", "x75", "x9", "x40", "x71", "x5", "x36", "x67", "x1", "x32", "x63", "x94", "x28", "x59", "x90", "x24", "x55", "x86", "x20", "x51", "x82", "x16", "x47", "x78", "x12", "x43", "x74", "x8", "x39", "x70", "x4", "x35", "x66", "x0", "x31", "x62", "x93", "x27", "x58", "x89", "x23", "x54", "x85", "x19", "x50", "x81", "x15", "x46", "x77", "x11", "x42", "x73", "x7", "x38", "x69", "x3", "x34", "x65", "x96", "x30", "x61", "x92", "x26", "x57", "x88", "x22", "x53", "x84", "x18", "x49", "x80", "x14", "x45", "x76", "x10", "x41", "x72", "x6", "x37", "x68", "x2", "x33", "x64", "x95", "x29", "x60", "x91", "x25", "x56", "x87", "x21", "x52", "x83", "x17", "x48", "x79", "x13", "x44", "x75", "x9", "x40", "x71", "x5", "x36", "x67", "x1", "x32", "x63", "x94", "x28", "x59", "x90", "x24", "x55", "x86", "x20", "x51", "x82", "x16", "x47", "x78", "x12", "x43", "x74", "x8", "x39", "x70", "x4", "x35", "x66", "x0", "x31", "x62", "x93", "x27", "x58", "x89", "x23", "x54", "x85", "x19", "x50", "x81", "x15", "x46", "x77", "x11", "x42", "x73", "x7", "x38", "x69", "x3", "x34", "x65", "x96", "x30", "x61", "x92", "x26", "x57", "x88", "x22", "x53", "x84", "x18", "x49", "x80", "x14", "x45", "x76", "x10", "x41", "x72", "x6", "x37", "x68", "x2", "x33", "x64", "x95", "x29", "x60", "x91", "x25", "x56", "x87", "x21", "x52", "x83", "x17", "x48", "x79", "x13", "x44", "x75", "x9", "x40", "x71", "x5", "x36", "x67", "x1", "x32", "x63", "x94", "x28", "x59", "x90", "x24", "x55", "x86", "x20", "x51", "x82", "x16", "x47", "x78", "x12", "x43", "x74", "x8", "x39", "x70", "x4", "x35", "x66", "x0", "x31", "x62", "x93", "x27", "x58", "x89", "x23", "x54"], ":300\r\n"],
      [["SORT", "bl", "ALPHA", "LIMIT", "10", "5"], "*5\r\n$3\r\nx11\r\n$3\r\nx11\r\n$3\r\nx11\r\n$3\r\nx12\r\n$3\r\nx12\r\n"],
      [["SORT", "bl", "ALPHA", "STORE", "bd"], ":300\r\n"],
      [["LRANGE", "bd", "0", "4"], "*5\r\n$2\r\nx0\r\n$2\r\nx0\r\n$2\r\nx0\r\n$2\r\nx0\r\n$2\r\nx1\r\n"],
      [["OBJECT", "ENCODING", "bd"], "$9\r\nquicklist\r\n"],
    ],
  },
  {
    name: "SORT GET with a hash value held in a hashtable",
    steps: [
      [["RPUSH", "l", "1", "2"], ":2\r\n"],
      [["HSET", "h_1", "f", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"], ":1\r\n"],
      [["HSET", "h_2", "f", "short"], ":1\r\n"],
      [["SORT", "l", "GET", "h_*->f", "DESC"], "*2\r\n$5\r\nshort\r\n$100\r\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\r\n"],
    ],
  },
  {
    name: "SORT refuses values out of the double range",
    steps: [
      [["RPUSH", "c", "1e-400"], ":1\r\n"],
      [["SORT", "c"], "-ERR One or more scores can't be converted into double\r\n"],
      [["RPUSH", "d", "1e400"], ":1\r\n"],
      [["SORT", "d"], "-ERR One or more scores can't be converted into double\r\n"],
      [["RPUSH", "h", "1e-310"], ":1\r\n"],
      [["SORT", "h"], "-ERR One or more scores can't be converted into double\r\n"],
    ],
  },
  {
    // Redis sorts a BY pattern with a LIMIT by pqsort, a quicksort that is not stable: ties (missing weights) come out in its order.
    name: "SORT BY pattern ALPHA with LIMIT leaves ties where Redis's partial quicksort does",
    steps: [
      [["RPUSH", "tl", "e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8", "e9", "e10", "e11", "e12"], ":12\r\n"],
      [["MSET", "w_e3", "b", "w_e7", "a", "w_e10", "a"], "+OK\r\n"],
      [["SORT", "tl", "BY", "w_*", "ALPHA", "LIMIT", "0", "5"], "*5\r\n$2\r\ne1\r\n$2\r\ne2\r\n$2\r\ne9\r\n$3\r\ne11\r\n$3\r\ne12\r\n"],
      [["SORT", "tl", "BY", "w_*", "ALPHA", "LIMIT", "2", "4"], "*4\r\n$2\r\ne9\r\n$3\r\ne11\r\n$3\r\ne12\r\n$2\r\ne4\r\n"],
      [["SORT", "tl", "BY", "w_*", "ALPHA", "LIMIT", "8", "10"], "*4\r\n$2\r\ne8\r\n$3\r\ne10\r\n$2\r\ne7\r\n$2\r\ne3\r\n"],
      [["SORT", "tl", "BY", "w_*", "ALPHA", "LIMIT", "0", "12"], "*12\r\n$2\r\ne1\r\n$2\r\ne2\r\n$2\r\ne4\r\n$2\r\ne5\r\n$2\r\ne6\r\n$2\r\ne8\r\n$2\r\ne9\r\n$3\r\ne11\r\n$3\r\ne12\r\n$2\r\ne7\r\n$3\r\ne10\r\n$2\r\ne3\r\n"],
    ],
  },
];

runCases("SORT and SORT_RO", cases);
