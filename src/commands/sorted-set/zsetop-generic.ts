/**
 * ZUNION, ZINTER, ZDIFF, their STORE forms and ZINTERCARD: Redis 7.0's
 * zunionInterDiffGenericCommand(). Sources are read in argument order
 * (WRONGTYPE before options are parsed), union and intersection visit them
 * smallest first (a stable sort, which fixes the order sums are made in),
 * and results are sorted by (score, member) before the reply or the store.
 */
import type { CommandContext } from '../context.js';
import type { KeySpec } from '../define.js';
import type { Args } from '../args.js';
import type { Reply } from '../reply.js';
import { NOT_INTEGER, SYNTAX, WRONGTYPE } from '../errors.js';
import { keyword } from '../strings/set-generic.js';
import { KeyType, NO_KEY } from '../../engine/status.js';
import { SetView } from '../../engine/types/set.js';
import { parseScore } from '../../engine/types/zset-score.js';
import { sortPairs, zsetStore } from '../../engine/types/zset.js';
import { syncLimits, zview } from './zset-common.js';
import { N, notifyArg } from '../notify.js';

/** ZUNIONSTORE, ZINTERSTORE, ZDIFFSTORE: the destination, then numkeys sources. */
export const STORE_KEY_SPECS: KeySpec[] = [
  { flags: ['OW', 'UPDATE'], beginSearch: { type: 'index', index: 1 }, findKeys: { type: 'range', lastkey: 0, step: 1, limit: 0 } },
  { flags: ['RO', 'ACCESS'], beginSearch: { type: 'index', index: 2 }, findKeys: { type: 'keynum', keynumidx: 0, firstkey: 1, step: 1 } },
];

export const UNION = 0;
export const INTER = 1;
export const DIFF = 2;

const setView = new SetView();

const SUM = 0;
const MIN = 1;
const MAX = 2;

interface Source {
  /** Position among the arguments, to spot a key given twice. */
  key: string;
  members: string[];
  scores: number[];
  weight: number;
  lookup: { get(member: string): number | undefined } | null;
}

function scoreIn(src: Source, member: string): number | undefined {
  if (src.lookup === null) {
    const map = new Map<string, number>();
    for (let i = 0; i < src.members.length; i++) map.set(src.members[i]!, src.scores[i]!);
    src.lookup = map;
  }
  return src.lookup.get(member);
}

function aggregate(target: number, val: number, how: number): number {
  if (how === SUM) {
    const s = target + val;
    return Number.isNaN(s) ? 0 : s;
  }
  if (how === MIN) return val < target ? val : target;
  return val > target ? val : target;
}

/**
 * `numIdx` is the index of numkeys; `store` says argument 1 is the
 * destination; `card` is ZINTERCARD.
 */
export function zsetOpGeneric(ctx: CommandContext, args: Args, reply: Reply, numIdx: number, op: number, store: boolean, card: boolean, name: string): void {
  const n64 = args.int64(numIdx);
  if (n64 === null) return reply.error(NOT_INTEGER);
  if (n64 < 1) return reply.error(`ERR at least 1 input key is needed for '${name}' command`);
  if (n64 > args.count - (numIdx + 1)) return reply.error(SYNTAX);
  const setnum = Number(n64);
  const db = ctx.db;
  const srcs: Source[] = [];
  let j = numIdx + 1;
  for (let i = 0; i < setnum; i++, j++) {
    const pos = db.lookupReadAt(args.buf, args.start(j), args.end(j));
    const type = pos === NO_KEY ? KeyType.NONE : db.type(pos);
    if (type !== KeyType.NONE && type !== KeyType.ZSET && type !== KeyType.SET) return reply.error(WRONGTYPE);
    const src: Source = { key: args.str(j), members: [], scores: [], weight: 1, lookup: null };
    if (type === KeyType.SET) {
      // As Redis, a plain set is a sorted set whose scores are all 1.
      const set = setView.load(db, pos);
      for (let k = 0; k < set.size; k++) {
        src.members.push(set.text(k));
        src.scores.push(1);
      }
    } else if (type === KeyType.ZSET) {
      const v = zview.open(db, pos);
      if (v.tree !== null) src.lookup = v.tree;
      v.seek(0, false);
      while (v.next()) {
        src.members.push(v.member());
        src.scores.push(v.score);
      }
    }
    srcs.push(src);
  }
  let how = SUM;
  let withScores = false;
  let limit = 0;
  while (j < args.count) {
    const remaining = args.count - j;
    if (op !== DIFF && !card && remaining >= setnum + 1 && keyword(args, j, 'weights')) {
      j++;
      for (let i = 0; i < setnum; i++, j++) {
        const w = parseScore(args.buf, args.start(j), args.end(j));
        if (Number.isNaN(w)) return reply.error('ERR weight value is not a float');
        srcs[i]!.weight = w;
      }
    } else if (op !== DIFF && !card && remaining >= 2 && keyword(args, j, 'aggregate')) {
      if (keyword(args, j + 1, 'sum')) how = SUM;
      else if (keyword(args, j + 1, 'min')) how = MIN;
      else if (keyword(args, j + 1, 'max')) how = MAX;
      else return reply.error(SYNTAX);
      j += 2;
    } else if (!store && !card && keyword(args, j, 'withscores')) {
      withScores = true;
      j++;
    } else if (card && remaining >= 2 && keyword(args, j, 'limit')) {
      const l = args.int64(j + 1);
      if (l === null || l < 0) return reply.error("ERR LIMIT can't be negative");
      limit = Number(l);
      j += 2;
    } else {
      return reply.error(SYNTAX);
    }
  }
  const order = op === DIFF ? srcs : stableBySize(srcs);
  const members: string[] = [];
  const scores: number[] = [];
  if (op === INTER) {
    const s0 = order[0]!;
    let count = 0;
    outer: for (let k = 0; k < s0.members.length; k++) {
      const m = s0.members[k]!;
      let score = s0.weight * s0.scores[k]!;
      if (Number.isNaN(score)) score = 0;
      for (let i = 1; i < order.length; i++) {
        const src = order[i]!;
        const found = src.key === s0.key ? s0.scores[k] : scoreIn(src, m);
        if (found === undefined) continue outer;
        score = aggregate(score, found * src.weight, how);
      }
      if (card) {
        count++;
        if (limit > 0 && count >= limit) break;
        continue;
      }
      members.push(m);
      scores.push(score);
    }
    if (card) return reply.int(count);
  } else if (op === UNION) {
    const acc = new Map<string, number>();
    for (const src of order) {
      for (let k = 0; k < src.members.length; k++) {
        let score = src.weight * src.scores[k]!;
        if (Number.isNaN(score)) score = 0;
        const m = src.members[k]!;
        const cur = acc.get(m);
        acc.set(m, cur === undefined ? score : aggregate(cur, score, how));
      }
    }
    for (const [m, s] of acc) {
      members.push(m);
      scores.push(s);
    }
  } else {
    const s0 = order[0]!;
    outer: for (let k = 0; k < s0.members.length; k++) {
      const m = s0.members[k]!;
      for (let i = 1; i < order.length; i++) if (scoreIn(order[i]!, m) !== undefined) continue outer;
      members.push(m);
      scores.push(s0.scores[k]!);
    }
  }
  sortPairs(members, scores);
  if (store) {
    syncLimits(ctx);
    if (zsetStore(db, args.buf, args.start(1), args.end(1), members, scores, members.length)) {
      ctx.dirty(1);
      notifyArg(ctx, members.length > 0 ? N.ZSET : N.GENERIC, members.length > 0 ? name : 'del', args, 1);
    }
    return reply.int(members.length);
  }
  reply.array(withScores && reply.resp === 2 ? members.length * 2 : members.length);
  for (let k = 0; k < members.length; k++) {
    if (withScores && reply.resp === 3) reply.array(2);
    reply.bulkStr(members[k]!);
    if (withScores) reply.double(scores[k]!);
  }
}

function stableBySize(srcs: Source[]): Source[] {
  return srcs.map((s, i) => [s, i] as const).sort((a, b) => a[0].members.length - b[0].members.length || a[1] - b[1]).map((x) => x[0]);
}
