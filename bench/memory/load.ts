/**
 * Bulk loading over a raw loopback socket for the memory benchmark: N keys
 * `key:%012d` with fixed-size values, pipelined in batches, in the RESP or
 * the memcached text protocol. Replies are counted by their fixed length, so
 * the loader itself keeps nothing per key.
 */
import net from 'node:net';

export type Dialect = 'resp' | 'memcached';

const BATCH = 10_000;

export function keyName(i: number): string {
  return `key:${String(i).padStart(12, '0')}`;
}

function encodeBatch(dialect: Dialect, from: number, to: number, value: string): Buffer {
  const parts: string[] = [];
  for (let i = from; i < to; i++) {
    const k = keyName(i);
    parts.push(
      dialect === 'resp'
        ? `*3\r\n$3\r\nSET\r\n$${k.length}\r\n${k}\r\n$${value.length}\r\n${value}\r\n`
        : `set ${k} 0 0 ${value.length}\r\n${value}\r\n`,
    );
  }
  return Buffer.from(parts.join(''), 'latin1');
}

/** Loads keys [0, count) with `valueSize`-byte values; resolves when every write is acknowledged. */
export function loadKeys(port: number, dialect: Dialect, count: number, valueSize: number): Promise<void> {
  const reply = dialect === 'resp' ? '+OK\r\n' : 'STORED\r\n';
  const value = 'v'.repeat(valueSize);
  return new Promise((resolve, reject) => {
    const sock = net.connect({ port, host: '127.0.0.1' });
    let next = 0;
    let expected = 0;
    let received = 0;
    const sendBatch = (): void => {
      const to = Math.min(count, next + BATCH);
      expected += (to - next) * reply.length;
      sock.write(encodeBatch(dialect, next, to, value));
      next = to;
    };
    sock.on('connect', sendBatch);
    sock.on('data', (d: Buffer) => {
      const first = (reply.length - (received % reply.length)) % reply.length;
      if (first < d.length && d[first] !== reply.charCodeAt(0)) {
        sock.destroy();
        reject(new Error(`unexpected reply while loading: ${d.subarray(first, first + 80).toString('latin1')}`));
        return;
      }
      received += d.length;
      if (received < expected) return;
      if (next < count) sendBatch();
      else {
        sock.end();
        resolve();
      }
    });
    sock.on('error', reject);
  });
}
