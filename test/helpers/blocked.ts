/** Waiting for clients to block, for tests of BLPOP and friends: polls INFO clients, so no test depends on timing. */
import { after, before } from 'node:test';
import { RawClient, plain } from './resp-client.js';
import { startServer, type TestServer } from './server.js';

/** Waits (polling INFO through `c`) until exactly `n` clients are blocked. */
export async function waitBlocked(c: RawClient, n: number): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    const info = String(plain(await c.call('INFO', 'clients')));
    if (Number(/blocked_clients:(\d+)/.exec(info)![1]) === n) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`never saw ${n} blocked clients`);
}

/**
 * A server for one describe() of blocking tests, started before and stopped
 * after it, with `client()` opening connections that are closed with it and
 * `w`, a first connection for plain calls.
 */
export function blockingFixture(): { readonly port: number; readonly w: RawClient; client(): Promise<RawClient> } {
  let s: TestServer | undefined;
  let first: RawClient | undefined;
  const open: RawClient[] = [];
  const client = async (): Promise<RawClient> => {
    const c = await RawClient.connect(s!.port);
    open.push(c);
    return c;
  };
  before(async () => {
    s = await startServer();
    first = await client();
  });
  after(async () => {
    for (const c of open) c.close();
    await s?.stop();
  });
  return {
    get port() {
      return s!.port;
    },
    get w() {
      return first!;
    },
    client,
  };
}
