/**
 * Redis's pqsort (src/pqsort.c: NetBSD's Bentley-McIlroy quicksort that
 * skips partitions outside [lrange, rrange]). SORT with a BY pattern and a
 * LIMIT uses it, and it is not stable: elements that compare equal (ALPHA
 * by a missing or equal key) come out in the order this algorithm leaves
 * them, so it is followed step by step to give Redis's exact replies.
 */
export function pqsort<T>(v: T[], cmp: (a: T, b: T) => number, lrange: number, rrange: number): void {
  sortRange(v, 0, v.length, cmp, lrange, rrange);
}

function swap<T>(v: T[], i: number, j: number): void {
  const t = v[i]!;
  v[i] = v[j]!;
  v[j] = t;
}

function vecswap<T>(v: T[], i: number, j: number, n: number): void {
  for (let k = 0; k < n; k++) swap(v, i + k, j + k);
}

function med3<T>(v: T[], a: number, b: number, c: number, cmp: (a: T, b: T) => number): number {
  return cmp(v[a]!, v[b]!) < 0
    ? (cmp(v[b]!, v[c]!) < 0 ? b : cmp(v[a]!, v[c]!) < 0 ? c : a)
    : (cmp(v[b]!, v[c]!) > 0 ? b : cmp(v[a]!, v[c]!) < 0 ? a : c);
}

function insertionSort<T>(v: T[], a: number, n: number, cmp: (a: T, b: T) => number): void {
  for (let pm = a + 1; pm < a + n; pm++) {
    for (let pl = pm; pl > a && cmp(v[pl - 1]!, v[pl]!) > 0; pl--) swap(v, pl, pl - 1);
  }
}

/** True when [l, r] (element indexes) lies wholly outside the wanted range. */
function outside(l: number, r: number, lrange: number, rrange: number): boolean {
  return (lrange < l && rrange < l) || (lrange > r && rrange > r);
}

function sortRange<T>(v: T[], a: number, n: number, cmp: (a: T, b: T) => number, lrange: number, rrange: number): void {
  for (;;) {
    if (n < 7) return insertionSort(v, a, n, cmp);
    let pm = a + (n >> 1);
    if (n > 7) {
      let pl = a;
      let pn = a + n - 1;
      if (n > 40) {
        const d = n >> 3;
        pl = med3(v, pl, pl + d, pl + 2 * d, cmp);
        pm = med3(v, pm - d, pm, pm + d, cmp);
        pn = med3(v, pn - 2 * d, pn - d, pn, cmp);
      }
      pm = med3(v, pl, pm, pn, cmp);
    }
    swap(v, a, pm);
    let pa = a + 1;
    let pb = pa;
    let pc = a + n - 1;
    let pd = pc;
    let swapped = false;
    for (;;) {
      let c: number;
      while (pb <= pc && (c = cmp(v[pb]!, v[a]!)) <= 0) {
        if (c === 0) {
          swapped = true;
          swap(v, pa, pb);
          pa++;
        }
        pb++;
      }
      while (pb <= pc && (c = cmp(v[pc]!, v[a]!)) >= 0) {
        if (c === 0) {
          swapped = true;
          swap(v, pc, pd);
          pd--;
        }
        pc--;
      }
      if (pb > pc) break;
      swap(v, pb, pc);
      swapped = true;
      pb++;
      pc--;
    }
    if (!swapped) return insertionSort(v, a, n, cmp);
    const pn = a + n;
    let r = Math.min(pa - a, pb - pa);
    vecswap(v, a, pb - r, r);
    r = Math.min(pd - pc, pn - pd - 1);
    vecswap(v, pb, pn - r, r);
    r = pb - pa;
    if (r > 1 && !outside(a, a + r - 1, lrange, rrange)) sortRange(v, a, r, cmp, lrange, rrange);
    r = pd - pc;
    if (r <= 1) return;
    // The right part is iterated, not recursed, as in the C.
    a = pn - r;
    n = r;
    if (outside(a, a + r - 1, lrange, rrange)) return;
  }
}
