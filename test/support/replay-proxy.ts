/**
 * A tiny HTTP proxy that plays a replay attacker: it forwards the first request it receives to the upstream
 * server and records it; every later request is dropped and the recorded one (same method, URL, raw headers and
 * body bytes) is sent again instead. The client gets the upstream's answer to that replay.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

interface Recorded {
  method: string;
  url: string;
  rawHeaders: string[];
  body: Buffer;
}

/** A running replay proxy. */
export interface ReplayProxy {
  /** `127.0.0.1:PORT` for the tea clients' endpoint. */
  readonly host: string;
  /** `http://127.0.0.1:PORT` for pop-core. */
  readonly url: string;
  /** How many requests went upstream as replays of the first. */
  readonly replays: number;
  /** content-type of the last answer the proxy passed back, to see what the client had to parse. */
  readonly lastContentType: string | undefined;
  stop(): Promise<void>;
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function forward(upstreamPort: number, recorded: Recorded, res: http.ServerResponse, seen: (type: string | undefined) => void): void {
  // Raw headers keep names, order and Transfer-Encoding as the client sent them; Node re-chunks the body if asked to.
  const upstream = http.request(
    { host: '127.0.0.1', port: upstreamPort, method: recorded.method, path: recorded.url, headers: recorded.rawHeaders, agent: false },
    (answer) => {
      seen(answer.headers['content-type']);
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', (err) => {
    res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(String(err));
  });
  upstream.end(recorded.body);
}

/** Starts a replay proxy in front of the server listening on 127.0.0.1:upstreamPort. */
export async function startReplayProxy(upstreamPort: number): Promise<ReplayProxy> {
  let first: Recorded | undefined;
  let replays = 0;
  let lastContentType: string | undefined;
  const server = http.createServer((req, res) => {
    readBody(req)
      .then((body) => {
        if (first) replays += 1;
        else first = { method: req.method ?? 'GET', url: req.url ?? '/', rawHeaders: [...req.rawHeaders], body };
        forward(upstreamPort, first, res, (type) => {
          lastContentType = type;
        });
      })
      .catch((err: unknown) => {
        res.writeHead(500);
        res.end(String(err));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    host: `127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}`,
    get replays() {
      return replays;
    },
    get lastContentType() {
      return lastContentType;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
