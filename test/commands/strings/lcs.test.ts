// LCS key1 key2 [LEN] [IDX] [MINMATCHLEN len] [WITHMATCHLEN]
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps.
import { runCases, type Case } from './harness.js';

const cases: Case[] = [
  {
    name: 'LCS basic',
    steps: [
      [['SET', 'virus1{t}', 'CACCTTCCCAGGTAACAAACCAACCAACTTTCGATCTCTTGTAGATCTGTTCTCTAAACGAACTTTAAAATCTGTGTGGCTGTCACTCGGCTGCATGCTTAGTGCACTCACGCAGTATAATTAATAACTAATTACTGTCGTTGACAGGACACGAGTAACTCGTCTATCTTCTGCAGGCTGCTTACGGTTTCGTCCGTGTTGCAGCCGATCATCAGCACATCTAGGTTTCGTCCGGGTGTG'], '+OK\r\n'],
      [['SET', 'virus2{t}', 'ATTAAAGGTTTATACCTTCCCAGGTAACAAACCAACCAACTTTCGATCTCTTGTAGATCTGTTCTCTAAACGAACTTTAAAATCTGTGTGGCTGTCACTCGGCTGCATGCTTAGTGCACTCACGCAGTATAATTAATAACTAATTACTGTCGTTGACAGGACACGAGTAACTCGTCTATCTTCTGCAGGCTGCTTACGGTTTCGTCCGTGTTGCAGCCGATCATCAGCACATCTAGGTTT'], '+OK\r\n'],
      [['LCS', 'virus1{t}', 'virus2{t}'], '$227\r\nACCTTCCCAGGTAACAAACCAACCAACTTTCGATCTCTTGTAGATCTGTTCTCTAAACGAACTTTAAAATCTGTGTGGCTGTCACTCGGCTGCATGCTTAGTGCACTCACGCAGTATAATTAATAACTAATTACTGTCGTTGACAGGACACGAGTAACTCGTCTATCTTCTGCAGGCTGCTTACGGTTTCGTCCGTGTTGCAGCCGATCATCAGCACATCTAGGTTT\r\n'],
    ],
  },
  {
    name: 'LCS len',
    steps: [
      [['SET', 'virus1{t}', 'CACCTTCCCAGGTAACAAACCAACCAACTTTCGATCTCTTGTAGATCTGTTCTCTAAACGAACTTTAAAATCTGTGTGGCTGTCACTCGGCTGCATGCTTAGTGCACTCACGCAGTATAATTAATAACTAATTACTGTCGTTGACAGGACACGAGTAACTCGTCTATCTTCTGCAGGCTGCTTACGGTTTCGTCCGTGTTGCAGCCGATCATCAGCACATCTAGGTTTCGTCCGGGTGTG'], '+OK\r\n'],
      [['SET', 'virus2{t}', 'ATTAAAGGTTTATACCTTCCCAGGTAACAAACCAACCAACTTTCGATCTCTTGTAGATCTGTTCTCTAAACGAACTTTAAAATCTGTGTGGCTGTCACTCGGCTGCATGCTTAGTGCACTCACGCAGTATAATTAATAACTAATTACTGTCGTTGACAGGACACGAGTAACTCGTCTATCTTCTGCAGGCTGCTTACGGTTTCGTCCGTGTTGCAGCCGATCATCAGCACATCTAGGTTT'], '+OK\r\n'],
      [['LCS', 'virus1{t}', 'virus2{t}', 'LEN'], ':227\r\n'],
    ],
  },
  {
    name: 'LCS indexes',
    steps: [
      [['SET', 'virus1{t}', 'CACCTTCCCAGGTAACAAACCAACCAACTTTCGATCTCTTGTAGATCTGTTCTCTAAACGAACTTTAAAATCTGTGTGGCTGTCACTCGGCTGCATGCTTAGTGCACTCACGCAGTATAATTAATAACTAATTACTGTCGTTGACAGGACACGAGTAACTCGTCTATCTTCTGCAGGCTGCTTACGGTTTCGTCCGTGTTGCAGCCGATCATCAGCACATCTAGGTTTCGTCCGGGTGTG'], '+OK\r\n'],
      [['SET', 'virus2{t}', 'ATTAAAGGTTTATACCTTCCCAGGTAACAAACCAACCAACTTTCGATCTCTTGTAGATCTGTTCTCTAAACGAACTTTAAAATCTGTGTGGCTGTCACTCGGCTGCATGCTTAGTGCACTCACGCAGTATAATTAATAACTAATTACTGTCGTTGACAGGACACGAGTAACTCGTCTATCTTCTGCAGGCTGCTTACGGTTTCGTCCGTGTTGCAGCCGATCATCAGCACATCTAGGTTT'], '+OK\r\n'],
      [['LCS', 'virus1{t}', 'virus2{t}', 'IDX'], '*4\r\n$7\r\nmatches\r\n*5\r\n*2\r\n*2\r\n:238\r\n:238\r\n*2\r\n:239\r\n:239\r\n*2\r\n*2\r\n:236\r\n:236\r\n*2\r\n:238\r\n:238\r\n*2\r\n*2\r\n:229\r\n:230\r\n*2\r\n:236\r\n:237\r\n*2\r\n*2\r\n:224\r\n:224\r\n*2\r\n:235\r\n:235\r\n*2\r\n*2\r\n:1\r\n:222\r\n*2\r\n:13\r\n:234\r\n$3\r\nlen\r\n:227\r\n'],
    ],
  },
  {
    name: 'LCS indexes with match len',
    steps: [
      [['SET', 'virus1{t}', 'CACCTTCCCAGGTAACAAACCAACCAACTTTCGATCTCTTGTAGATCTGTTCTCTAAACGAACTTTAAAATCTGTGTGGCTGTCACTCGGCTGCATGCTTAGTGCACTCACGCAGTATAATTAATAACTAATTACTGTCGTTGACAGGACACGAGTAACTCGTCTATCTTCTGCAGGCTGCTTACGGTTTCGTCCGTGTTGCAGCCGATCATCAGCACATCTAGGTTTCGTCCGGGTGTG'], '+OK\r\n'],
      [['SET', 'virus2{t}', 'ATTAAAGGTTTATACCTTCCCAGGTAACAAACCAACCAACTTTCGATCTCTTGTAGATCTGTTCTCTAAACGAACTTTAAAATCTGTGTGGCTGTCACTCGGCTGCATGCTTAGTGCACTCACGCAGTATAATTAATAACTAATTACTGTCGTTGACAGGACACGAGTAACTCGTCTATCTTCTGCAGGCTGCTTACGGTTTCGTCCGTGTTGCAGCCGATCATCAGCACATCTAGGTTT'], '+OK\r\n'],
      [['LCS', 'virus1{t}', 'virus2{t}', 'IDX', 'WITHMATCHLEN'], '*4\r\n$7\r\nmatches\r\n*5\r\n*3\r\n*2\r\n:238\r\n:238\r\n*2\r\n:239\r\n:239\r\n:1\r\n*3\r\n*2\r\n:236\r\n:236\r\n*2\r\n:238\r\n:238\r\n:1\r\n*3\r\n*2\r\n:229\r\n:230\r\n*2\r\n:236\r\n:237\r\n:2\r\n*3\r\n*2\r\n:224\r\n:224\r\n*2\r\n:235\r\n:235\r\n:1\r\n*3\r\n*2\r\n:1\r\n:222\r\n*2\r\n:13\r\n:234\r\n:222\r\n$3\r\nlen\r\n:227\r\n'],
    ],
  },
  {
    name: 'LCS indexes with match len and minimum match len',
    steps: [
      [['SET', 'virus1{t}', 'CACCTTCCCAGGTAACAAACCAACCAACTTTCGATCTCTTGTAGATCTGTTCTCTAAACGAACTTTAAAATCTGTGTGGCTGTCACTCGGCTGCATGCTTAGTGCACTCACGCAGTATAATTAATAACTAATTACTGTCGTTGACAGGACACGAGTAACTCGTCTATCTTCTGCAGGCTGCTTACGGTTTCGTCCGTGTTGCAGCCGATCATCAGCACATCTAGGTTTCGTCCGGGTGTG'], '+OK\r\n'],
      [['SET', 'virus2{t}', 'ATTAAAGGTTTATACCTTCCCAGGTAACAAACCAACCAACTTTCGATCTCTTGTAGATCTGTTCTCTAAACGAACTTTAAAATCTGTGTGGCTGTCACTCGGCTGCATGCTTAGTGCACTCACGCAGTATAATTAATAACTAATTACTGTCGTTGACAGGACACGAGTAACTCGTCTATCTTCTGCAGGCTGCTTACGGTTTCGTCCGTGTTGCAGCCGATCATCAGCACATCTAGGTTT'], '+OK\r\n'],
      [['LCS', 'virus1{t}', 'virus2{t}', 'IDX', 'WITHMATCHLEN', 'MINMATCHLEN', '5'], '*4\r\n$7\r\nmatches\r\n*1\r\n*3\r\n*2\r\n:1\r\n:222\r\n*2\r\n:13\r\n:234\r\n:222\r\n$3\r\nlen\r\n:227\r\n'],
    ],
  },
  {
    name: 'LCS of the documentation example',
    steps: [
      [['MSET', 'key1', 'ohmytext', 'key2', 'mynewtext'], '+OK\r\n'],
      [['LCS', 'key1', 'key2'], '$6\r\nmytext\r\n'],
      [['LCS', 'key1', 'key2', 'LEN'], ':6\r\n'],
      [['LCS', 'key1', 'key2', 'IDX'], '*4\r\n$7\r\nmatches\r\n*2\r\n*2\r\n*2\r\n:4\r\n:7\r\n*2\r\n:5\r\n:8\r\n*2\r\n*2\r\n:2\r\n:3\r\n*2\r\n:0\r\n:1\r\n$3\r\nlen\r\n:6\r\n'],
      [['LCS', 'key1', 'key2', 'IDX', 'MINMATCHLEN', '4'], '*4\r\n$7\r\nmatches\r\n*1\r\n*2\r\n*2\r\n:4\r\n:7\r\n*2\r\n:5\r\n:8\r\n$3\r\nlen\r\n:6\r\n'],
      [['LCS', 'key1', 'key2', 'IDX', 'MINMATCHLEN', '4', 'WITHMATCHLEN'], '*4\r\n$7\r\nmatches\r\n*1\r\n*3\r\n*2\r\n:4\r\n:7\r\n*2\r\n:5\r\n:8\r\n:4\r\n$3\r\nlen\r\n:6\r\n'],
      [['LCS', 'key1', 'key2', 'idx', 'minmatchlen', '-5', 'withmatchlen'], '*4\r\n$7\r\nmatches\r\n*2\r\n*3\r\n*2\r\n:4\r\n:7\r\n*2\r\n:5\r\n:8\r\n:4\r\n*3\r\n*2\r\n:2\r\n:3\r\n*2\r\n:0\r\n:1\r\n:2\r\n$3\r\nlen\r\n:6\r\n'],
      [['LCS', 'key2', 'key1', 'IDX'], '*4\r\n$7\r\nmatches\r\n*2\r\n*2\r\n*2\r\n:5\r\n:8\r\n*2\r\n:4\r\n:7\r\n*2\r\n*2\r\n:0\r\n:1\r\n*2\r\n:2\r\n:3\r\n$3\r\nlen\r\n:6\r\n'],
    ],
  },
  {
    name: 'LCS with missing, empty, equal and integer values',
    steps: [
      [['SET', 'a', 'hello'], '+OK\r\n'],
      [['LCS', 'a', 'missing'], '$0\r\n\r\n'],
      [['LCS', 'missing', 'missing', 'IDX'], '*4\r\n$7\r\nmatches\r\n*0\r\n$3\r\nlen\r\n:0\r\n'],
      [['LCS', 'missing', 'a', 'LEN'], ':0\r\n'],
      [['SET', 'e', ''], '+OK\r\n'],
      [['LCS', 'a', 'e', 'IDX', 'WITHMATCHLEN'], '*4\r\n$7\r\nmatches\r\n*0\r\n$3\r\nlen\r\n:0\r\n'],
      [['LCS', 'a', 'a', 'IDX', 'WITHMATCHLEN'], '*4\r\n$7\r\nmatches\r\n*1\r\n*3\r\n*2\r\n:0\r\n:4\r\n*2\r\n:0\r\n:4\r\n:5\r\n$3\r\nlen\r\n:5\r\n'],
      [['SET', 'n1', '12345'], '+OK\r\n'],
      [['SET', 'n2', '2345'], '+OK\r\n'],
      [['LCS', 'n1', 'n2'], '$4\r\n2345\r\n'],
      [['LCS', 'n1', 'n2', 'IDX'], '*4\r\n$7\r\nmatches\r\n*1\r\n*2\r\n*2\r\n:1\r\n:4\r\n*2\r\n:0\r\n:3\r\n$3\r\nlen\r\n:4\r\n'],
      [['SET', 'x', 'abc'], '+OK\r\n'],
      [['SET', 'y', 'xyz'], '+OK\r\n'],
      [['LCS', 'x', 'y'], '$0\r\n\r\n'],
      [['LCS', 'x', 'y', 'IDX'], '*4\r\n$7\r\nmatches\r\n*0\r\n$3\r\nlen\r\n:0\r\n'],
    ],
  },
  {
    name: 'LCS with binary data',
    steps: [
      [['SET', 'a', '\x00\xff\x01\r\n'], '+OK\r\n'],
      [['SET', 'b', '\xff\r\x00\n'], '+OK\r\n'],
      [['LCS', 'a', 'b'], '$3\r\n\xff\r\n\r\n'],
      [['LCS', 'a', 'b', 'IDX', 'WITHMATCHLEN'], '*4\r\n$7\r\nmatches\r\n*3\r\n*3\r\n*2\r\n:4\r\n:4\r\n*2\r\n:3\r\n:3\r\n:1\r\n*3\r\n*2\r\n:3\r\n:3\r\n*2\r\n:1\r\n:1\r\n:1\r\n*3\r\n*2\r\n:1\r\n:1\r\n*2\r\n:0\r\n:0\r\n:1\r\n$3\r\nlen\r\n:3\r\n'],
    ],
  },
  {
    name: 'LCS option errors',
    steps: [
      [['SET', 'a', 'abc'], '+OK\r\n'],
      [['SET', 'b', 'abd'], '+OK\r\n'],
      [['LCS', 'a', 'b', 'LEN', 'IDX'], '-ERR If you want both the length and indexes, please just use IDX.\r\n'],
      [['LCS', 'a', 'b', 'IDX', 'LEN'], '-ERR If you want both the length and indexes, please just use IDX.\r\n'],
      [['LCS', 'a', 'b', 'MINMATCHLEN'], '-ERR syntax error\r\n'],
      [['LCS', 'a', 'b', 'MINMATCHLEN', 'x'], '-ERR value is not an integer or out of range\r\n'],
      [['LCS', 'a', 'b', 'BOGUS'], '-ERR syntax error\r\n'],
      [['LCS', 'a', 'b', 'IDX', 'BOGUS', 'LEN'], '-ERR syntax error\r\n'],
      [['LCS', 'a', 'b', 'MINMATCHLEN', 'x', 'LEN', 'IDX'], '-ERR value is not an integer or out of range\r\n'],
      [['LCS', 'a', 'b', 'LEN', 'LEN'], ':2\r\n'],
      [['LCS', 'a', 'b', 'LEN', 'WITHMATCHLEN'], ':2\r\n'],
      [['LCS', 'a', 'b', 'LEN', 'MINMATCHLEN', '100'], ':2\r\n'],
      [['LCS', 'a', 'b', 'len\x00junk'], ':2\r\n'],
      [['LCS', 'a', 'b', 'MINMATCHLEN', '9223372036854775808'], '-ERR value is not an integer or out of range\r\n'],
      [['LCS', 'a'], '-ERR wrong number of arguments for \'lcs\' command\r\n'],
    ],
  },
  {
    name: 'LCS IDX reply is a map in RESP3',
    resp: 3,
    steps: [
      [['MSET', 'key1', 'ohmytext', 'key2', 'mynewtext'], '+OK\r\n'],
      [['LCS', 'key1', 'key2', 'IDX'], '%2\r\n$7\r\nmatches\r\n*2\r\n*2\r\n*2\r\n:4\r\n:7\r\n*2\r\n:5\r\n:8\r\n*2\r\n*2\r\n:2\r\n:3\r\n*2\r\n:0\r\n:1\r\n$3\r\nlen\r\n:6\r\n'],
      [['LCS', 'key1', 'key2', 'IDX', 'WITHMATCHLEN', 'MINMATCHLEN', '4'], '%2\r\n$7\r\nmatches\r\n*1\r\n*3\r\n*2\r\n:4\r\n:7\r\n*2\r\n:5\r\n:8\r\n:4\r\n$3\r\nlen\r\n:6\r\n'],
      [['LCS', 'key1', 'nokey', 'IDX'], '%2\r\n$7\r\nmatches\r\n*0\r\n$3\r\nlen\r\n:0\r\n'],
    ],
  },
];

runCases('LCS', cases);
