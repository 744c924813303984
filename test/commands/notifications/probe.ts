/**
 * A server with notify-keyspace-events set, a subscriber to `__key*__:*`
 * and a command connection: run() sends commands and returns the events
 * they caused, read up to a marker published after them.
 */
import { RawClient, plain, type RespValue } from '../../helpers/resp-client.js';
import { startServer, type TestServer } from '../../helpers/server.js';
import type { Clock } from '../../../src/engine/clock.js';

const MARK = '__keyspace@0__:\u0000mark';

export class EventProbe {
  private constructor(
    readonly server: TestServer,
    readonly sub: RawClient,
    readonly cmd: RawClient,
  ) {}

  /** `flags` is set with CONFIG SET (so the listener path is the one tested). */
  static async start(flags = 'KEA', clock?: Clock, resp3 = false): Promise<EventProbe> {
    const server = await startServer([], clock);
    const sub = await RawClient.connect(server.port);
    const cmd = await RawClient.connect(server.port);
    if (resp3) await sub.call('HELLO', '3');
    await sub.call('PSUBSCRIBE', '__key*__:*');
    await cmd.call('CONFIG', 'SET', 'notify-keyspace-events', flags);
    return new EventProbe(server, sub, cmd);
  }

  /** Sends each command, then returns every [channel, message] received before the marker. */
  async raw(...cmds: string[][]): Promise<[string, string][]> {
    for (const c of cmds) await this.cmd.call(...c);
    await this.cmd.call('PUBLISH', MARK, '');
    const out: [string, string][] = [];
    for (;;) {
      const v = plain(await this.sub.read()) as unknown;
      const f = (Array.isArray(v) ? v : (v as { push: unknown[] }).push) as string[];
      if (f[2] === MARK) return out;
      out.push([f[2]!, f[3]!]);
    }
  }

  /** Like raw(), with keyspace messages as "key event" ("<db>:key event" outside db 0); keyevent ones are checked to mirror them. */
  async run(...cmds: string[][]): Promise<string[]> {
    const out: string[] = [];
    for (const [ch, msg] of await this.raw(...cmds)) {
      const m = /^__keyspace@(\d+)__:(.*)$/s.exec(ch);
      if (m === null) continue;
      out.push(`${m[1] === '0' ? '' : `${m[1]}:`}${m[2]} ${msg}`);
    }
    return out;
  }

  /** Runs a setup command: returns its reply and drops the events it caused. */
  async call(...args: string[]): Promise<RespValue> {
    const r = await this.cmd.call(...args);
    await this.raw();
    return r;
  }

  async stop(): Promise<void> {
    this.sub.close();
    this.cmd.close();
    await this.server.stop();
  }
}
