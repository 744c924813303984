import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ZTree, type ZInner, type ZLeaf } from '../../../src/engine/types/zset-tree.js';
import { INNER_CAP, INNER_MIN, LEAF_CAP, LEAF_MIN } from '../../../src/engine/types/zset-tree-node.js';

type Pair = [number, string];

function less(a: Pair, b: Pair): boolean {
  return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
}

function sortedModel(model: Map<string, number>): Pair[] {
  return [...model].map(([m, s]): Pair => [s, m]).sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
}

/** Checks the tree's shape: fill, counts, separators, order and leaf links; returns its leaves in order. */
function checkShape(t: ZTree): ZLeaf[] {
  const leaves: ZLeaf[] = [];
  const walk = (node: ZLeaf | ZInner, h: number, isRoot: boolean): number => {
    if (h === 0) {
      const leaf = node as ZLeaf;
      if (!isRoot) assert.ok(leaf.n >= LEAF_MIN && leaf.n <= LEAF_CAP, `leaf of ${leaf.n}`);
      for (let i = 1; i < leaf.n; i++) assert.ok(less([leaf.scores[i - 1]!, leaf.members[i - 1]!], [leaf.scores[i]!, leaf.members[i]!]), 'leaf order');
      for (let i = leaf.n; i < LEAF_CAP; i++) assert.equal(leaf.members[i], '', 'a removed member is not kept alive');
      leaves.push(leaf);
      return leaf.n;
    }
    const inner = node as ZInner;
    assert.ok(inner.n <= INNER_CAP && inner.n >= (isRoot ? 2 : INNER_MIN), `inner of ${inner.n}`);
    let total = 0;
    for (let i = 0; i < inner.n; i++) {
      const first = leaves.length;
      const c = walk(inner.kids[i]!, h - 1, false);
      assert.equal(inner.counts[i], c, 'child count');
      total += c;
      if (i > 0) {
        const sep: Pair = [inner.sepS[i]!, inner.sepM[i]!];
        const lo = leaves[first]!;
        const before = leaves[first - 1]!;
        assert.ok(!less([lo.scores[0]!, lo.members[0]!], sep), 'separator <= the first key of its child');
        assert.ok(less([before.scores[before.n - 1]!, before.members[before.n - 1]!], sep), 'separator > the last key before it');
      }
    }
    return total;
  };
  assert.equal(walk(t.root, t.height, true), t.length);
  for (let i = 0; i < leaves.length; i++) {
    assert.equal(leaves[i]!.prev, i === 0 ? null : leaves[i - 1]);
    assert.equal(leaves[i]!.next, i === leaves.length - 1 ? null : leaves[i + 1]);
  }
  return leaves;
}

/** Forward and backward iteration from rank 0 / the last rank, as ZView does it. */
function iterate(t: ZTree, rev: boolean): Pair[] {
  const out: Pair[] = [];
  if (t.length === 0) return out;
  let leaf: ZLeaf | null = t.leafAt(rev ? t.length - 1 : 0);
  let i = t.offset;
  while (leaf !== null) {
    out.push([leaf.scores[i]!, leaf.members[i]!]);
    if (rev) {
      if (--i < 0) {
        leaf = leaf.prev;
        if (leaf !== null) i = leaf.n - 1;
      }
    } else if (++i >= leaf.n) {
      leaf = leaf.next;
      i = 0;
    }
  }
  return out;
}

const below = (s: number, _m: string, x: number): boolean => s < x;
const lexBelow = (_s: number, m: string, x: string): boolean => m < x;

function checkAgainst(t: ZTree, model: Map<string, number>): void {
  checkShape(t);
  const want = sortedModel(model);
  assert.equal(t.length, want.length);
  assert.deepEqual(iterate(t, false), want);
  assert.deepEqual(iterate(t, true), [...want].reverse());
  want.forEach(([s, m], i) => {
    assert.equal(t.rank(m), i);
    assert.equal(t.score(m), s);
    const leaf = t.leafAt(i);
    assert.deepEqual([leaf.scores[t.offset], leaf.members[t.offset]], [s, m]);
  });
  for (const x of [-Infinity, -3, 0, 0.5, 7, 12, 49, Infinity]) {
    assert.equal(t.countWhile(below, x), want.filter(([s]) => s < x).length, `countWhile(score < ${x})`);
  }
  // The slots hold every member once with its score.
  const seen = new Set<string>();
  for (let k = 0; k < t.length; k++) {
    assert.equal(model.get(t.slotMember(k)), t.slotScore(k));
    seen.add(t.slotMember(k));
  }
  assert.equal(seen.size, model.size);
  assert.equal(t.rank('absent'), -1);
  assert.ok(Number.isNaN(t.score('absent')));
}

function rng(seed: number): (n: number) => number {
  let x = seed;
  return (n) => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) % n;
}

test('the tree matches a sorted-array model through thousands of random inserts, deletes and rescorings with many equal scores', () => {
  const t = new ZTree();
  const model = new Map<string, number>();
  const rnd = rng(11);
  for (let batch = 0; batch < 40; batch++) {
    // Phases that grow, churn and shrink, so nodes split, merge and borrow.
    const phase = Math.floor(batch / 10) % 4;
    for (let i = 0; i < 400; i++) {
      const m = `m${rnd(3000)}`;
      const sc = rnd(50) - 10 + (rnd(4) === 0 ? 0.5 : 0);
      const op = rnd(10);
      const grow = phase === 0 ? 7 : phase === 3 ? 2 : 5;
      if (op < grow) {
        if (model.has(m)) t.update(m, sc);
        else t.insert(m, sc);
        model.set(m, sc);
      } else if (op < 9) {
        assert.equal(t.delete(m), model.delete(m));
      } else if (model.size > 0) {
        // A small rescore: often stays in place between its neighbours.
        const victim = [...model.keys()][rnd(model.size)]!;
        const ns = model.get(victim)! + (rnd(2) === 0 ? 0.25 : -0.25);
        t.update(victim, ns);
        model.set(victim, ns);
      }
    }
    checkAgainst(t, model);
  }
  assert.ok(t.height >= 1, 'the tree grew inner levels');
});

test('sequential inserts split at node boundaries, deleteRanks empties the tree, and it grows again', () => {
  const t = new ZTree();
  const model = new Map<string, number>();
  const n = 20000;
  for (let i = 0; i < n; i++) {
    const m = `k${String(i).padStart(6, '0')}`;
    t.insert(m, i % 3 === 0 ? 1 : i);
    model.set(m, i % 3 === 0 ? 1 : i);
  }
  checkAgainst(t, model);
  assert.equal(t.height, 3);
  // Runs that span leaves and inner nodes, from the middle, the front and the back.
  const ranges: [number, number][] = [[100, 2100], [0, 63], [-500, -1], [5, 5], [1000, 1000 + LEAF_CAP]];
  for (const [a, b] of ranges) {
    const from = a < 0 ? t.length + a : a;
    const to = b < 0 ? t.length + b : b;
    const want = sortedModel(model);
    for (let r = from; r <= to; r++) model.delete(want[r]![1]);
    t.deleteRanks(from, to);
    checkAgainst(t, model);
  }
  const bytesBig = t.memoryBytes();
  t.deleteRanks(0, t.length - 1);
  model.clear();
  checkAgainst(t, model);
  assert.equal(t.height, 0);
  assert.ok(t.memoryBytes() < bytesBig / 50, 'memory falls with the elements');
  for (let i = 0; i < 3000; i++) {
    t.insert(`z${i}`, -i);
    model.set(`z${i}`, -i);
  }
  checkAgainst(t, model);
  // One by one from the middle down to empty: every merge and root collapse.
  while (model.size > 0) {
    const want = sortedModel(model);
    const m = want[want.length >> 1]![1];
    assert.ok(t.delete(m));
    model.delete(m);
    if (model.size % 97 === 0) checkAgainst(t, model);
  }
  checkAgainst(t, model);
});

test('a rescore at a leaf edge moves the element across the separator instead of leaving it out of order', () => {
  const t = new ZTree();
  const model = new Map<string, number>();
  for (let i = 0; i < LEAF_CAP * 4; i++) {
    t.insert(`e${i}`, i * 10);
    model.set(`e${i}`, i * 10);
  }
  // Remove each leaf's first element so separators are keys no longer present, then move the new edges.
  const firsts = checkShape(t).map((l) => l.members[0]!);
  for (const m of firsts.slice(1)) {
    t.delete(m);
    model.delete(m);
  }
  for (const leaf of checkShape(t)) {
    const first = leaf.members[0]!;
    const last = leaf.members[leaf.n - 1]!;
    for (const [m, d] of [[first, -7], [last, 7], [first, 3], [last, -3]] as const) {
      const ns = model.get(m)! + d;
      t.update(m, ns);
      model.set(m, ns);
    }
  }
  checkAgainst(t, model);
});

test('a lex countWhile over equal scores counts the members below a bound', () => {
  const t = new ZTree();
  const members = Array.from({ length: 1000 }, (_, i) => `w${(i * 7919) % 1000}`);
  for (const m of members) t.insert(m, 0);
  const sorted = [...members].sort();
  for (const x of ['', 'w', 'w5', 'w500', 'w999', 'x', '\xff']) assert.equal(t.countWhile(lexBelow, x), sorted.filter((m) => m < x).length, x);
});

test('from() bulk-loads sorted pairs into a valid tree and inserts unsorted ones one by one', () => {
  for (const n of [0, 1, LEAF_CAP, 49, 2000, 50000]) {
    const members = Array.from({ length: n }, (_, i) => `b${String(i).padStart(6, '0')}`);
    const scores = members.map((_, i) => Math.floor(i / 10));
    const t = ZTree.from(members, scores, n);
    checkAgainst(t, new Map(members.map((m, i) => [m, scores[i]!])));
  }
  const t = ZTree.from(['b', 'a', 'c', 'a'], [1, 1, 0, 5], 4);
  checkAgainst(t, new Map([['b', 1], ['c', 0], ['a', 5]]));
});

test('clone() is an independent copy with the same slots, so a ZSCAN cursor means the same in both', () => {
  const t = new ZTree();
  for (let i = 0; i < 5000; i++) t.insert(`c${i}`, i % 17);
  for (let i = 0; i < 5000; i += 3) t.delete(`c${i}`);
  const c = t.clone();
  // The copy's member table is packed (no dead arena bytes, no slack from deletes): never bigger.
  assert.ok(c.memoryBytes() <= t.memoryBytes() && c.memoryBytes() > t.memoryBytes() * 0.8, `${c.memoryBytes()} vs ${t.memoryBytes()}`);
  const model = new Map<string, number>();
  for (let k = 0; k < t.length; k++) {
    assert.equal(c.slotMember(k), t.slotMember(k));
    model.set(t.slotMember(k), t.slotScore(k));
  }
  checkAgainst(c, model);
  t.deleteRanks(0, t.length - 1);
  t.insert('only', 1);
  checkAgainst(c, model);
  assert.equal(c.get('only'), undefined);
});

test('a slot walk from the top down returns every member present for the whole walk, whatever changes meanwhile', () => {
  const rnd = rng(5);
  for (let round = 0; round < 20; round++) {
    const t = new ZTree();
    for (let i = 0; i < 600; i++) t.insert(`s${i}`, rnd(20));
    const stay = new Set<string>();
    for (let i = 0; i < 600; i += 4) stay.add(`s${i}`);
    const seen = new Set<string>();
    let cursor = 0;
    let first = true;
    while (first || cursor !== 0) {
      first = false;
      const start = cursor === 0 ? t.length : Math.min(cursor, t.length);
      const stop = Math.max(0, start - 37);
      for (let k = start - 1; k >= stop; k--) seen.add(t.slotMember(k));
      cursor = stop;
      // Churn everything but the members that stay.
      for (let j = 0; j < 30; j++) {
        const m = `s${rnd(900)}`;
        if (stay.has(m)) t.update(m, rnd(20));
        else if (t.get(m) !== undefined && rnd(2) === 0) t.delete(m);
        else if (t.get(m) === undefined) t.insert(m, rnd(20));
      }
    }
    for (const m of stay) assert.ok(seen.has(m), `${m} was missed`);
  }
});

test('memoryBytes() is a running estimate that grows with members and their length and returns to its start when emptied', () => {
  const t = new ZTree();
  const empty = t.memoryBytes();
  for (let i = 0; i < 10000; i++) t.insert(`mem${i}`, i);
  const full = t.memoryBytes();
  assert.ok(full > 10000 * 40 && full < 10000 * 200, `${full} bytes for 10000 members`);
  const t2 = new ZTree();
  for (let i = 0; i < 10000; i++) t2.insert(`mem${i}${'x'.repeat(100)}`, i);
  assert.ok(t2.memoryBytes() - full >= 10000 * 100);
  for (let i = 0; i < 10000; i++) t.delete(`mem${i}`);
  assert.equal(t.memoryBytes(), empty);
  // Empty and binary members, and huge ones, are ordinary keys.
  t.insert('', 0);
  t.insert('\x00\xff', 0);
  t.insert('y'.repeat(1 << 20), 0);
  checkAgainst(t, new Map([['', 0], ['\x00\xff', 0], ['y'.repeat(1 << 20), 0]]));
});

test('a rescore right after score() of the same member stays right when a removal moved slots in between', () => {
  const t = new ZTree();
  const model = new Map<string, number>();
  for (let i = 0; i < 300; i++) {
    t.insert(`h${i}`, i);
    model.set(`h${i}`, i);
  }
  // h299 holds the last slot: removing h0 moves it into slot 0.
  assert.equal(t.score('h299'), 299);
  t.delete('h0');
  model.delete('h0');
  t.update('h299', -5);
  model.set('h299', -5);
  // A hint for another member is not used for this one.
  assert.equal(t.score('h10'), 10);
  t.update('h11', 1000);
  model.set('h11', 1000);
  checkAgainst(t, model);
});
