/**
 * A seeded mix of every type in its small and big encodings, TTLs, binary
 * keys and several databases, as commands any Redis-compatible server runs,
 * for the RDB round-trip and interop tests.
 */
import { Rng, type Cmd } from '../diff/harness.js';

const bin = (rng: Rng, n: number): Buffer => Buffer.from(Array.from({ length: n }, () => rng.int(256)));

/** Commands filling databases 0, 1, 7 and 15 (SELECT included); `expireBase` is an absolute ms time in the future. */
export function seedCommands(seed: number, expireBase: number): Cmd[] {
  const rng = new Rng(seed);
  const cmds: Cmd[] = [];
  for (const db of ['0', '1', '7', '15']) {
    const p = `db${db}:`;
    cmds.push(['SELECT', db]);
    cmds.push(['SET', `${p}s:empty`, '']);
    cmds.push(['SET', Buffer.concat([Buffer.from(p), Buffer.from([0, 255, 13, 10, 0])]), 'binary key']);
    cmds.push(['SET', '', `empty key in ${db}`]);
    cmds.push(['SET', '12345', 'a key that is an int']);
    for (const v of ['0', '-1', '127', '-32768', '2147483647', '-2147483649', '9223372036854775807', '007', '1e3']) cmds.push(['SET', `${p}s:int:${v}`, v]);
    cmds.push(['INCRBY', `${p}s:counter`, String(rng.int(1e9))]);
    cmds.push(['SET', `${p}s:lzf`, 'compress me please '.repeat(200)]);
    cmds.push(['SET', `${p}s:rand`, bin(rng, 5000)]);
    cmds.push(['SET', `${p}s:big`, Buffer.concat([bin(rng, 70000), Buffer.alloc(300000, 'x')])]);
    cmds.push(['SET', `${p}s:ttl`, 'expiring', 'PXAT', String(expireBase + rng.int(1e6))]);
    cmds.push(['RPUSH', `${p}l:small`, 'a', '', '1', '-70000', bin(rng, 30)]);
    cmds.push(['RPUSH', `${p}l:big`, ...Array.from({ length: 2000 }, (_, i) => (i % 4 === 0 ? String(rng.int(1e12)) : `item-${i}-${'y'.repeat(rng.int(40))}`))]);
    cmds.push(['RPUSH', `${p}l:fat`, 'z'.repeat(9000), 'w'.repeat(20000), 'v']);
    cmds.push(['PEXPIREAT', `${p}l:small`, String(expireBase + 12345)]);
    cmds.push(['SADD', `${p}set:i16`, '1', '-5', '300']);
    cmds.push(['SADD', `${p}set:i32`, '1', '70000', '-70000']);
    cmds.push(['SADD', `${p}set:i64`, '1', '9223372036854775807', '-9223372036854775808']);
    cmds.push(['SADD', `${p}set:str`, 'a', 'b', '', bin(rng, 20), 'x'.repeat(100)]);
    cmds.push(['SADD', `${p}set:bigint`, ...Array.from({ length: 700 }, (_, i) => String(i * 7 - 1000))]);
    cmds.push(['SADD', `${p}set:big`, ...Array.from({ length: 900 }, (_, i) => `m${i}:${rng.int(1e6)}`)]);
    cmds.push(['ZADD', `${p}z:lp`, '1', 'a', '2.5', 'b', '-0', 'c', 'inf', 'd', '-inf', 'e', '1e300', 'f', '3.14159', 'g', '-7', '100']);
    cmds.push(['ZADD', `${p}z:skip`, ...Array.from({ length: 300 }, (_, i) => [String(rng.next() * 1000 - 500), `m${i}`]).flat()]);
    cmds.push(['ZADD', `${p}z:long`, '1', 'x'.repeat(65), '2', 'y']);
    cmds.push(['HSET', `${p}h:lp`, 'f1', 'v1', 'n', '12', 'neg', '-3000', 'empty', '', '', 'emptyfield', 'bin', bin(rng, 40)]);
    cmds.push(['HSET', `${p}h:long`, 'f', 'v'.repeat(65), 'g', '1']);
    cmds.push(['HSET', `${p}h:big`, ...Array.from({ length: 600 }, (_, i) => [`field${i}`, String(rng.int(1e9))]).flat()]);
    cmds.push(['PEXPIREAT', `${p}h:big`, String(expireBase + 999)]);
    for (let i = 0; i < 200; i++) cmds.push(['SET', `${p}k:${i}`, `value-${rng.int(1e9)}`]);
  }
  cmds.push(['SELECT', '0']);
  return cmds;
}
