// Target A, the reference: a bare node:http server answering {"ok":true} to any request, in its own process.
import { createServer } from 'node:http';
import { processStats, serveRequests } from '../lib/child.js';

const BODY = Buffer.from('{"ok":true}');

const server = createServer((req, res) => {
  // Drain the (empty) body like a real server would before answering.
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': BODY.length });
    res.end(BODY);
  });
});
server.keepAliveTimeout = 65_000;

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
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
  process.send({ type: 'ready', port, host: `127.0.0.1:${port}` });
});
