// PFDEBUG and PFSELFTEST
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCases, type Case } from '../strings/harness.js';
import { startServer } from '../../helpers/server.js';
import { RawClient } from '../../helpers/resp-client.js';

const cases: Case[] = [
  {
    name: 'PFDEBUG ENCODING, DECODE and TODENSE follow a HLL from sparse to dense',
    steps: [
      [['PFADD', 'h', 'a', 'b', 'c'], ':1\r\n'],
      [['PFDEBUG', 'ENCODING', 'h'], '+sparse\r\n'],
      [['PFDEBUG', 'DECODE', 'h'], '$44\r\nZ:8436 v:1,1 Z:4274 v:2,1 Z:3068 v:1,1 Z:603\r\n'],
      [['PFDEBUG', 'TODENSE', 'h'], ':1\r\n'],
      [['PFDEBUG', 'TODENSE', 'h'], ':0\r\n'],
      [['PFDEBUG', 'encoding', 'h'], '+dense\r\n'],
      [['PFDEBUG', 'DECODE', 'h'], '-ERR HLL encoding is not sparse\r\n'],
      [['PFCOUNT', 'h'], ':3\r\n'],
      [['PFADD', 'z'], ':1\r\n'],
      [['PFDEBUG', 'DECODE', 'z'], '$7\r\nZ:16384\r\n'],
    ],
  },
  {
    name: 'PFDEBUG answers missing keys, other values and unknown subcommands as Redis',
    steps: [
      [['PFDEBUG', 'GETREG', 'nokey'], '-ERR The specified key does not exist\r\n'],
      [['PFDEBUG', 'foo', 'nokey'], '-ERR The specified key does not exist\r\n'],
      [['SET', 's', 'v'], '+OK\r\n'],
      [['PFDEBUG', 'GETREG', 's'], '-WRONGTYPE Key is not a valid HyperLogLog string value.\r\n'],
      [['SET', 'n', '12'], '+OK\r\n'],
      [['PFDEBUG', 'ENCODING', 'n'], '-WRONGTYPE Key is not a valid HyperLogLog string value.\r\n'],
      [['PFADD', 'h', 'a'], ':1\r\n'],
      [['PFDEBUG', 'foo', 'h'], "-ERR Unknown PFDEBUG subcommand 'foo'\r\n"],
      [['PFDEBUG', 'ENCODING'], "-ERR wrong number of arguments for 'pfdebug' command\r\n"],
      [['PFDEBUG', 'ENCODING', 'h', 'x'], "-ERR wrong number of arguments for 'pfdebug' command\r\n"],
      [['PFSELFTEST', 'x'], "-ERR wrong number of arguments for 'pfselftest' command\r\n"],
    ],
  },
];

runCases('HyperLogLog: PFDEBUG', cases);

test('PFDEBUG GETREG returns the 16384 registers and leaves the HLL dense', async () => {
  const s = await startServer();
  const c = await RawClient.connect(s.port);
  try {
    assert.equal(await c.call('PFADD', 'h3', 'x'), 1);
    const regs = (await c.call('PFDEBUG', 'GETREG', 'h3')) as number[];
    assert.equal(regs.length, 16384);
    // Redis 7.0.15 gives one register of 2 for the element "x".
    assert.deepEqual(regs.filter((v) => v !== 0), [2]);
    assert.equal(await c.call('PFDEBUG', 'ENCODING', 'h3'), 'dense');
    assert.equal(String(await c.call('OBJECT', 'ENCODING', 'h3')), 'raw');
    assert.equal(await c.call('PFCOUNT', 'h3'), 1);
  } finally {
    c.close();
    await s.stop();
  }
});

test('PFSELFTEST passes its register and error-bound checks', async () => {
  const s = await startServer();
  const c = await RawClient.connect(s.port);
  try {
    // Seconds of CPU: a busy machine must not turn it into a read timeout.
    c.write('*1\r\n$10\r\nPFSELFTEST\r\n');
    assert.equal(await c.read(60_000), 'OK');
  } finally {
    c.close();
    await s.stop();
  }
});
