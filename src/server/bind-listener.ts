/**
 * Binding a side listener (lm://, /metrics): listen() that rejects on the
 * first 'error' (EADDRINUSE, EACCES) instead of emitting it later.
 */
import type net from 'node:net';

/** Binds `srv` to host:port; resolves with the bound port (the OS's choice for port 0). */
export async function bindListener(srv: net.Server, host: string, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    srv.once('error', reject);
    srv.listen({ host, port }, () => {
      srv.off('error', reject);
      resolve();
    });
  });
  const addr = srv.address();
  return addr !== null && typeof addr === 'object' ? addr.port : port;
}
