/**
 * The Prometheus endpoint on metrics-bind:metrics-port: GET (or HEAD)
 * /metrics answers the server's metrics (./metrics.ts); any other path is
 * 404, another method on /metrics 405. Loaded only when metrics-port is set.
 */
import http from 'node:http';
import type { Server } from '../server/server.js';
import { bindListener } from '../server/bind-listener.js';
import { ServerMetrics } from './metrics.js';

const TEXT = { 'Content-Type': 'text/plain; charset=utf-8' };

/** The HTTP listener of one server's metrics. */
export class MetricsEndpoint {
  /** The server's registry (tests scrape it directly too). */
  readonly metrics: ServerMetrics;
  /** Port actually bound (useful with an OS-assigned port). */
  port = 0;
  private srv: http.Server | null = null;

  constructor(private readonly server: Server) {
    this.metrics = new ServerMetrics(server);
  }

  /** Binds `host:port`; rejects when the address cannot be bound. */
  async listen(host: string, port: number): Promise<void> {
    const srv = http.createServer((req, res) => this.handle(req, res));
    this.port = await bindListener(srv, host, port);
    this.srv = srv;
    this.server.log.info({ port: this.port, bind: host }, 'Prometheus metrics ready at /metrics');
  }

  /** Stops listening and drops keep-alive connections, so the port is free once this resolves. */
  async close(): Promise<void> {
    const srv = this.srv;
    this.srv = null;
    if (srv === null) return;
    const closed = new Promise<void>((r) => srv.close(() => r()));
    srv.closeAllConnections();
    await closed;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    if ((q < 0 ? url : url.slice(0, q)) !== '/metrics') {
      res.writeHead(404, TEXT).end('Not Found\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...TEXT, Allow: 'GET, HEAD' }).end('Method Not Allowed\n');
      return;
    }
    this.metrics.scrape().then(
      (body) => res.writeHead(200, { 'Content-Type': this.metrics.contentType }).end(body),
      (err: unknown) => {
        this.server.log.warn({ err }, 'Metrics scrape failed');
        res.writeHead(500, TEXT).end('Internal Server Error\n');
      },
    );
  }
}
