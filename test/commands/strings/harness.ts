/**
 * Table runner for the string command tests: each case runs its steps on an
 * empty keyspace and compares every reply byte for byte with the wire text
 * Redis 7.0.15 sent for the same steps (recorded in the tables).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../../helpers/server.js';
import { RawClient, encodeCommand } from '../../helpers/resp-client.js';
import { Encoding, KeyType } from '../../../src/engine/status.js';

/** One command and the exact reply text Redis sent for it. */
export type Step = readonly [readonly (string | Buffer)[], string];
export interface Case {
  name: string;
  /** Runs the steps on a RESP3 connection (HELLO 3 first, HELLO 2 after). */
  resp?: 3;
  /**
   * Keys made lists before the steps (on Redis with RPUSH key x; here put in
   * the engine directly, so WRONGTYPE paths can be tested with strings only).
   */
  lists?: readonly string[];
  steps: readonly Step[];
}

/** A connection that returns each reply as its exact wire text. */
export class WireClient {
  private constructor(private readonly c: RawClient) {}

  static async connect(port: number): Promise<WireClient> {
    return new WireClient(await RawClient.connect(port));
  }

  /** Sends a command; resolves with the reply's wire text (latin1). */
  call(...args: readonly (string | Buffer)[]): Promise<string> {
    this.c.write(encodeCommand([...args]));
    return this.read();
  }

  /** Sends several commands in one write (a pipeline); read the replies with read(). */
  send(cmds: readonly (readonly (string | Buffer)[])[]): void {
    this.c.write(Buffer.concat(cmds.map((c) => encodeCommand([...c]))));
  }

  /** The next reply's wire text. */
  read(): Promise<string> {
    return this.c.readText();
  }

  close(): void {
    this.c.close();
  }
}

/** A server and one connection, shared by the tests of a file. */
export interface Fixture {
  s: TestServer;
  c: WireClient;
  /** Empties every database (each case starts from an empty keyspace). */
  flush(): void;
}

/** Starts a server (with redis-server style overrides) before the file's tests and stops it after them. */
export function useServer(overrides: readonly string[] = []): Fixture {
  const fx = {} as Fixture;
  before(async () => {
    fx.s = await startServer(['--enable-debug-command', 'yes', ...overrides]);
    fx.c = await WireClient.connect(fx.s.port);
    fx.flush = () => void fx.s.server.engine.flushAll();
  });
  after(async () => {
    fx.c.close();
    await fx.s.stop();
  });
  return fx;
}

/** Runs each case as a test of its own, on an empty keyspace and a fresh RESP2 connection state. */
export function runCases(title: string, cases: readonly Case[], overrides: readonly string[] = []): Fixture {
  const fx = useServer(overrides);
  describe(title, () => {
    for (const kase of cases) {
      test(kase.name, async () => {
        fx.flush();
        for (const key of kase.lists ?? []) fx.s.server.engine.dbs[0]!.put(key, KeyType.LIST, Encoding.QUICKLIST, null);
        if (kase.resp === 3) await fx.c.call('HELLO', '3');
        try {
          for (const [cmd, want] of kase.steps) {
            const got = await fx.c.call(...cmd);
            assert.equal(got, want, `${cmd.map(String).join(' ')}`);
          }
        } finally {
          if (kase.resp === 3) await fx.c.call('HELLO', '2');
        }
      });
    }
  });
  return fx;
}
