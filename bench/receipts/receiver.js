// The bench's receipt receiver, in its own process: acknowledges every POST with {"code":0} and counts the records.
import { createServer } from 'node:http';

let records = 0;
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    records += JSON.parse(Buffer.concat(chunks).toString('utf8')).length;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"code":0,"msg":"接收成功"}');
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('message', (m) => {
  if (m === 'count') process.send({ records });
  if (m === 'stop') server.close(() => process.exit(0));
});
