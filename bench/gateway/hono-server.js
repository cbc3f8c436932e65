// Diagnostic target (BENCH_DIAGNOSTIC=1): Hono on @hono/node-server, the framework waihu's gateway sits on,
// answering {"ok":true} with nothing else. Its row says how much of waihu's gap to bare node:http is framework.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { processStats, serveRequests } from '../lib/child.js';

const http = new Hono();
http.on(['GET', 'POST', 'PUT', 'DELETE'], '/', (c) => c.json({ ok: true }));

const server = serve({ fetch: http.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  serveRequests({
    stats: () => processStats(),
    stop: () => new Promise((resolve) => {
      server.close(() => resolve({}));
      server.closeAllConnections();
    }).then((r) => {
      setImmediate(() => process.disconnect());
      return r;
    }),
  });
  process.send({ type: 'ready', port: info.port, host: `127.0.0.1:${info.port}` });
});
server.keepAliveTimeout = 65_000;
