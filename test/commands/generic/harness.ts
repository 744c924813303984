/**
 * Table runner for the keyspace and expiry command tests. Each case runs on
 * an empty keyspace (database 0 selected, active expiry on) against a server
 * whose clock is a FakeClock, so TTLs are exact and "time passes" is a step
 * that moves the clock instead of a sleep. Replies are compared byte for byte
 * with the wire text Redis 7.0.15 sent for the same steps (recorded in the
 * tables; where Redis's reply depended on elapsed milliseconds the table
 * holds the value for no elapsed time, and says so).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../../src/engine/clock.js';
import { startServer, type TestServer } from '../../helpers/server.js';
import { WireClient } from '../strings/harness.js';

export type Cmd = readonly (string | Buffer)[];
/**
 * A command and the exact reply text ('unordered': arrays of plain elements
 * compare as multisets, for KEYS and SCAN whose order is the hash table's in
 * Redis); or the clock moving forward by `advance` ms.
 */
export type Step = readonly [Cmd, string] | readonly [Cmd, string, 'unordered'] | { readonly advance: number };
export interface Case {
  name: string;
  /** Runs the steps on a RESP3 connection (HELLO 3 first, HELLO 2 after). */
  resp?: 3;
  steps: readonly Step[];
}

/** Where the fake clock starts for every case (ms since the epoch). */
export const START_MS = 1_700_000_000_000;

export interface Fixture {
  s: TestServer;
  c: WireClient;
  clock: FakeClock;
  /** Empties every database, selects 0, resets the clock and turns active expiry on. */
  reset(): Promise<void>;
  /** Moves the clock and the cached LRU clock forward. */
  advance(ms: number): void;
}

/** Starts a FakeClock server before the file's tests and stops it after them. */
export function useServer(): Fixture {
  const fx = {} as Fixture;
  before(async () => {
    fx.clock = new FakeClock(START_MS);
    fx.s = await startServer(['--enable-debug-command', 'yes'], fx.clock);
    fx.c = await WireClient.connect(fx.s.port);
    fx.advance = (ms) => {
      fx.clock.advance(ms);
      fx.s.server.engine.refreshClock();
    };
    fx.reset = async () => {
      fx.clock.set(START_MS);
      fx.s.server.engine.refreshClock();
      fx.s.server.engine.flushAll();
      fx.s.server.setActiveExpire(true);
      await fx.c.call('SELECT', '0');
    };
  });
  after(async () => {
    fx.c.close();
    await fx.s.stop();
  });
  return fx;
}

type Tree = string | Tree[];

/** Parses wire text into a tree; arrays whose elements are all plain replies are sorted. */
export function canonical(text: string): Tree {
  let pos = 0;
  const item = (): Tree => {
    const nl = text.indexOf('\r\n', pos);
    const type = text[pos]!;
    const head = text.slice(pos + 1, nl);
    pos = nl + 2;
    if (type === '$' && Number(head) >= 0) {
      const body = text.slice(pos, pos + Number(head));
      pos += Number(head) + 2;
      return `$${body}`;
    }
    if ((type === '*' || type === '~') && Number(head) >= 0) {
      const items: Tree[] = [];
      for (let i = 0; i < Number(head); i++) items.push(item());
      return items.every((x) => typeof x === 'string') ? items.sort() : items;
    }
    return type + head;
  };
  return item();
}

/** Runs the steps of one case on the fixture's connection. */
export async function runSteps(fx: Fixture, steps: readonly Step[]): Promise<void> {
  for (const step of steps) {
    if ('advance' in step) {
      fx.advance(step.advance);
      continue;
    }
    const [cmd, want, mode] = step;
    const got = await fx.c.call(...cmd);
    if (mode === 'unordered') assert.deepEqual(canonical(got), canonical(want), cmd.map(String).join(' '));
    else assert.equal(got, want, cmd.map(String).join(' '));
  }
}

/** Runs each case as a test of its own. */
export function runCases(title: string, cases: readonly Case[]): Fixture {
  const fx = useServer();
  describe(title, () => {
    for (const kase of cases) {
      test(kase.name, async () => {
        await fx.reset();
        if (kase.resp === 3) await fx.c.call('HELLO', '3');
        try {
          await runSteps(fx, kase.steps);
        } finally {
          if (kase.resp === 3) await fx.c.call('HELLO', '2');
        }
      });
    }
  });
  return fx;
}

/** Reply text helpers for hand-written expectations. */
export const ok = '+OK\r\n';
export const nil = '$-1\r\n';
export function int(n: number | bigint): string {
  return `:${n}\r\n`;
}
export function err(text: string): string {
  return `-${text}\r\n`;
}
export function bulk(s: string): string {
  return `$${Buffer.byteLength(s, 'latin1')}\r\n${s}\r\n`;
}
export function arr(...items: string[]): string {
  return `*${items.length}\r\n${items.join('')}`;
}
