// DUMP key, RESTORE key ttl serialized-value [REPLACE] [ABSTTL] [IDLETIME seconds] [FREQ frequency]
// Expected replies are the exact wire text Redis 7.0.15 sent for the same
// steps (DUMP payloads included: they are deterministic for these values;
// the test names are Redis's own from tests/unit/dump.tcl where they exist).
import { runCases, type Case } from './harness.js';

const cases: Case[] = [
  {
    name: "DUMP / RESTORE are able to serialize / unserialize a simple key",
    steps: [
      [["SET", "foo", "bar"], "+OK\r\n"],
      [["DUMP", "foo"], "$15\r\n\u0000\u0003bar\n\u0000æ¾I`îfý\u0017\r\n"],
      [["DEL", "foo"], ":1\r\n"],
      [["RESTORE", "foo", "0", Buffer.from('00036261720a00e6be4960ee66fd17', 'hex')], "+OK\r\n"],
      [["GET", "foo"], "$3\r\nbar\r\n"],
      [["TTL", "foo"], ":-1\r\n"],
      [["OBJECT", "ENCODING", "foo"], "$6\r\nembstr\r\n"],
    ],
  },
  {
    name: "DUMP of a key that does not exist is a null bulk",
    steps: [
      [["DUMP", "nokey"], "$-1\r\n"],
    ],
  },
  {
    name: "RESTORE can set an arbitrary expire to the materialized key",
    steps: [
      [["RESTORE", "foo", "3000000", Buffer.from('00036261720a00e6be4960ee66fd17', 'hex')], "+OK\r\n"],
      [["TTL", "foo"], ":3000\r\n"],
      [["GET", "foo"], "$3\r\nbar\r\n"],
    ],
  },
  {
    name: "RESTORE can set an expire that overflows a 32 bit integer",
    steps: [
      [["RESTORE", "foo", "2569591501", Buffer.from('00036261720a00e6be4960ee66fd17', 'hex')], "+OK\r\n"],
      [["TTL", "foo"], ":2569592\r\n"],
    ],
  },
  {
    name: "RESTORE can set an absolute expire",
    steps: [
      [["RESTORE", "foo", "4102444800000", Buffer.from('00036261720a00e6be4960ee66fd17', 'hex'), "ABSTTL"], "+OK\r\n"],
      [["PEXPIRETIME", "foo"], ":4102444800000\r\n"],
      [["GET", "foo"], "$3\r\nbar\r\n"],
    ],
  },
  {
    name: "RESTORE with ABSTTL in the past",
    steps: [
      [["SET", "foo", "old"], "+OK\r\n"],
      [["RESTORE", "foo", "1000", Buffer.from('00036261720a00e6be4960ee66fd17', 'hex'), "ABSTTL", "REPLACE"], "+OK\r\n"],
      [["EXISTS", "foo"], ":0\r\n"],
      [["RESTORE", "foo", "1000", Buffer.from('00036261720a00e6be4960ee66fd17', 'hex'), "ABSTTL"], "+OK\r\n"],
      [["EXISTS", "foo"], ":0\r\n"],
    ],
  },
  {
    name: "RESTORE can set LRU",
    steps: [
      [["RESTORE", "foo", "0", Buffer.from('00036261720a00e6be4960ee66fd17', 'hex'), "IDLETIME", "1000"], "+OK\r\n"],
      [["OBJECT", "IDLETIME", "foo"], ":1000\r\n"],
    ],
  },
  {
    name: "RESTORE FREQ is ignored under an LRU policy and refused out of range",
    steps: [
      [["RESTORE", "foo", "0", Buffer.from('00036261720a00e6be4960ee66fd17', 'hex'), "FREQ", "100"], "+OK\r\n"],
      [["GET", "foo"], "$3\r\nbar\r\n"],
      [["RESTORE", "f2", "0", Buffer.from('00036261720a00e6be4960ee66fd17', 'hex'), "FREQ", "256"], "-ERR Invalid FREQ value, must be >= 0 and <= 255\r\n"],
      [["RESTORE", "f2", "0", Buffer.from('00036261720a00e6be4960ee66fd17', 'hex'), "FREQ", "-1"], "-ERR Invalid FREQ value, must be >= 0 and <= 255\r\n"],
      [["RESTORE", "f2", "0", Buffer.from('00036261720a00e6be4960ee66fd17', 'hex'), "IDLETIME", "-1"], "-ERR Invalid IDLETIME value, must be >= 0\r\n"],
      [["RESTORE", "f2", "0", Buffer.from('00036261720a00e6be4960ee66fd17', 'hex'), "IDLETIME", "x"], "-ERR value is not an integer or out of range\r\n"],
      [["RESTORE", "f2", "0", Buffer.from('00036261720a00e6be4960ee66fd17', 'hex'), "FREQ", "1", "IDLETIME", "1"], "-ERR syntax error\r\n"],
      [["RESTORE", "f2", "0", Buffer.from('00036261720a00e6be4960ee66fd17', 'hex'), "IDLETIME", "1", "FREQ", "1"], "-ERR syntax error\r\n"],
      [["RESTORE", "f2", "0", Buffer.from('00036261720a00e6be4960ee66fd17', 'hex'), "IDLETIME"], "-ERR syntax error\r\n"],
      [["RESTORE", "f2", "0", Buffer.from('00036261720a00e6be4960ee66fd17', 'hex'), "FOO"], "-ERR syntax error\r\n"],
      [["EXISTS", "f2"], ":0\r\n"],
    ],
  },
  {
    name: "RESTORE returns an error of the key already exists",
    steps: [
      [["SET", "foo", "b"], "+OK\r\n"],
      [["RESTORE", "foo", "0", Buffer.from('00036261720a00e6be4960ee66fd17', 'hex')], "-BUSYKEY Target key name already exists.\r\n"],
      [["RESTORE", "foo", "-1", "garbage"], "-BUSYKEY Target key name already exists.\r\n"],
      [["GET", "foo"], "$1\r\nb\r\n"],
    ],
  },
  {
    name: "RESTORE can overwrite an existing key with REPLACE",
    steps: [
      [["SET", "foo", "b"], "+OK\r\n"],
      [["EXPIRE", "foo", "100"], ":1\r\n"],
      [["RESTORE", "foo", "0", Buffer.from('00036261720a00e6be4960ee66fd17', 'hex'), "REPLACE"], "+OK\r\n"],
      [["GET", "foo"], "$3\r\nbar\r\n"],
      [["TTL", "foo"], ":-1\r\n"],
      [["RPUSH", "l", "x"], ":1\r\n"],
      [["RESTORE", "l", "0", Buffer.from('00036261720a00e6be4960ee66fd17', 'hex'), "replace"], "+OK\r\n"],
      [["TYPE", "l"], "+string\r\n"],
    ],
  },
  {
    name: "RESTORE refuses a bad TTL before looking at the payload",
    steps: [
      [["RESTORE", "foo", "-1", Buffer.from('00036261720a00e6be4960ee66fd17', 'hex')], "-ERR Invalid TTL value, must be >= 0\r\n"],
      [["RESTORE", "foo", "abc", Buffer.from('00036261720a00e6be4960ee66fd17', 'hex')], "-ERR value is not an integer or out of range\r\n"],
      [["RESTORE", "foo", "1.5", "x"], "-ERR value is not an integer or out of range\r\n"],
    ],
  },
  {
    name: "RESTORE refuses a payload with a wrong checksum or a newer version",
    steps: [
      [["RESTORE", "foo", "0", Buffer.from('00036261720a00e6be4960ee66fd16', 'hex')], "-ERR DUMP payload version or checksum are wrong\r\n"],
      [["RESTORE", "foo", "0", Buffer.from('00036261720b008f61f41313f9149e', 'hex')], "-ERR DUMP payload version or checksum are wrong\r\n"],
      [["RESTORE", "foo", "0", "x"], "-ERR DUMP payload version or checksum are wrong\r\n"],
      [["RESTORE", "foo", "0", ""], "-ERR DUMP payload version or checksum are wrong\r\n"],
      [["RESTORE", "foo", "0", Buffer.from('00036261720900364c18acbae09ea6', 'hex')], "+OK\r\n"],
      [["GET", "foo"], "$3\r\nbar\r\n"],
    ],
  },
  {
    name: "RESTORE refuses a payload it cannot read with Bad data format",
    steps: [
      [["SET", "x", "keep"], "+OK\r\n"],
      [["RESTORE", "x", "0", Buffer.from('63036261720a00fad1a0bf7ff53e01', 'hex'), "REPLACE"], "-ERR Bad data format\r\n"],
      [["RESTORE", "foo", "0", Buffer.from('00096261720a009469d30d5a08f937', 'hex')], "+OK\r\n"],
      [["GET", "foo"], "$9\r\nbar\n\u0000iÓ\r\r\n"],
      [["RESTORE", "foo2", "0", Buffer.from('001e6261720a00e7e15d3bfbc70f78', 'hex')], "-ERR Bad data format\r\n"],
      [["RESTORE", "e1", "0", Buffer.from('02000a003ace39009b8939e8', 'hex')], "-ERR Bad data format\r\n"],
      [["RESTORE", "e2", "0", Buffer.from('0202016101610a0057be762fc2d6523a', 'hex')], "-ERR Bad data format\r\n"],
      [["RESTORE", "e4", "0", Buffer.from('05010161000000000000f87f0a00f0f929a906545927', 'hex')], "-ERR Bad data format\r\n"],
      [["GET", "x"], "$4\r\nkeep\r\n"],
      [["EXISTS", "foo2"], ":0\r\n"],
    ],
  },
  {
    name: "DUMP of every type gives the payload Redis gives",
    steps: [
      [["RPUSH", "l", "a", "1", "-300", "70000", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"], ":5\r\n"],
      [["DUMP", "l"], "$46\r\n\u0012\u0001\u0002Ã\u001d@]\u0015]\u0000\u0000\u0000\u0005\u0000a\u0002\u0001\u0001ÞÔ\u0002òp\u0011\u0001\u0004àFxà<\u0000\u0001Hÿ\n\u0000\u0000\u0000Å\u000bOã\r\n"],
      [["SADD", "s", "1", "2", "-70000"], ":3\r\n"],
      [["DUMP", "s"], "$32\r\n\u000b\u0014\u0004\u0000\u0000\u0000\u0003\u0000\u0000\u0000îþÿ\u0001\u0000\u0000\u0000\u0002\u0000\u0000\u0000\n\u0000]÷Ú/CÐk\r\n"],
      [["SADD", "hs", "a", "b"], ":2\r\n"],
      [["SMEMBERS", "hs"], "*2\r\n$1\r\nb\r\n$1\r\na\r\n", 'unordered'],
      [["ZADD", "z", "1", "a", "2.5", "b", "-1", "c"], ":3\r\n"],
      [["DUMP", "z"], "$38\r\n\u0011\u001a\u001a\u0000\u0000\u0000\u0006\u0000c\u0002ßÿ\u0002a\u0002\u0001\u0001b\u00022.5\u0004ÿ\n\u0000y¤aoÔÂä\r\n"],
      [["HSET", "h", "f", "v", "n", "5"], ":2\r\n"],
      [["DUMP", "h"], "$30\r\n\u0010\u0012\u0012\u0000\u0000\u0000\u0004\u0000f\u0002v\u0002n\u0002\u0005\u0001ÿ\n\u0000W´óÂ\r\n"],
      [["SET", "n", "12345"], "+OK\r\n"],
      [["DUMP", "n"], "$14\r\n\u0000Á90\n\u0000ê'ü\b¹\r\n"],
      [["SET", "long", "abababababababababababababababababababababababababababababababababababababababab"], "+OK\r\n"],
      [["DUMP", "long"], "$25\r\n\u0000Ã\n@P\u0002abaàB\u0001\u0001ab\n\u0000_\u000e±Þ¤E\r\n"],
    ],
  },
];

runCases("DUMP and RESTORE", cases);
