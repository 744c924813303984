// Randomized oracle for src/engine/types/longdouble.ts: compares incrByFloat() with a real
// redis-server's INCRBYFLOAT (SET k cur; INCRBYFLOAT k incr, pipelined over raw RESP).
// Usage: node scripts/oracle-incrbyfloat.mjs [port=6399] [cases=20000] [seed=1]
// (LONGDOUBLE_MODULE=/abs/path/longdouble.js overrides the compiled module under dist/.)
import net from 'node:net';
import { pathToFileURL } from 'node:url';

const modUrl = process.env.LONGDOUBLE_MODULE
  ? pathToFileURL(process.env.LONGDOUBLE_MODULE).href
  : new URL('../dist/src/engine/types/longdouble.js', import.meta.url).href;
const { incrByFloat } = await import(modUrl);

const port = Number(process.argv[2] ?? 6399);
const total = Number(process.argv[3] ?? 20000);
let seed = Number(process.argv[4] ?? 1) >>> 0 || 1;

function rnd() { // xorshift32, reproducible
  seed ^= seed << 13; seed >>>= 0; seed ^= seed >>> 17; seed ^= seed << 5; seed >>>= 0;
  return seed / 4294967296;
}
const ri = (a, b) => a + Math.floor(rnd() * (b - a + 1));
const pick = (arr) => arr[ri(0, arr.length - 1)];
const digits = (n, lead = true) => {
  let s = lead ? String(ri(1, 9)) : '';
  while (s.length < n) s += String(ri(0, 9));
  return s;
};
const hexDigits = (n) => { let s = ''; for (let i = 0; i < n; i++) s += ri(0, 15).toString(16); return s; };
const sign = () => pick(['', '', '', '-', '+']);

function randDecimal() {
  const nd = pick([1, 2, 3, 5, 8, 12, 15, 16, 17, 18, 19, 20, 21, 25, 40, ri(1, 30)]);
  const d = digits(nd);
  const point = ri(0, nd);
  let s = d.slice(0, point) + (rnd() < 0.8 ? '.' : '') + d.slice(point);
  if (s === '.' ) s = '0.5';
  if (rnd() < 0.35) {
    const range = pick([5, 20, 300, 320, 4950, 4940]);
    s += pick(['e', 'E']) + pick(['', '+', '-']) + String(ri(0, range));
  }
  return sign() + s;
}
function randInteger() {
  const n = pick([1, 3, 9, 15, 16, 17, 18, 19, 20, 21, 25]);
  return pick(['', '-']) + digits(n);
}
function randHex() {
  const m = hexDigits(ri(1, 18));
  return sign() + '0x' + m[0] + (rnd() < 0.7 ? '.' + m.slice(1) : m.slice(1)) + (rnd() < 0.7 ? 'p' + String(ri(-16500, 16400) * (rnd() < 0.7 ? 0.01 : 1) | 0) : '');
}
/** An exact long double 1.xxx(63 bits) * 2^e as a hex float, e in a chosen range. */
function exactLD(lo, hi) {
  return sign() + '0x1.' + hexDigits(16).replace(/.$/, (c) => (parseInt(c, 16) & 14).toString(16)) + 'p' + ri(lo, hi);
}
function randTiny() {
  return pick(['', '-']) + pick([
    () => digits(ri(1, 20)) + 'e-' + ri(4925, 4955),
    () => '0x1p-' + ri(16380, 16447),
    () => '0x' + hexDigits(ri(1, 16)) + 'p-' + ri(16440, 16520),
    () => '3.6451995318824746025e-4951',
    () => '1.8225997659412373012e-4951',
    () => '1.8225997659412373013e-4951',
  ])();
}
function randHuge() {
  return pick(['', '-']) + pick([
    () => digits(ri(1, 20)) + 'e' + ri(4900, 4935),
    () => '1.18973149535723176502e4932',
    () => '1.18973149535723176508e4932',
    () => '1.1897314953572317650' + ri(0, 9) + ri(0, 9) + 'e4932',
    () => '0x1.' + hexDigits(16) + 'p16383',
    () => '0x1p' + ri(16370, 16390),
  ])();
}
function randGarbage() {
  const alphabet = ['0', '1', '9', '.', 'e', 'E', '+', '-', 'x', 'p', 'a', 'f', 'i', 'n', 'I', 'N', 'F', 't', 'y', ' ', '\t', '\0', '5'];
  let s = '';
  const n = ri(0, 6);
  for (let i = 0; i < n; i++) s += pick(alphabet);
  return pick([s, s + '1', '1' + s, pick(['inf', 'Infinity', '-INF', 'nan', '-nan', 'infin', 'nan(1)', '0x', '1e', '1e+', '.e1', '0x.p1', '0x1p', '.5', '5.', '-.5e-1'])]);
}
function randLong() {
  const n = ri(20, 5200);
  const d = digits(n);
  const point = ri(0, n);
  return sign() + pick(['', '0.', '0.0000']) + d.slice(0, point) + '.' + d.slice(point) + (rnd() < 0.5 ? 'e-' + ri(0, 9000) : '');
}
/** Values whose %.17Lf rounding is at or near a tie: k * 2^-j. */
function randPrintTie() {
  const j = ri(18, 70);
  const k = ri(1, 2 ** 20);
  return pick(['', '-']) + '0x' + k.toString(16) + 'p-' + j;
}

/** Exact decimal of a midpoint between two adjacent long doubles (65 significant bits), maybe nudged. */
function randParseTie() {
  let m = 1n << 63n;
  for (let i = 0; i < 63; i++) if (rnd() < 0.5) m |= 1n << BigInt(i);
  const odd = 2n * m + 1n;
  const e = pick([ri(-140, 80), ri(-16520, -16440), ri(-16400, -16380), ri(16300, 16320)]);
  let str;
  if (e - 1 >= 0) str = (odd << BigInt(e - 1)).toString();
  else {
    const k = 1 - e;
    const digits = (odd * 5n ** BigInt(k)).toString().padStart(k + 1, '0');
    str = digits.slice(0, -k) + '.' + digits.slice(-k);
  }
  const nudge = rnd();
  if (nudge < 0.2) str += '0000000001';
  else if (nudge < 0.4 && str.includes('.')) str = str.replace(/(\d)$/, (d) => String(Number(d) - 1)) + '9';
  return pick(['', '-']) + str;
}

function randCase() {
  const r = rnd();
  const cur = () => rnd() < 0.05 ? null : pick([randDecimal, randDecimal, randInteger, randHex, randTiny, randHuge, randLong, randPrintTie])();
  if (r < 0.30) return [cur(), pick([randDecimal, randInteger])()];
  if (r < 0.40) return [randInteger(), randInteger()];
  if (r < 0.55) { // near rounding boundaries: an exact value plus something just below/at its half ulp
    const e = ri(-80, 80);
    const a = exactLD(e, e);
    const b = '0x1.' + hexDigits(ri(0, 4)) + 'p' + (e - ri(62, 68));
    return [a, pick(['', '-']) + b];
  }
  if (r < 0.58) return [exactLD(-70, 70), exactLD(-70, 70)];
  if (r < 0.62) { // a power of two minus/plus a fraction of an ulp: the binade boundary
    const e = ri(-60, 60);
    return [pick(['', '-']) + '0x1p' + e, pick(['', '-']) + '0x1.' + hexDigits(ri(0, 3)) + 'p' + (e - ri(63, 67))];
  }
  if (r < 0.70) return [randTiny(), randTiny()];
  if (r < 0.76) return [randHuge(), randHuge()];
  if (r < 0.84) return [cur(), randGarbage()];
  if (r < 0.88) return [randGarbage(), randDecimal()];
  if (r < 0.92) return [randLong(), randDecimal()];
  if (r < 0.95) return [randPrintTie(), randPrintTie()];
  if (r < 0.975) return [randParseTie(), pick(['0', '-0', randPrintTie(), randDecimal()])];
  return [randDecimal(), randHex()];
}

function encodeCommand(args) {
  const parts = [Buffer.from(`*${args.length}\r\n`)];
  for (const a of args) {
    const b = Buffer.from(a, 'latin1');
    parts.push(Buffer.from(`$${b.length}\r\n`), b, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

const sock = net.connect(port, '127.0.0.1');
let buf = Buffer.alloc(0);
const waiters = [];
sock.on('data', (d) => {
  buf = buf.length ? Buffer.concat([buf, d]) : d;
  for (;;) {
    const nl = buf.indexOf('\r\n');
    if (nl < 0) return;
    const t = String.fromCharCode(buf[0]);
    let reply; let used;
    if (t === '$') {
      const n = Number(buf.subarray(1, nl).toString());
      if (n < 0) { reply = null; used = nl + 2; } else {
        if (buf.length < nl + 2 + n + 2) return;
        reply = buf.subarray(nl + 2, nl + 2 + n).toString('latin1'); used = nl + 4 + n;
      }
    } else { reply = (t === '-' ? '!' : '') + buf.subarray(1, nl).toString(); used = nl + 2; }
    buf = buf.subarray(used);
    waiters.shift()(reply);
  }
});
const send = (args) => new Promise((res) => { waiters.push(res); sock.write(encodeCommand(args)); });

const ERR_TEXT = { NOT_FLOAT_VALUE: '!ERR value is not a valid float', NOT_FLOAT_INCR: '!ERR value is not a valid float', NAN_OR_INF: '!ERR increment would produce NaN or Infinity' };
let mismatches = 0;
const outcomes = new Map();
let done = 0;
const key = 'oracle:incrbyfloat';
await new Promise((res) => sock.once('connect', res));
const BATCH = 500;
while (done < total) {
  const batch = [];
  for (let i = 0; i < BATCH && done + batch.length < total; i++) batch.push(randCase());
  const replies = batch.map(([cur, inc]) => {
    void (cur === null ? send(['DEL', key]) : send(['SET', key, cur]));
    return send(['INCRBYFLOAT', key, inc]); // written right behind its SET on the same connection
  });
  const got = await Promise.all(replies);
  batch.forEach(([cur, inc], i) => {
    const r = incrByFloat(cur === null ? null : Buffer.from(cur, 'latin1'), Buffer.from(inc, 'latin1'));
    const mine = r.ok ? r.value : ERR_TEXT[r.error];
    const outcome = r.ok ? 'ok' : r.error;
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    if (mine !== got[i]) {
      mismatches++;
      if (mismatches <= 30) console.log('MISMATCH', JSON.stringify(cur)?.slice(0, 120), JSON.stringify(inc).slice(0, 120), '\n  redis:', String(got[i]).slice(0, 200), '\n  mine: ', mine.slice(0, 200));
    }
  });
  done += batch.length;
}
await send(['DEL', key]);
sock.end();
console.log(`${done} cases, ${mismatches} mismatches`, Object.fromEntries(outcomes));
process.exitCode = mismatches ? 1 : 0;
