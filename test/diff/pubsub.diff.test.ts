/**
 * Differential pub/sub against redis-server: per server a subscriber and a
 * publisher connection run the same random steps; after each step the
 * subscriber sends PING <marker> and every frame up to its answer is compared.
 * Frames of one step are sorted (Redis walks patterns and a client's channels
 * in hash order), and the counts of a bare unsubscribe are reduced to the last.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RawClient, encodeCommand, plain } from '../helpers/resp-client.js';
import { Rng, diffFixture } from './harness.js';

const fx = diffFixture(10000, 20261125);
const skip = fx.skip;
const STEPS = fx.commands;
const SEED = fx.seed;

const CHANNELS = ['a', 'b', 'news', 'news.eu', 'n', '', 'x*y', 'bin\x00\xff'];
const PATTERNS = ['*', 'n*', 'news.*', '?', '[ab]', 'x\\*y', 'nomatch', 'b*'];

type Step = { on: 'sub' | 'pub'; cmd: string[] };

function randomStep(r: Rng): Step {
  const some = (xs: string[]): string[] => Array.from({ length: 1 + r.int(3) }, () => r.pick(xs));
  switch (r.int(12)) {
    case 0: return { on: 'sub', cmd: ['SUBSCRIBE', ...some(CHANNELS)] };
    case 1: return { on: 'sub', cmd: ['PSUBSCRIBE', ...some(PATTERNS)] };
    case 2: return { on: 'sub', cmd: ['SSUBSCRIBE', ...some(CHANNELS)] };
    case 3: return { on: 'sub', cmd: ['UNSUBSCRIBE', ...(r.chance(0.3) ? [] : some(CHANNELS))] };
    case 4: return { on: 'sub', cmd: ['PUNSUBSCRIBE', ...(r.chance(0.3) ? [] : some(PATTERNS))] };
    case 5: return { on: 'sub', cmd: ['SUNSUBSCRIBE', ...(r.chance(0.3) ? [] : some(CHANNELS))] };
    case 6: return { on: 'sub', cmd: r.pick([['GET', 'k'], ['PING'], ['SUBSCRIBE'], ['HELLO', '3'], ['HELLO', '2']]) };
    case 7: return { on: 'pub', cmd: ['SPUBLISH', r.pick(CHANNELS), r.pick(['m', '', 'x'.repeat(100)])] };
    case 8: return { on: 'pub', cmd: r.pick([['PUBSUB', 'NUMPAT'], ['PUBSUB', 'CHANNELS'], ['PUBSUB', 'CHANNELS', r.pick(PATTERNS)], ['PUBSUB', 'SHARDCHANNELS'], ['PUBSUB', 'NUMSUB', ...some(CHANNELS)], ['PUBSUB', 'SHARDNUMSUB', ...some(CHANNELS)]]) };
    default: return { on: 'pub', cmd: ['PUBLISH', r.pick(CHANNELS), r.pick(['m', '', 'hello world', 'y'.repeat(1000)])] };
  }
}

interface Pair {
  sub: RawClient;
  pub: RawClient;
}

function isMarker(v: unknown, marker: string): boolean {
  if (v === marker) return true;
  if (Array.isArray(v)) return v.length === 2 && v[0] === 'pong' && v[1] === marker;
  return false;
}

/** Runs one step on one server; returns the publisher reply and the subscriber frames. */
async function runStep(p: Pair, step: Step, marker: string): Promise<unknown> {
  let pubReply: unknown = null;
  if (step.on === 'pub') pubReply = plain(await p.pub.call(...step.cmd));
  else p.sub.write(encodeCommand(step.cmd));
  p.sub.write(encodeCommand(['PING', marker]));
  const frames: unknown[] = [];
  for (;;) {
    const v = plain(await p.sub.read(5000));
    if (isMarker(v, marker)) break;
    frames.push(v);
  }
  const name = step.cmd[0]!;
  if (name === 'HELLO') return { hello: frames.length };
  const items = (f: unknown): unknown[] => (Array.isArray(f) ? f : typeof f === 'object' && f !== null && 'push' in f ? (f as { push: unknown[] }).push : [f]);
  if (/UNSUBSCRIBE$/.test(name) && step.cmd.length === 1) {
    // Hash order decides which channel goes first: keep the names and the final count.
    const names = frames.map((f) => JSON.stringify(items(f).slice(0, 2))).sort();
    const last = frames.length > 0 ? items(frames[frames.length - 1])[2] : null;
    return { pubReply, names, last };
  }
  if (name === 'PUBSUB' && Array.isArray(pubReply) && step.cmd[1]!.endsWith('CHANNELS')) pubReply = [...pubReply].sort();
  return { pubReply, frames: frames.map((f) => JSON.stringify(f)).sort() };
}

test(`pub/sub frames match redis-server over ${STEPS} random steps with a subscriber and a publisher`, { skip }, async () => {
  const r = new Rng(SEED);
  const a: Pair = { sub: await RawClient.connect(fx.redis.port), pub: await RawClient.connect(fx.redis.port) };
  const b: Pair = { sub: await RawClient.connect(fx.nen.port), pub: await RawClient.connect(fx.nen.port) };
  const mismatches: string[] = [];
  let messages = 0;
  try {
    for (let i = 0; i < STEPS && mismatches.length < 10; i++) {
      const step = randomStep(r);
      const marker = `sync-${i}`;
      const x = await runStep(a, step, marker);
      const y = await runStep(b, step, marker);
      const sx = JSON.stringify(x);
      if (sx !== JSON.stringify(y)) mismatches.push(`#${i} ${step.on} ${JSON.stringify(step.cmd)}\n  redis:    ${sx}\n  nencache: ${JSON.stringify(y)}`);
      if (step.cmd[0]!.endsWith('PUBLISH')) messages += Number((x as { pubReply: number }).pubReply);
    }
  } finally {
    for (const c of [a.sub, a.pub, b.sub, b.pub]) c.close();
  }
  assert.equal(mismatches.length, 0, `seed ${SEED} (NENCACHE_DIFF_SEED=${SEED}):\n${mismatches.join('\n')}`);
  assert.ok(messages > STEPS / 10, `only ${messages} messages delivered`);
});
