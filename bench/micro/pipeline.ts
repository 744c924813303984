/**
 * In-process micro benchmark of the request path without sockets: parse,
 * dispatch, engine and reply for 16 pipelined SETs or GETs per read event,
 * over a key space of a given size. Prints ns per command.
 * Run: node dist/bench/micro/pipeline.js [keys=100000]
 */
import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import { loadConfig } from '../../src/config/conf-file.js';
import { Connection } from '../../src/server/connection.js';
import { Server } from '../../src/server/server.js';

class NullSocket extends EventEmitter {
  writableLength = 0;
  remoteAddress = '127.0.0.1';
  remotePort = 1;
  localAddress = '127.0.0.1';
  localPort = 2;
  write(): boolean {
    return true;
  }
  setKeepAlive(): void {}
  setNoDelay(): void {}
  cork(): void {}
  uncork(): void {}
  pause(): void {}
  resume(): void {}
  end(): void {}
  destroy(): void {}
}

export function runPipelineMicro(keys: number): { set: number; get: number } {
  const server = new Server({ config: loadConfig(['--port', '0']) });
  const sock = new NullSocket();
  new Connection(sock as unknown as Socket, server, 1);
  const val = 'x'.repeat(128);
  const key = (i: number): string => `key:${String(i).padStart(12, '0')}`;
  const set1 = (k: string): string => `*3\r\n$3\r\nSET\r\n$${k.length}\r\n${k}\r\n$128\r\n${val}\r\n`;
  const get1 = (k: string): string => `*2\r\n$3\r\nGET\r\n$${k.length}\r\n${k}\r\n`;
  for (let i = 0; i < keys; i++) sock.emit('data', Buffer.from(set1(key(i))));
  let seed = 42;
  const rand = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) % keys);
  const sets: Buffer[] = [];
  const gets: Buffer[] = [];
  for (let b = 0; b < 4096; b++) {
    let ts = '';
    let tg = '';
    for (let i = 0; i < 16; i++) {
      const k = key(rand());
      ts += set1(k);
      tg += get1(k);
    }
    sets.push(Buffer.from(ts));
    gets.push(Buffer.from(tg));
  }
  const measure = (frames: Buffer[]): number => {
    const n = 50000;
    const t = performance.now();
    for (let i = 0; i < n; i++) sock.emit('data', Buffer.from(frames[i % frames.length]!));
    return ((performance.now() - t) * 1e6) / (n * 16);
  };
  measure(sets);
  measure(gets);
  const result = { set: measure(sets), get: measure(gets) };
  void server.close();
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const keys = Number(process.argv[2] ?? 100000);
  const r = runPipelineMicro(keys);
  console.log(`keys=${keys} SET ${r.set.toFixed(0)} ns/cmd, GET ${r.get.toFixed(0)} ns/cmd`);
}
