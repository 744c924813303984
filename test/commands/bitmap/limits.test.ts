// Bitmaps at proto-max-bulk-len
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps.
import { runCases, type Case } from '../strings/harness.js';

const cases: Case[] = [
  {
    name: 'SETBIT at the last bit proto-max-bulk-len allows',
    steps: [
      [['SETBIT', 'k', '8388607', '1'], ':0\r\n'],
      [['STRLEN', 'k'], ':1048576\r\n'],
      [['GETBIT', 'k', '8388607'], ':1\r\n'],
      [['BITCOUNT', 'k'], ':1\r\n'],
      [['BITPOS', 'k', '1'], ':8388607\r\n'],
      [['BITPOS', 'k', '0', '-1'], ':8388600\r\n'],
      [['SETBIT', 'k', '8388608', '1'], '-ERR bit offset is not an integer or out of range\r\n'],
      [['GETBIT', 'k', '8388608'], '-ERR bit offset is not an integer or out of range\r\n'],
      [['BITFIELD', 'k', 'GET', 'u8', '8388600'], '*1\r\n:1\r\n'],
      [['BITFIELD', 'k', 'SET', 'u8', '8388600', '255'], '*1\r\n:1\r\n'],
      [['BITFIELD', 'k', 'SET', 'u8', '8388601', '255'], '*1\r\n:254\r\n'],
      [['STRLEN', 'k'], ':1048577\r\n'],
      [['BITFIELD', 'k', 'GET', 'u8', '#1048576'], '-ERR bit offset is not an integer or out of range\r\n'],
      [['BITFIELD', 'k', 'GET', 'u8', '#1048575'], '*1\r\n:255\r\n'],
    ],
  },
];

runCases('Bitmaps at proto-max-bulk-len', cases, ['--proto-max-bulk-len', '1048576']);
