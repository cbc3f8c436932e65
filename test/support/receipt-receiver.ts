/** A customer's receipt endpoint run by the tests: records every POST and answers as its script says. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the receiver answers one request: ack, 500, 200 with a body that is not an ack, or no answer at all. */
export type ReceiverAnswer = 'ack' | 'error-500' | 'bad-body' | 'hang';

/** One request as received. */
export interface ReceivedPost {
  at: number;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  messages: Record<string, unknown>[];
  answer: ReceiverAnswer;
}

/** The running receiver. */
export interface ReceiptReceiver {
  url: string;
  posts: ReceivedPost[];
  stop(): Promise<void>;
}

/** Starts a receiver; `script(n)` picks the answer to the n-th request (0-based). */
export async function startReceiptReceiver(script: (n: number) => ReceiverAnswer = () => 'ack'): Promise<ReceiptReceiver> {
  const posts: ReceivedPost[] = [];
  const hanging: ServerResponse[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const answer = script(posts.length);
      posts.push({ at: Date.now(), path: req.url ?? '', headers: req.headers, body, messages: JSON.parse(body) as Record<string, unknown>[], answer });
      if (answer === 'hang') return void hanging.push(res);
      if (answer === 'error-500') return void res.writeHead(500).end('{"code":500,"msg":"busy"}');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(answer === 'ack' ? '{"code":0,"msg":"接收成功"}' : '<html>ok</html>');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/receipts`,
    posts,
    stop: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
