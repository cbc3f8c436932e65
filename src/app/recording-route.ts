/**
 * GET /recordings/… — serves a call's recording to whoever holds an unexpired signed link (core/recordings/
 * recording-links.ts), the way an object store serves a pre-signed URL: no AccessKey signature, errors named as an
 * object store names them (AccessDenied, SignatureDoesNotMatch, NoSuchKey), and single byte ranges for audio players
 * that seek.
 */
import type { Hono } from 'hono';
import { GatewayError } from '../gateway/errors.js';
import type { Gateway } from '../gateway/gateway.js';
import type { GatewayRequest } from '../gateway/request.js';
import type { Clock } from '../ports/clock.js';
import type { BlobStore } from '../ports/blob-store.js';
import { RECORDINGS_PATH, type LinkRefusal, type RecordingLinks } from '../core/recordings/recording-links.js';
import type { MissingRecording } from './simulated-recordings.js';

/** What the route reads with. */
export interface RecordingRouteDeps {
  links: RecordingLinks;
  blobs: BlobStore;
  clock: Clock;
  /** Formats refusals as every other error of the server is formatted. */
  gateway: Pick<Gateway, 'reject'>;
  /**
   * Asked when a validly linked file is missing: a simulated call's recording is made on first download
   * (simulated-recordings.ts). Undefined: nothing to make, the file is gone.
   */
  renderMissing?(key: string): Promise<MissingRecording>;
}

const REFUSALS: Record<LinkRefusal, GatewayError> = {
  malformed: new GatewayError('InvalidArgument', 400, 'The recording link is incomplete: it needs its Expires and Signature parameters as they were given.'),
  'bad-signature': new GatewayError('SignatureDoesNotMatch', 403, 'The recording link\'s signature does not match: use the link exactly as it was given.'),
  expired: new GatewayError('AccessDenied', 403, 'The recording link has expired: query the call again for a fresh link.'),
};

/** Adds the route to `http`. */
export function addRecordingRoute(http: Hono, deps: RecordingRouteDeps): void {
  http.get(`${RECORDINGS_PATH}*`, async (c) => {
    const url = new URL(c.req.url);
    const reject = (error: GatewayError) => {
      const req: GatewayRequest = { method: c.req.method, path: url.pathname, rawQuery: '', headers: {}, body: Buffer.alloc(0) };
      const res = deps.gateway.reject(req, error);
      return c.body(res.body, res.status as 400, res.headers);
    };
    const checked = deps.links.check(url.pathname, url.searchParams, deps.clock.now());
    if ('refused' in checked) return reject(REFUSALS[checked.refused]);
    // Blob stores hand out bytes over plain ArrayBuffers (file reads), never shared memory.
    let bytes = (await deps.blobs.get(checked.key)) as Uint8Array<ArrayBuffer> | undefined;
    if (!bytes && deps.renderMissing) {
      const made = await deps.renderMissing(checked.key);
      if (made && 'unavailable' in made) return reject(new GatewayError('NoSuchKey', 404, made.unavailable));
      bytes = made?.bytes as Uint8Array<ArrayBuffer> | undefined;
    }
    if (!bytes) return reject(new GatewayError('NoSuchKey', 404, 'The recording no longer exists.'));
    const headers: Record<string, string> = { 'content-type': 'audio/wav', 'accept-ranges': 'bytes', 'cache-control': 'private, no-store' };
    const range = byteRange(c.req.header('range'), bytes.byteLength);
    if (range === 'unsatisfiable') return c.body(null, 416, { ...headers, 'content-range': `bytes */${bytes.byteLength}` });
    if (!range) return c.body(bytes, 200, headers);
    const { start, end } = range;
    return c.body(bytes.subarray(start, end + 1), 206, { ...headers, 'content-range': `bytes ${start}-${end}/${bytes.byteLength}` });
  });
}

/** A single `bytes=a-b`, `bytes=a-` or `bytes=-n` range; undefined (serve it all) for none or several. */
function byteRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (match[1] === '') {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  return start >= size || start > end ? 'unsatisfiable' : { start, end };
}
