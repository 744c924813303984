/**
 * Starts a NenCache server in-process on a free loopback port for a test,
 * and finds the Debian redis binaries for differential and CLI tests.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { loadConfig } from '../../src/config/conf-file.js';
import { Server } from '../../src/server/server.js';
import type { Clock } from '../../src/engine/clock.js';

export interface TestServer {
  server: Server;
  port: number;
  stop(): Promise<void>;
}

/** Starts a server with redis-server style overrides, e.g. ['--requirepass', 'x']. */
export async function startServer(overrides: string[] = [], clock?: Clock): Promise<TestServer> {
  const config = loadConfig(['--port', '0', '--bind', '127.0.0.1', ...overrides]);
  const server = new Server({ config, clock });
  await server.listen();
  return { server, port: server.port, stop: () => server.close() };
}

/** Path of a Debian redis binary, or null when it is not installed. */
export function redisBinary(name: 'redis-server' | 'redis-cli' | 'redis-benchmark'): string | null {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/** Why a test that needs redis binaries is skipped, or false when they are present. */
export function skipWithoutRedis(...names: ('redis-server' | 'redis-cli' | 'redis-benchmark')[]): string | false {
  const missing = names.filter((n) => redisBinary(n) === null);
  return missing.length === 0 ? false : `${missing.join(', ')} not installed (apt-get install redis-server redis-tools); .ci/run installs them`;
}

/** A free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export interface RedisProcess {
  port: number;
  proc: ChildProcess;
  stop(): Promise<void>;
}

/** Starts a real redis-server on a free port with persistence off. */
export async function startRedis(extra: string[] = []): Promise<RedisProcess> {
  const port = await freePort();
  const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...extra], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect({ port, host: '127.0.0.1' }, () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    proc,
    stop: () =>
      new Promise((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGKILL');
      }),
  };
}
