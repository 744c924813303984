// INCRBYFLOAT key increment
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps.
import { runCases, type Case } from './harness.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ENCODING_NAMES, NO_KEY } from '../../../src/engine/status.js';

const cases: Case[] = [
  {
    name: 'INCRBYFLOAT against non existing key',
    steps: [
      [['INCRBYFLOAT', 'novar', '1'], '$1\r\n1\r\n'],
      [['GET', 'novar'], '$1\r\n1\r\n'],
      [['INCRBYFLOAT', 'novar', '0.25'], '$4\r\n1.25\r\n'],
      [['GET', 'novar'], '$4\r\n1.25\r\n'],
    ],
  },
  {
    name: 'INCRBYFLOAT against key originally set with SET',
    steps: [
      [['SET', 'novar', '1.5'], '+OK\r\n'],
      [['INCRBYFLOAT', 'novar', '1.5'], '$1\r\n3\r\n'],
    ],
  },
  {
    name: 'INCRBYFLOAT over 32bit value',
    steps: [
      [['SET', 'novar', '17179869184'], '+OK\r\n'],
      [['INCRBYFLOAT', 'novar', '1.5'], '$13\r\n17179869185.5\r\n'],
    ],
  },
  {
    name: 'INCRBYFLOAT over 32bit value with over 32bit increment',
    steps: [
      [['SET', 'novar', '17179869184'], '+OK\r\n'],
      [['INCRBYFLOAT', 'novar', '17179869184'], '$11\r\n34359738368\r\n'],
    ],
  },
  {
    name: 'INCRBYFLOAT fails against key with spaces (left)',
    steps: [
      [['SET', 'novar', '    11'], '+OK\r\n'],
      [['INCRBYFLOAT', 'novar', '1.0'], '-ERR value is not a valid float\r\n'],
    ],
  },
  {
    name: 'INCRBYFLOAT fails against key with spaces (right)',
    steps: [
      [['SET', 'novar', '11    '], '+OK\r\n'],
      [['INCRBYFLOAT', 'novar', '1.0'], '-ERR value is not a valid float\r\n'],
    ],
  },
  {
    name: 'INCRBYFLOAT fails against key with spaces (both)',
    steps: [
      [['SET', 'novar', ' 11 '], '+OK\r\n'],
      [['INCRBYFLOAT', 'novar', '1.0'], '-ERR value is not a valid float\r\n'],
    ],
  },
  {
    name: 'INCRBYFLOAT does not allow NaN or Infinity',
    steps: [
      [['SET', 'foo', '0'], '+OK\r\n'],
      [['INCRBYFLOAT', 'foo', '+inf'], '-ERR increment would produce NaN or Infinity\r\n'],
      [['INCRBYFLOAT', 'foo', '-inf'], '-ERR increment would produce NaN or Infinity\r\n'],
      [['INCRBYFLOAT', 'foo', 'nan'], '-ERR value is not a valid float\r\n'],
      [['INCRBYFLOAT', 'foo', 'inf'], '-ERR increment would produce NaN or Infinity\r\n'],
      [['GET', 'foo'], '$1\r\n0\r\n'],
    ],
  },
  {
    name: 'INCRBYFLOAT decrement',
    steps: [
      [['SET', 'foo', '1'], '+OK\r\n'],
      [['INCRBYFLOAT', 'foo', '-1.1'], '$4\r\n-0.1\r\n'],
    ],
  },
  {
    name: 'string to double with null terminator',
    steps: [
      [['SET', 'foo', '1'], '+OK\r\n'],
      [['SETRANGE', 'foo', '2', '2'], ':3\r\n'],
      [['INCRBYFLOAT', 'foo', '1'], '-ERR value is not a valid float\r\n'],
      [['INCRBYFLOAT', 'foo', '1\x002'], '-ERR value is not a valid float\r\n'],
    ],
  },
  {
    name: 'No negative zero',
    steps: [
      [['INCRBYFLOAT', 'foo', '1'], '$1\r\n1\r\n'],
      [['INCRBYFLOAT', 'foo', '-1'], '$1\r\n0\r\n'],
      [['GET', 'foo'], '$1\r\n0\r\n'],
      [['SET', 'bar', '-0'], '+OK\r\n'],
      [['INCRBYFLOAT', 'bar', '0'], '$1\r\n0\r\n'],
      [['INCRBYFLOAT', 'baz', '-0'], '$1\r\n0\r\n'],
      [['INCRBYFLOAT', 'baz', '-0.0'], '$1\r\n0\r\n'],
    ],
  },
  {
    name: 'INCRBYFLOAT formats results like Redis',
    steps: [
      [['SET', 'a', '10.5'], '+OK\r\n'],
      [['INCRBYFLOAT', 'a', '0.1'], '$4\r\n10.6\r\n'],
      [['SET', 'b', '5.0e3'], '+OK\r\n'],
      [['INCRBYFLOAT', 'b', '2.0e2'], '$4\r\n5200\r\n'],
      [['SET', 'c', '3.0e3'], '+OK\r\n'],
      [['INCRBYFLOAT', 'c', '0'], '$4\r\n3000\r\n'],
      [['INCRBYFLOAT', 'd', '1e308'], '$308\r\n99999999999999999996685879655845645660560099847415567207797047994921734868838061872100126921888539320446747225054013223152134749593960583597420814430196418767959100019603190778663109604507106667939153395788938914560543563061268364901618630217086589253444881623791300855757318142424510452728255046343928578048\r\n'],
      [['INCRBYFLOAT', 'd', '1e308'], '$309\r\n199999999999999999993371759311691291321120199694831134415594095989843469737676123744200253843777078640893494450108026446304269499187921167194841628860392837535918200039206381557326219209014213335878306791577877829121087126122536729803237260434173178506889763247582601711514636284849020905456510092687857156096\r\n'],
      [['INCRBYFLOAT', 'e', '1.7976931348623157e308'], '$309\r\n179769313486231569995921046774104434048386446944329178485314420765176628523124396354701868608387085564428793419425520689308708363451136055357897278026477617073498977686288394835618163294045594434929537447290627480669417384648879122776218333598953852832103282504751611691208117720159985926376802466863339536384\r\n'],
      [['INCRBYFLOAT', 'e', '1e308'], '$309\r\n279769313486231570002352240441350078789299929179619934003987695617693370918830364684014944221042050987341155710361544171686148029276505307138777262321877129888036065002204239033812550598509174132739480498569620043582760541189365866551522561741435317031294527744011878159793174665688773926186886103199182225408\r\n'],
      [['INCRBYFLOAT', 'f', '0.1'], '$3\r\n0.1\r\n'],
      [['INCRBYFLOAT', 'f', '0.2'], '$3\r\n0.3\r\n'],
      [['INCRBYFLOAT', 'g', '3.0e-5'], '$7\r\n0.00003\r\n'],
      [['INCRBYFLOAT', 'h', '1e-300'], '$1\r\n0\r\n'],
      [['INCRBYFLOAT', 'i', '123456789012345678901234567890'], '$30\r\n123456789012345678899921813504\r\n'],
      [['INCRBYFLOAT', 'j', '17.00000000000000001'], '$20\r\n17.00000000000000001\r\n'],
      [['INCRBYFLOAT', 'k', '0x10'], '$2\r\n16\r\n'],
      [['INCRBYFLOAT', 'l', '-1e-20'], '$1\r\n0\r\n'],
      [['INCRBYFLOAT', 'm', '1e20'], '$21\r\n100000000000000000000\r\n'],
      [['INCRBYFLOAT', 'm', '1'], '$21\r\n100000000000000000000\r\n'],
    ],
  },
  {
    name: 'INCRBYFLOAT rejects increments that are not valid floats',
    steps: [
      [['SET', 'k', '1'], '+OK\r\n'],
      [['INCRBYFLOAT', 'k', 'abc'], '-ERR value is not a valid float\r\n'],
      [['INCRBYFLOAT', 'k', ''], '-ERR value is not a valid float\r\n'],
      [['INCRBYFLOAT', 'k', ' 1'], '-ERR value is not a valid float\r\n'],
      [['INCRBYFLOAT', 'k', '1 '], '-ERR value is not a valid float\r\n'],
      [['INCRBYFLOAT', 'k', '1e'], '-ERR value is not a valid float\r\n'],
      [['INCRBYFLOAT', 'k', '1.5.5'], '-ERR value is not a valid float\r\n'],
      [['GET', 'k'], '$1\r\n1\r\n'],
    ],
  },
  {
    name: 'INCRBYFLOAT checks the stored value before the increment',
    steps: [
      [['SET', 'k', 'abc'], '+OK\r\n'],
      [['INCRBYFLOAT', 'k', 'abc'], '-ERR value is not a valid float\r\n'],
      [['INCRBYFLOAT', 'k', '1'], '-ERR value is not a valid float\r\n'],
      [['INCRBYFLOAT', 'k', 'inf'], '-ERR value is not a valid float\r\n'],
    ],
  },
  {
    name: 'INCRBYFLOAT works on int64 limits',
    steps: [
      [['SET', 'k', '9223372036854775807'], '+OK\r\n'],
      [['INCRBYFLOAT', 'k', '1'], '$19\r\n9223372036854775808\r\n'],
      [['SET', 'k', '-9223372036854775808'], '+OK\r\n'],
      [['INCRBYFLOAT', 'k', '-1'], '$20\r\n-9223372036854775809\r\n'],
      [['INCR', 'k'], '-ERR value is not an integer or out of range\r\n'],
    ],
  },
  {
    name: 'INCRBYFLOAT result can be incremented by INCR when integral',
    steps: [
      [['INCRBYFLOAT', 'k', '2.5'], '$3\r\n2.5\r\n'],
      [['INCRBYFLOAT', 'k', '0.5'], '$1\r\n3\r\n'],
      [['INCR', 'k'], ':4\r\n'],
      [['INCRBYFLOAT', 'k', '0.5'], '$3\r\n4.5\r\n'],
      [['INCR', 'k'], '-ERR value is not an integer or out of range\r\n'],
    ],
  },
];

const fx = runCases('INCRBYFLOAT', cases);

function encodingOf(key: string): string {
  const db = fx.s.server.engine.dbs[0]!;
  const slot = db.peek(key);
  return slot === NO_KEY ? 'none' : ENCODING_NAMES[db.encoding(slot)];
}

test('INCRBYFLOAT stores embstr or raw by length, never int', async () => {
  fx.flush();
  await fx.c.call('INCRBYFLOAT', 'a', '3000');
  await fx.c.call('SET', 'b', '5');
  await fx.c.call('INCRBYFLOAT', 'b', '1');
  await fx.c.call('INCRBYFLOAT', 'c', '1e40');
  await fx.c.call('INCRBYFLOAT', 'd', '1e50');
  assert.deepEqual(['a', 'b', 'c', 'd'].map(encodingOf), ['embstr', 'embstr', 'embstr', 'raw']);
});

test('INCRBYFLOAT keeps the TTL', async () => {
  fx.flush();
  await fx.c.call('SET', 'k', '1.5', 'PXAT', '4102444800000');
  await fx.c.call('INCRBYFLOAT', 'k', '1');
  const db = fx.s.server.engine.dbs[0]!;
  assert.equal(db.expireAt(db.peek('k')), 4102444800000);
  assert.equal(await fx.c.call('GET', 'k'), '$3\r\n2.5\r\n');
});
