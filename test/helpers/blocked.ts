/** Waiting for clients to block, for tests of BLPOP and friends: polls INFO clients, so no test depends on timing. */
import { plain, type RawClient } from './resp-client.js';

/** Waits (polling INFO through `c`) until exactly `n` clients are blocked. */
export async function waitBlocked(c: RawClient, n: number): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    const info = String(plain(await c.call('INFO', 'clients')));
    if (Number(/blocked_clients:(\d+)/.exec(info)![1]) === n) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`never saw ${n} blocked clients`);
}
