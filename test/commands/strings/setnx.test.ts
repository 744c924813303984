// SETNX key value
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps.
import { runCases, type Case } from './harness.js';

const cases: Case[] = [
  {
    name: 'SETNX target key missing',
    steps: [
      [['SETNX', 'novar', 'foobared'], ':1\r\n'],
      [['GET', 'novar'], '$8\r\nfoobared\r\n'],
    ],
  },
  {
    name: 'SETNX target key exists',
    steps: [
      [['SET', 'novar', 'foobared'], '+OK\r\n'],
      [['SETNX', 'novar', 'blabla'], ':0\r\n'],
      [['GET', 'novar'], '$8\r\nfoobared\r\n'],
    ],
  },
  {
    name: 'SETNX against not-expired volatile key',
    steps: [
      [['SET', 'x', '10', 'EX', '10000'], '+OK\r\n'],
      [['SETNX', 'x', '20'], ':0\r\n'],
      [['GET', 'x'], '$2\r\n10\r\n'],
      [['TTL', 'x'], ':10000\r\n'],
    ],
  },
  {
    name: 'SETNX against expired volatile key',
    steps: [
      [['SET', 'x', '10', 'PXAT', '1'], '+OK\r\n'],
      [['SETNX', 'x', '20'], ':1\r\n'],
      [['GET', 'x'], '$2\r\n20\r\n'],
      [['TTL', 'x'], ':-1\r\n'],
    ],
  },
  {
    name: 'SETNX with empty and binary values',
    steps: [
      [['SETNX', 'e', ''], ':1\r\n'],
      [['GET', 'e'], '$0\r\n\r\n'],
      [['SETNX', '\x00', '\xff\x00'], ':1\r\n'],
      [['GET', '\x00'], '$2\r\n\xff\x00\r\n'],
      [['SETNX', 'e', 'x'], ':0\r\n'],
    ],
  },
  {
    name: 'SETNX has no options',
    steps: [
      [['SETNX', 'k', 'v'], ':1\r\n'],
      [['SETNX', 'k', 'v', 'NX'], '-ERR wrong number of arguments for \'setnx\' command\r\n'],
      [['SETNX', 'k'], '-ERR wrong number of arguments for \'setnx\' command\r\n'],
      [['SETNX'], '-ERR wrong number of arguments for \'setnx\' command\r\n'],
    ],
  },
];

runCases('SETNX', cases);
