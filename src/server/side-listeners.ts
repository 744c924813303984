/**
 * The listeners beside RESP: lm:// on lmcache-port and the Prometheus
 * endpoint on metrics-port, each off at 0. Both open after the RESP listener
 * has bound: metrics before the data loads (so a scrape sees loading 1),
 * lm:// after. Failing to bind one stops the server.
 */
import type { Server } from './server.js';
import { LmcacheListener } from './lmcache-listener.js';

/** Opens the lm:// listener when lmcache-port is set; on a bind failure closes the server and throws. */
export async function openLmcache(server: Server): Promise<void> {
  const config = server.config;
  const lmPort = config.getNumber('lmcache-port');
  if (lmPort !== 0 && server.lmcache === null) {
    const lm = new LmcacheListener(server);
    try {
      await lm.listen(config.getString('lmcache-bind'), lmPort);
    } catch (err) {
      await server.close();
      throw err;
    }
    server.lmcache = lm;
  }
}

/** Opens the metrics endpoint when metrics-port is set; on a bind failure logs it, closes the server and throws. */
export async function openMetrics(server: Server): Promise<void> {
  const config = server.config;
  const metricsPort = config.getNumber('metrics-port');
  if (metricsPort !== 0 && server.metrics === null) {
    // Loaded here so prom-client costs nothing while metrics are off.
    const { MetricsEndpoint } = await import('../observability/metrics-http.js');
    const m = new MetricsEndpoint(server);
    const host = config.getString('metrics-bind');
    try {
      await m.listen(host, metricsPort);
    } catch (err) {
      // Redis's wording for a port it cannot bind.
      const msg = `Could not create metrics HTTP listening socket ${host}:${metricsPort}: ${(err as Error).message}`;
      server.log.warn({ port: metricsPort, bind: host, err }, msg);
      await server.close();
      throw err;
    }
    server.metrics = m;
  }
}

/** Closes the side listeners (server stop and SHUTDOWN). */
export async function closeSideListeners(server: Server): Promise<void> {
  const lm = server.lmcache;
  const m = server.metrics;
  server.lmcache = null;
  server.metrics = null;
  await Promise.all([lm?.close(), m?.close()]);
}
