/**
 * Keeps the sorted-set B+tree (zset-tree.ts) balanced after a removal: a node
 * below a quarter full merges with a neighbour under the same parent when
 * both fit in one node, else borrows half the difference from it. Works on
 * the search path the removal filled in (pathNode / pathIdx).
 */
import {
  INNER_CAP, INNER_MIN, LEAF_CAP, LEAF_MIN, type ZInner, type ZLeaf,
  innerAppend, innerRemove, innerShiftRight, innerSum, leafAppend, leafRemove, leafShiftRight, pathIdx, pathNode,
} from './zset-tree-node.js';

/**
 * Rebalances a leaf whose parent is the path's node at depth d. Returns d when
 * a leaf merged away (that parent lost a child), -1 otherwise.
 */
export function rebalanceLeaf(leaf: ZLeaf, d: number): number {
  if (leaf.n >= LEAF_MIN) return -1;
  const p = pathNode[d]!;
  const ci = pathIdx[d]!;
  if (ci > 0) {
    const left = p.kids[ci - 1] as ZLeaf;
    if (left.n + leaf.n <= LEAF_CAP) {
      leafAppend(left, leaf, 0, leaf.n);
      left.next = leaf.next;
      if (leaf.next !== null) leaf.next.prev = left;
      p.counts[ci - 1] = left.n;
      innerRemove(p, ci, 1);
      return d;
    }
    leafShiftRight(left, leaf, (left.n - leaf.n) >> 1);
    p.counts[ci - 1] = left.n;
    p.counts[ci] = leaf.n;
    p.sepS[ci] = leaf.scores[0]!;
    p.sepM[ci] = leaf.members[0]!;
    return -1;
  }
  const right = p.kids[1] as ZLeaf;
  if (leaf.n + right.n <= LEAF_CAP) {
    leafAppend(leaf, right, 0, right.n);
    leaf.next = right.next;
    if (right.next !== null) right.next.prev = leaf;
    p.counts[0] = leaf.n;
    innerRemove(p, 1, 1);
    return d;
  }
  const k = (right.n - leaf.n) >> 1;
  leafAppend(leaf, right, 0, k);
  leafRemove(right, 0, k);
  p.counts[0] = leaf.n;
  p.counts[1] = right.n;
  p.sepS[1] = right.scores[0]!;
  p.sepM[1] = right.members[0]!;
  return -1;
}

/**
 * Rebalances the path's inner node at depth d after it lost a child. Returns
 * 0 when done, 1 when it merged away (its parent lost a child), 2 when it is
 * the root left with one child (which should replace it).
 */
export function rebalanceInner(d: number): number {
  const node = pathNode[d]!;
  if (d === 0) return node.n === 1 ? 2 : 0;
  if (node.n >= INNER_MIN) return 0;
  const p = pathNode[d - 1]!;
  const ci = pathIdx[d - 1]!;
  if (ci > 0) {
    const left = p.kids[ci - 1] as ZInner;
    // node's first child takes node's lower bound from the parent: it may now have a left neighbour.
    node.sepS[0] = p.sepS[ci]!;
    node.sepM[0] = p.sepM[ci]!;
    if (left.n + node.n <= INNER_CAP) {
      innerAppend(left, node, 0, node.n);
      p.counts[ci - 1] += p.counts[ci]!;
      innerRemove(p, ci, 1);
      return 1;
    }
    const k = (left.n - node.n) >> 1;
    const moved = innerSum(left, left.n - k, left.n);
    innerShiftRight(left, node, k);
    p.sepS[ci] = node.sepS[0]!;
    p.sepM[ci] = node.sepM[0]!;
    p.counts[ci - 1] -= moved;
    p.counts[ci] += moved;
    return 0;
  }
  const right = p.kids[1] as ZInner;
  right.sepS[0] = p.sepS[1]!;
  right.sepM[0] = p.sepM[1]!;
  if (node.n + right.n <= INNER_CAP) {
    innerAppend(node, right, 0, right.n);
    p.counts[0] += p.counts[1]!;
    innerRemove(p, 1, 1);
    return 1;
  }
  const k = (right.n - node.n) >> 1;
  const moved = innerSum(right, 0, k);
  innerAppend(node, right, 0, k);
  innerRemove(right, 0, k);
  p.sepS[1] = right.sepS[0]!;
  p.sepM[1] = right.sepM[0]!;
  p.counts[0] += moved;
  p.counts[1] -= moved;
  return 0;
}
