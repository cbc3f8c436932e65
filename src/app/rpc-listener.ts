/**
 * The RPC endpoint straight on node:http. It reads method, URL, headers and body from the
 * IncomingMessage itself: building a Fetch Request and a web stream per call (what Hono's adapter
 * does) cost half the gateway's throughput in bench/gateway (docs/adr/0003-rpc-endpoint-on-node-http.md).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gatewayErrors } from '../gateway/errors.js';
import type { Gateway } from '../gateway/gateway.js';
import type { GatewayResponse } from '../gateway/render/respond.js';
import type { GatewayRequest } from '../gateway/request.js';

/** Methods the RPC products use (aiccs has GET, PUT and DELETE actions). */
export const RPC_METHODS: ReadonlySet<string> = new Set(['GET', 'POST', 'PUT', 'DELETE']);

/** Lower-case header map without a prototype; a repeated header's values are joined with ','. */
function headersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = Object.create(null);
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    const value = raw[i + 1]!;
    const prior = headers[name];
    headers[name] = prior === undefined ? value : `${prior},${value}`;
  }
  return headers;
}

/** Reads the whole body, or resolves undefined as soon as it passes maxBytes. */
function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) over = true;
      else if (!over) chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? undefined : Buffer.concat(chunks, size)));
    req.on('error', reject);
  });
}

function hasBody(headers: Record<string, string>): boolean {
  const length = headers['content-length'];
  return headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function write(res: ServerResponse, out: GatewayResponse): void {
  res.writeHead(out.status, { ...out.headers, 'content-length': Buffer.byteLength(out.body) });
  res.end(out.body);
}

/** Serves one RPC request through the gateway; never throws. */
export async function serveRpc(gateway: Gateway, maxBodyBytes: number, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const headers = headersOf(req);
  const base: GatewayRequest = {
    method: req.method ?? 'GET',
    path: q < 0 ? url : url.slice(0, q),
    rawQuery: q < 0 ? '' : url.slice(q + 1),
    headers,
    body: Buffer.alloc(0),
  };
  if (Number(headers['content-length'] ?? 0) > maxBodyBytes) {
    res.setHeader('connection', 'close');
    write(res, gateway.reject(base, gatewayErrors.bodyTooLarge(maxBodyBytes)));
    return;
  }
  try {
    const body = hasBody(headers) ? await readBody(req, maxBodyBytes) : base.body;
    if (body === undefined) {
      write(res, gateway.reject(base, gatewayErrors.bodyTooLarge(maxBodyBytes)));
      return;
    }
    write(res, await gateway.handle(body === base.body ? base : { ...base, body }));
  } catch {
    // The client went away mid-body; there is no one left to answer.
    res.destroy();
  }
}
