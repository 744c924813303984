/**
 * Oracle tests for the x87 long double emulation behind INCRBYFLOAT: every expected value below was
 * produced by a real redis-server 7.0.15 on x86_64 (SET k <current>; INCRBYFLOAT k <increment>).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  addLongDouble,
  formatLongDouble,
  incrByFloat,
  isFiniteLongDouble,
  parseLongDouble,
} from '../../../src/engine/types/longdouble.js';

type ErrorCode = 'NOT_FLOAT_VALUE' | 'NOT_FLOAT_INCR' | 'NAN_OR_INF';
/** Long results are pinned by length, first digits and SHA-256 of the exact reply. */
type BigResult = { length: number; head: string; sha256: string };
type Expected = string | ErrorCode | BigResult;

const ERROR_CODES = new Set<string>(['NOT_FLOAT_VALUE', 'NOT_FLOAT_INCR', 'NAN_OR_INF']);
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

/** [current value (null: key missing), increment, redis reply]. */
const ORACLE: Array<[string | null, string, Expected]> = [
  ["10.5", "0.1", "10.6"],
  ["3.0e3", "200", "3200"],
  ["0.1", "0.2", "0.3"],
  ["5.0e3", "2.0e2", "5200"],
  [null, "10.5", "10.5"],
  [null, "0", "0"],
  [null, "-0", "0"],
  ["-0", "0", "0"],
  ["-0", "-0", "0"],
  ["5", "-5", "0"],
  ["0.1", "-0.1", "0"],
  ["-1.5", "-2.25", "-3.75"],
  ["1", "-3.75", "-2.75"],
  ["1.5", "-1.5", "0"],
  ["12345.6789", "-12345.6789", "0"],
  ["3.14159", "2.71828", "5.85987"],
  ["1000000", "0.0000001", "1000000.00000010000002248"],
  ["1e15", "0.3", "1000000000000000.29998779296875"],
  ["1e17", "0.5", "100000000000000000.5"],
  ["+5", "+5", "10"],
  ["1E3", "1e-3", "1000.001"],
  ["123.456e-2", "0", "1.23456"],
  ["0.1", "0", "0.1"],
  ["0.3", "0", "0.3"],
  ["2.5", "0.00000000000000001", "2.50000000000000001"],
  ["1", "-0.99999999999999999", "0.00000000000000001"],
  ["-0.00000000000000001", "0", "-0.00000000000000001"],
  ["-0.000000000000000001", "0", "0"],
  ["-0.000000000000000006", "0", "-0.00000000000000001"],
  ["0.000000000000000005", "0", "0"],
  ["0.000003814697265625", "0", "0.00000381469726562"],
  ["0.000011444091796875", "0", "0.00001144409179688"],
  ["0.000019073486328125", "0", "0.00001907348632812"],
  ["1.00000000000000000001", "0", "1"],
  ["0.12345678901234567890123", "0", "0.12345678901234568"],
  ["1.7976931348623157e308", "0", { length: 309, head: "179769313486231569995921046774", sha256: '7bcb86244d49b6273265563d34016d35c89254f5e3fb8d6a39fd116318ae7dc4' }],
  ["1e308", "1e308", { length: 309, head: "199999999999999999993371759311", sha256: 'd0421bd8c214cfd8003da9cbc65974016d89c7621163abe120df45b78e648026' }],
  ["-1e308", "-1e308", { length: 310, head: "-19999999999999999999337175931", sha256: '6fc46c8fe7c4f892995e41f56b18cd83c7c93503e563f7d6db8af6b659679c72' }],
  ["1.7976931348623157e308", "1.7976931348623157e308", { length: 309, head: "359538626972463139991842093548", sha256: '6b0acdfd2f855c7500de0800ccc028c04d588c82d1e66907c2ef9e1ae331dcaf' }],
  ["1e4000", "-1e4000", "0"],
  ["1e4000", "1", { length: 4000, head: "999999999999999999996546387309", sha256: '5b56729d9b9cbc79bf6bfea495c4bb22394d8fd34e39109c79c13afa3dc3efa0' }],
  ["1.18973149535723176502e4932", "0", { length: 4933, head: "118973149535723176502126385303", sha256: '39319dad6400899a3385cef1c62991c21106f7f12a7dea6f3849a857ad9131a6' }],
  ["1.18973149535723176509e4932", "0", 'NOT_FLOAT_VALUE'],
  ["-1.18973149535723176502e4932", "-0", { length: 4934, head: "-11897314953572317650212638530", sha256: '26eeb64b4577cf1c37be4067ae26668bf7f7541985ed82f97f88c374d904903a' }],
  ["1e4932", "1e4932", 'NAN_OR_INF'],
  ["1e4932", "-1e4932", "0"],
  ["9007199254740993", "0", "9007199254740993"],
  ["9007199254740993", "1", "9007199254740994"],
  ["18446744073709551615", "1", "18446744073709551616"],
  ["18446744073709551617", "0", "18446744073709551616"],
  ["18446744073709551615", "0", "18446744073709551615"],
  ["9223372036854775807", "1", "9223372036854775808"],
  ["-9223372036854775808", "-1", "-9223372036854775809"],
  ["123456789012345678901234567890", "0", "123456789012345678899921813504"],
  ["1e19", "1", "10000000000000000001"],
  ["1e20", "1", "100000000000000000000"],
  ["4.9e-324", "0", "0"],
  ["1e-4950", "0", "0"],
  ["1e-4950", "-1e-4950", "0"],
  ["1e-4951", "0", 'NOT_FLOAT_VALUE'],
  ["0", "3.6451995318824746025e-4951", "0"],
  ["0", "1.8225997659412373012e-4951", 'NOT_FLOAT_INCR'],
  ["0", "1.8225997659412373013e-4951", "0"],
  ["0", "0e-99999", "0"],
  ["0", "1e-99999", 'NOT_FLOAT_INCR'],
  ["0", "0e99999", "0"],
  ["0", "1e99999", 'NOT_FLOAT_INCR'],
  ["0x1p-16445", "0", "0"],
  ["0x1p-16446", "0", 'NOT_FLOAT_VALUE'],
  ["0x1.8p-16446", "0", "0"],
  ["1", "0x1p3", "9"],
  ["0x1.8p1", "0", "3"],
  ["0", "0X.8", "0.5"],
  ["0", "-0x1p-1", "-0.5"],
  ["0", "0x", 'NOT_FLOAT_INCR'],
  ["0", "0x1p", 'NOT_FLOAT_INCR'],
  ["0", "0xffffffffffffffffff", "4722366482869645213696"],
  ["0", "0x1.0000000000000001p0", "1"],
  ["0", "0x1.00000000000000018p0", "1"],
  ["0", "0x1.00000000000000008p0", "1"],
  ["0x1p63", "-0x1p-2", "9223372036854775808"],
  ["0x1p63", "-0x1.0000001p-2", "9223372036854775807.5"],
  ["inf", "1", 'NAN_OR_INF'],
  ["1", "inf", 'NAN_OR_INF'],
  ["1", "-Infinity", 'NAN_OR_INF'],
  ["1", "INF", 'NAN_OR_INF'],
  ["Infinity", "-Infinity", 'NAN_OR_INF'],
  ["1", "infinit", 'NOT_FLOAT_INCR'],
  ["1", "nan", 'NOT_FLOAT_INCR'],
  ["nan", "1", 'NOT_FLOAT_VALUE'],
  ["inf", "x", 'NOT_FLOAT_INCR'],
  ["1", " 1", 'NOT_FLOAT_INCR'],
  ["1", "1 ", 'NOT_FLOAT_INCR'],
  ["1", "", 'NOT_FLOAT_INCR'],
  ["1", "abc", 'NOT_FLOAT_INCR'],
  ["abc", "1", 'NOT_FLOAT_VALUE'],
  ["", "1", 'NOT_FLOAT_VALUE'],
  ["1", "\t1", 'NOT_FLOAT_INCR'],
  ["1", "1\u0000", 'NOT_FLOAT_INCR'],
  ["1", "\u0000", 'NOT_FLOAT_INCR'],
  ["1\u0000", "1", 'NOT_FLOAT_VALUE'],
  ["1", "1e", 'NOT_FLOAT_INCR'],
  ["1", "1e+", 'NOT_FLOAT_INCR'],
  ["1", ".5", "1.5"],
  ["1", "5.", "6"],
  ["1", ".", 'NOT_FLOAT_INCR'],
  ["1", "+.5e1", "6"],
  ["1", "--1", 'NOT_FLOAT_INCR'],
  ["1", "+-1", 'NOT_FLOAT_INCR'],
  ["1", "1.2.3", 'NOT_FLOAT_INCR'],
  ["1", "1,5", 'NOT_FLOAT_INCR'],
  ["1", "٣", 'NOT_FLOAT_INCR'],
  ['0.' + '3'.repeat(5000), '0', "0.33333333333333333"],
  ['0'.repeat(5118) + '1', '1', "2"],
  ['0'.repeat(5119) + '1', '1', 'NOT_FLOAT_VALUE'],
  ['1'.repeat(5119), '0', 'NOT_FLOAT_VALUE'],
  ['9'.repeat(300), '1', { length: 301, head: "100000000000000000000899732407", sha256: 'a72a6efd76859f894ae40655c26988a49dd55a59d9c752a76b5f8c651d127731' }],
  ['1.' + '0'.repeat(60) + '1', '-1', "0"],
  ['2.' + '4'.repeat(3000) + 'e-4950', '0', "0"],
  ['0.' + '0'.repeat(4000) + '1e4001', '0.1', "1.1"],
];

function check(current: string | null, incr: string, expected: Expected): void {
  const got = incrByFloat(current === null ? null : enc(current), enc(incr));
  const label = `${JSON.stringify(current)?.slice(0, 60)} + ${JSON.stringify(incr).slice(0, 60)}`;
  if (typeof expected === 'string' && ERROR_CODES.has(expected)) {
    assert.deepEqual(got, { ok: false, error: expected }, label);
  } else if (typeof expected === 'string') {
    assert.deepEqual(got, { ok: true, value: expected }, label);
  } else {
    assert.ok(got.ok, label);
    assert.equal(got.value.length, expected.length, label);
    assert.ok(got.value.startsWith(expected.head), label);
    assert.equal(createHash('sha256').update(got.value).digest('hex'), expected.sha256, label);
  }
}

test('the oracle table has at least sixty cases recorded from redis-server', () => {
  assert.ok(ORACLE.length >= 60);
});

test('incrByFloat matches redis-server 7.0 INCRBYFLOAT on every recorded case', () => {
  for (const [current, incr, expected] of ORACLE) check(current, incr, expected);
});

test('parseLongDouble rejects what string2ld rejects and keeps infinities for the caller', () => {
  for (const bad of ['', ' 1', '1 ', 'nan', '-nan', '0x', '1e', '1\0', '1e99999', '1e-99999']) {
    assert.equal(parseLongDouble(enc(bad)), null, JSON.stringify(bad));
  }
  assert.equal(parseLongDouble(enc('1'.padEnd(5120, '0'))), null);
  const inf = parseLongDouble(enc('-Infinity'));
  assert.ok(inf !== null && !isFiniteLongDouble(inf));
  const big = parseLongDouble(enc('1e4000'));
  assert.ok(big !== null && isFiniteLongDouble(big));
});

// The direct API assertions below were also confirmed with redis-server (INCRBYFLOAT of the same pairs).
test('addLongDouble rounds to a 64-bit mantissa with ties to even', () => {
  const ld = (s: string) => parseLongDouble(enc(s))!;
  // 2^64 + 1 is a tie between 2^64 and 2^64 + 2: even mantissa wins.
  assert.equal(formatLongDouble(addLongDouble(ld('0x1p64'), ld('1'))), '18446744073709551616');
  // 2^64 + 3 is a tie between 2^64 + 2 and 2^64 + 4: even mantissa wins.
  assert.equal(formatLongDouble(addLongDouble(ld('0x1p64'), ld('3'))), '18446744073709551620');
  assert.equal(formatLongDouble(addLongDouble(ld('0x1p64'), ld('1.0000001'))), '18446744073709551618');
  // Below a power of two the ulp halves: 2^63 - 0.25 is a tie, 2^63 - 0.2500001 rounds down.
  assert.equal(formatLongDouble(addLongDouble(ld('0x1p63'), ld('-0.25'))), '9223372036854775808');
  assert.equal(formatLongDouble(addLongDouble(ld('0x1p63'), ld('-0.2500001'))), '9223372036854775807.5');
  assert.ok(!isFiniteLongDouble(addLongDouble(ld('inf'), ld('-inf'))));
});

test('formatLongDouble prints seventeen decimals rounded half to even and drops a negative zero sign', () => {
  const ld = (s: string) => parseLongDouble(enc(s))!;
  assert.equal(formatLongDouble(ld('0x1p-18')), '0.00000381469726562');
  assert.equal(formatLongDouble(ld('-0x3p-18')), '-0.00001144409179688');
  assert.equal(formatLongDouble(ld('-0')), '0');
  assert.equal(formatLongDouble(ld('-1e-18')), '0');
  assert.equal(formatLongDouble(ld('-0x1p-16445')), '0');
  assert.equal(formatLongDouble(ld('0x1p70')), '1180591620717411303424');
});
