/**
 * Loopback helpers for the server benchmark: free TCP ports for the servers it
 * starts, and a one-shot inline command (PING, INFO) to tell when one is up.
 */
import net from 'node:net';

/**
 * Finds `count` distinct free ports on 127.0.0.1. All listeners are held open
 * until every port is known, so the ports differ from one another.
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers: net.Server[] = [];
  try {
    const ports: number[] = [];
    for (let i = 0; i < count; i++) {
      const s = net.createServer();
      servers.push(s);
      ports.push(
        await new Promise<number>((resolve, reject) => {
          s.once('error', reject);
          s.listen(0, '127.0.0.1', () => {
            const a = s.address();
            if (a !== null && typeof a === 'object') resolve(a.port);
            else reject(new Error('could not get a free port'));
          });
        }),
      );
    }
    return ports;
  } finally {
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => (s.listening ? s.close(() => resolve()) : resolve()))));
  }
}

/**
 * Sends one inline command to 127.0.0.1:`port` and resolves with the raw
 * reply once `complete(reply)` says it is whole, or `null` on a connection
 * error, a close, or after `timeoutMs`.
 */
export function inlineCommand(
  port: number,
  command: string,
  complete: (reply: string) => boolean = (r) => r.includes('\r\n'),
  timeoutMs = 2000,
): Promise<string | null> {
  return new Promise((resolve) => {
    let reply = '';
    let done = false;
    const finish = (v: string | null): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      sock.destroy();
      resolve(v);
    };
    const sock = net.connect({ port, host: '127.0.0.1' }, () => sock.write(`${command}\r\n`));
    const timer = setTimeout(() => finish(null), timeoutMs);
    sock.setEncoding('utf8');
    sock.on('data', (d: string) => {
      reply += d;
      if (complete(reply)) finish(reply);
    });
    sock.once('error', () => finish(null));
    sock.once('close', () => finish(null));
  });
}

/**
 * Waits until the server on `port` answers PING with +PONG. `exited()` is
 * polled between attempts so a server that dies on start fails fast.
 * Throws after `timeoutMs`.
 */
export async function waitForPing(port: number, exited: () => string | null, timeoutMs = 15000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const why = exited();
    if (why !== null) throw new Error(why);
    const reply = await inlineCommand(port, 'PING', undefined, 500);
    if (reply?.startsWith('+PONG')) return;
    if (Date.now() > deadline) throw new Error(`no PONG from 127.0.0.1:${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * `INFO server` as a field map (empty when the server does not answer). The
 * reply is a RESP bulk string; it is complete once its declared length is in.
 */
export async function infoServer(port: number): Promise<Record<string, string>> {
  const reply = await inlineCommand(port, 'INFO server', (r) => {
    const m = /^\$(\d+)\r\n/.exec(r);
    return m !== null ? Buffer.byteLength(r) >= m[0].length + Number(m[1]) + 2 : r.includes('\r\n');
  });
  const fields: Record<string, string> = {};
  if (reply === null || !reply.startsWith('$')) return fields;
  for (const line of reply.split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0 && !line.startsWith('#')) fields[line.slice(0, i)] = line.slice(i + 1);
  }
  return fields;
}
