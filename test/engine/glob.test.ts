// Glob matcher: every expected result was checked against redis-server 7.0.15
// (KEYS for case-sensitive matching, FUNCTION LIST LIBRARYNAME for nocase).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { globMatch, globMatchStr } from '../../src/engine/glob.js';

// Expected results come from redis-server 7.0.15: KEYS <pattern> on a database
// holding only the subject key (KEYS special-cases exactly "*", so "**" is used
// to reach stringmatchlen() for the empty key), and FUNCTION LIST LIBRARYNAME
// (which matches with nocase) for the case-insensitive table.
const CASE_SENSITIVE: [string, string, boolean][] = [
  ["", "", true],
  ["", "a", false],
  ["a", "", false],
  ["**", "", false],
  ["?", "", false],
  ["[", "", false],
  ["\\", "", false],
  ["*", "anything", true],
  ["**", "x", true],
  ["a*", "a", true],
  ["a*", "abc", true],
  ["*c", "abc", true],
  ["*b*", "abc", true],
  ["*b*", "ac", false],
  ["a*b*c", "aXbYc", true],
  ["a*b*c", "acb", false],
  ["a**b", "ab", true],
  ["*a*", "a", true],
  ["h?llo", "hello", true],
  ["h?llo", "hllo", false],
  ["???", "abc", true],
  ["???", "ab", false],
  ["*?", "a", true],
  ["?*", "", false],
  ["h[ae]llo", "hallo", true],
  ["h[ae]llo", "hillo", false],
  ["h[^e]llo", "hallo", true],
  ["h[^e]llo", "hello", false],
  ["h[a-b]llo", "hbllo", true],
  ["h[b-a]llo", "hallo", true],
  ["h[a-b]llo", "hcllo", false],
  ["[", "a", false],
  ["[", "[", false],
  ["[abc", "b", true],
  ["[abc", "bc", false],
  ["[^", "x", true],
  ["[^", "", false],
  ["[^abc", "x", true],
  ["[^abc", "a", false],
  ["[]", "", false],
  ["[]", "a", false],
  ["[]", "[]", false],
  ["[]]", "]", false],
  ["[^]", "x", true],
  ["[^]", "]", true],
  ["[^]", "", false],
  ["[^]]", "x", false],
  ["[^]]", "x]", true],
  ["\\", "\\", true],
  ["a\\", "a\\", true],
  ["a\\", "a", false],
  ["\\*", "*", true],
  ["\\*", "a", false],
  ["\\?", "?", true],
  ["\\[a]", "[a]", true],
  ["\\a", "a", true],
  ["\\\\", "\\", true],
  ["[\\]]", "]", true],
  ["[\\", "\\", true],
  ["[\\", "x", false],
  ["[a\\-z]", "-", true],
  ["[a\\-z]", "b", false],
  ["[\\^a]", "^", true],
  ["[a-]", "a", true],
  ["[a-]", "-", false],
  ["[a-]", "]", true],
  ["[a-]", "_", true],
  ["[a-]", "b", false],
  ["[a-]x", "ax", false],
  ["[-a]", "-", true],
  ["[-a]", "b", false],
  ["[a-c-e]", "d", false],
  ["[a-c-e]", "-", true],
  ["[]-a]", "]", false],
  ["[]-a]", "]-a]", false],
  ["[]-a]", "b", false],
  ["[^]-a]", "x-a]", true],
  ["[a-\xff]", "\xff", true],
  ["[a-\xff]", "\x80", false],
  ["[a-\xff]", "0", true],
  ["[a-\xff]", "b", false],
  ["[\x80-\xff]", "\x90", true],
  ["[\u0000-a]", "\xff", false],
  ["*a*a*a*a*a*a*a*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false],
  ["*a*a*a*a*a*a*a*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", true],
  ["a*", "A", false],
  ["[a-z]", "Q", false],
];

const NOCASE: [string, string, boolean][] = [
  ["mylib", "MyLib", true],
  ["MYLIB*", "mylib_2", true],
  ["my?ib", "MyLib", true],
  ["[m]ylib", "MyLib", true],
  ["[^m]ylib", "MyLib", false],
  ["[a-z]", "Z", true],
  ["[A-Z]", "a", true],
  ["[Z-a]", "_", false],
  ["[Z-a]", "a", false],
  ["[Z-a]", "Z", false],
  ["[a-Z]", "_", false],
  ["[\\Z]", "Z", true],
  ["q[0-9]", "Q9", true],
  ["*LIB", "MyLib", true],
  ["\\z", "Z", true],
  ["[\\z]", "Z", false],
];

const show = (s: string): string => JSON.stringify(s).replace(/[\x7f-\xff]/g, (c) => `\\x${c.charCodeAt(0).toString(16)}`);

for (const [pattern, subject, expected] of CASE_SENSITIVE) {
  test(`pattern ${show(pattern)} ${expected ? 'matches' : 'does not match'} ${show(subject)} as in redis`, () => {
    assert.equal(globMatchStr(pattern, subject), expected);
  });
}

for (const [pattern, subject, expected] of NOCASE) {
  test(`pattern ${show(pattern)} ${expected ? 'matches' : 'does not match'} ${show(subject)} ignoring case as in redis`, () => {
    assert.equal(globMatchStr(pattern, subject, true), expected);
  });
}

test('a star does not match an empty subject because stringmatchlen never enters its loop', () => {
  // KEYS and SCAN special-case the pattern "*" before calling the matcher.
  assert.equal(globMatchStr('*', ''), false);
  assert.equal(globMatchStr('', ''), true);
});

test('byte ranges are compared as signed chars like the x86 C code', () => {
  // [a-\xff] becomes the range -1..97 once the bounds are swapped.
  assert.equal(globMatchStr('[a-\xff]', '\x00'), true);
  assert.equal(globMatchStr('[a-\xff]', '\xfe'), false);
});

test('up to 1000 non-final stars match and the 1001st makes the match fail as in redis', () => {
  for (const [n, expected] of [[1000, true], [1001, false]] as const) {
    assert.equal(globMatchStr('a*'.repeat(n) + 'b', 'a'.repeat(n) + 'b'), expected, `a* x${n}`);
    assert.equal(globMatchStr('*a'.repeat(n), 'a'.repeat(n)), expected, `*a x${n}`);
  }
  // Consecutive stars collapse into one and a final star never recurses.
  assert.equal(globMatchStr('*'.repeat(5000) + 'x', 'yx'), true);
  assert.equal(globMatchStr('*a'.repeat(1000) + '*', 'a'.repeat(1000) + 'zz'), true);
});

test('a pathological pattern against a long subject finishes quickly', () => {
  const pattern = 'a*'.repeat(30) + 'b';
  const subject = 'a'.repeat(100_000);
  const t = process.hrtime.bigint();
  assert.equal(globMatchStr(pattern, subject), false);
  assert.ok(Number(process.hrtime.bigint() - t) / 1e6 < 2000);
});

test('a long subject does not grow the stack', () => {
  const subject = 'x'.repeat(1_000_000) + 'end';
  assert.equal(globMatchStr('*?end', subject), true);
  assert.equal(globMatchStr('x*[e]?d', subject), true);
  assert.equal(globMatchStr('*nd?', subject), false);
});

test('byte ranges of larger buffers are matched without looking past their ends', () => {
  const buf = Buffer.from('xx[abc]yy hello]zz', 'latin1');
  // Pattern "[abc" (unterminated inside the range), subject "hello".
  assert.equal(globMatch(buf, 2, 6, buf, 10, 15, false), false);
  assert.equal(globMatch(buf, 2, 7, Buffer.from('b'), 0, 1, false), true);
  // A pattern ending in "[^" does not read the "]" that follows in the buffer.
  const p = Buffer.from('[^]', 'latin1');
  assert.equal(globMatch(p, 0, 2, Buffer.from('q'), 0, 1, false), true);
  assert.equal(globMatch(Buffer.from('h*o'), 0, 3, buf, 10, 15, false), true);
});
