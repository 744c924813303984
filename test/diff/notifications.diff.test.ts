import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RawClient, plain } from '../helpers/resp-client.js';
import { Rng, diffRun, report, type Cmd, diffFixture } from './harness.js';
import { randomCommand as stringsKeysCommand } from './strings-keys.gen.js';
import { randomSteps as hashSteps } from './hashes.gen.js';
import { randomCommand as listCommand } from './lists.gen.js';
import { randomSetCommands } from './sets.gen.js';
import { randomCommand as zsetCommand } from './zsets.gen.js';
import { defaultNormaliser, type Normaliser } from './harness.js';

const fx = diffFixture(8000, 20261201);
const skip = fx.skip;
const COMMANDS = fx.commands;
const SEED = fx.seed;
/** Flag sets the stream switches between; each is also read back with CONFIG GET. */
const FLAG_SETS = ['KEA', 'KEAn', 'Kg$', 'Elshz', 'KEgn', 'AK', 'E$lx', 'KEm', 'KEAnm', 'KEA'];
/** Every command is followed by a PUBLISH of its index on this channel prefix, so events group by command. */
const MARK = '__keyspace@0__:#';

/** A subscriber to every keyspace event; messages() returns [channel, message] texts until the end marker. */
async function subscriber(port: number, resp3: boolean): Promise<{ messages(): Promise<string[][]>; close(): void }> {
  const c = await RawClient.connect(port);
  if (resp3) await c.call('HELLO', '3');
  await c.call('PSUBSCRIBE', '__key*__:*');
  return {
    async messages() {
      const out: string[][] = [];
      for (;;) {
        const v = plain(await c.read(30000)) as unknown;
        const frame = (Array.isArray(v) ? v : (v as { push: unknown[] }).push) as string[];
        assert.equal(frame[0], 'pmessage');
        if (frame[2] === `${MARK}end`) return out;
        out.push([frame[2]!, frame[3]!]);
      }
    },
    close: () => c.close(),
  };
}

/** Events grouped by the command that caused them (the markers split them). */
function groups(msgs: string[][]): string[][] {
  const out: string[][] = [[]];
  for (const [ch, m] of msgs) {
    if (ch!.startsWith(MARK)) out.push([]);
    else out[out.length - 1]!.push(`${ch} ${m}`);
  }
  return out;
}

/** Replies whose order is a hash table's or a random pick's: compared as sorted items (cursors dropped). */
const UNORDERED = new Set(['HGETALL', 'HKEYS', 'HVALS', 'HRANDFIELD', 'SMEMBERS', 'SINTER', 'SUNION', 'SDIFF', 'SRANDMEMBER', 'SPOP', 'KEYS', 'ZRANDMEMBER']);
const SCANS = new Set(['SCAN', 'HSCAN', 'SSCAN', 'ZSCAN']);

/** The other diff tests check replies in depth; here they only need to show both servers stay in step. */
const normaliser: Normaliser = (cmd, r) => {
  const name = String(cmd[0]).toUpperCase();
  if (name === 'HELLO') return r !== null && typeof r === 'object' && 'error' in r ? r : 'hello';
  if (SCANS.has(name)) return Array.isArray(r) ? 'scanned' : r;
  const random = name === 'SPOP' || name.endsWith('RANDMEMBER') || name === 'HRANDFIELD';
  if (random && Array.isArray(r)) return r.length;
  if (UNORDERED.has(name)) {
    if (Array.isArray(r)) return r.map((x) => JSON.stringify(x)).sort();
    if (r !== null && typeof r === 'object' && 'map' in r) return (r as { map: unknown[] }).map.map((x) => JSON.stringify(x)).sort();
    return random ? typeof r : r;
  }
  if (name === 'RANDOMKEY') return r === null ? null : 'somekey';
  return defaultNormaliser(cmd, r);
};

/** Families drawn from (0 strings/keys, 1 hashes, 2 lists, 3 sets, 4 zsets); NENCACHE_DIFF_FAMILIES=03 narrows a replay. */
const FAMILIES = (process.env.NENCACHE_DIFF_FAMILIES ?? '01234').split('').map(Number);

function mixedStep(rng: Rng): Cmd[] {
  switch (rng.pick(FAMILIES)) {
    case 0: return [stringsKeysCommand(rng)];
    case 1: return hashSteps(rng);
    case 2: return [listCommand(rng)];
    case 3: return randomSetCommands(rng);
    default: return [zsetCommand(rng)];
  }
}

test(`keyspace events match redis-server over ${COMMANDS} random commands of every family`, { skip }, async () => {
  const rng = new Rng(SEED);
  const stream: Cmd[] = [];
  const segment = Math.ceil(COMMANDS / FLAG_SETS.length);
  for (const flags of FLAG_SETS) {
    stream.push(['CONFIG', 'SET', 'notify-keyspace-events', flags], ['CONFIG', 'GET', 'notify-keyspace-events']);
    const end = stream.length + segment;
    while (stream.length < end) {
      for (const c of mixedStep(rng)) {
        // A stray PSUBSCRIBE/SUBSCRIBE from a generator would change the command connection's mode.
        if (/^P?(UN)?SUBSCRIBE$/i.test(String(c[0]))) continue;
        stream.push(c);
      }
    }
  }
  const cmds: Cmd[] = [];
  for (let i = 0; i < stream.length; i++) cmds.push(stream[i]!, ['PUBLISH', `${MARK}${i}`, 'mark']);
  cmds.push(['PUBLISH', `${MARK}end`, 'end']);

  const subs = await Promise.all([subscriber(fx.redis.port, false), subscriber(fx.nen.port, false), subscriber(fx.nen.port, true), subscriber(fx.redis.port, true)]);
  try {
    const received = Promise.all(subs.map((s) => s.messages()));
    const r = await diffRun(fx.redis.port, fx.nen.port, cmds, normaliser);
    const [want, got, got3, want3] = await received;
    const w = groups(want!);
    const g = groups(got!);
    const bad: string[] = [];
    for (let i = 0; i < Math.max(w.length, g.length) && bad.length < 15; i++) {
      if (JSON.stringify(w[i]) !== JSON.stringify(g[i])) {
        bad.push(`#${i} ${stream[i]?.map((a) => JSON.stringify(String(a))).join(' ')}\n  redis:    ${JSON.stringify(w[i])}\n  nencache: ${JSON.stringify(g[i])}`);
      }
    }
    assert.equal(bad.length, 0, `seed ${SEED}: events differ\n${bad.join('\n')}`);
    assert.deepEqual(got3, got, 'a RESP3 subscriber receives the same events as a RESP2 one');
    assert.deepEqual(want3, want);
    assert.ok(want!.length > COMMANDS, `the stream produced events (${want!.length})`);
    assert.equal(r.mismatches.length, 0, report(SEED, r));
  } finally {
    for (const s of subs) s.close();
  }
});

test('CONFIG SET / GET notify-keyspace-events answer as redis-server does', { skip }, async () => {
  const values = ['', 'A', 'KEA', 'AKE', 'An', 'KEAn', 'g$lshzxetd', 'g$lshzxetdn', 'KEg$lshzxe', 'n', 'm', 'Km', 'KEAm', 'x', 'e', 'EeKx',
    'Ag', 'zzz', 'KK', 'q', 'A ', 'KEAq', 'KE', 'ltK', 'dtm', 'nmEK', 'h$s'];
  const cmds: Cmd[] = [];
  for (const v of values) cmds.push(['CONFIG', 'SET', 'notify-keyspace-events', v], ['CONFIG', 'GET', 'notify-keyspace-events']);
  cmds.push(['CONFIG', 'SET', 'notify-keyspace-events', 'K', 'notify-keyspace-events', 'E'], ['CONFIG', 'SET', 'notify-keyspace-events']);
  cmds.push(['CONFIG', 'SET', 'notify-keyspace-events', '']);
  const r = await diffRun(fx.redis.port, fx.nen.port, cmds);
  assert.equal(r.mismatches.length, 0, report(SEED, r));
});
