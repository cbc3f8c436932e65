/**
 * Expiring signed links to recordings, in the manner of an object store's pre-signed URLs (the `RecordUrl` and
 * `RecordingFileDownloadUrl` fields of the APIs): `<base>/recordings/<rest of the blob key>?Expires=<unix s>&Signature=…`.
 * The signature is an HMAC-SHA256 of the blob key and the expiry under a key derived from the master key, so a link
 * cannot be stretched in time or pointed at another file (another account's included), and no database row is needed
 * to check it. Anyone holding an unexpired link can download the file: links are handed only to the account owning
 * the call, and they expire (one hour by default).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { checkBlobKey } from '../../ports/blob-store.js';
import { RECORDINGS_PREFIX, type CallRecordingRef } from './call-recording.js';

/** The URL path under which recordings are served. */
export const RECORDINGS_PATH = `/${RECORDINGS_PREFIX}/`;

/** Links to recordings as responses give them: fresh, valid from the moment of the response. */
export interface RecordingUrls {
  urlOf(recording: Pick<CallRecordingRef, 'key'>): string;
}

/** Why a link was refused. */
export type LinkRefusal = 'malformed' | 'expired' | 'bad-signature';

/** Signs and checks recording links. */
export class RecordingLinks {
  private baseUrl: string;

  /**
   * `signingKey`: secret bytes (derive them from the master key: linkSigningKey); `baseUrl`: where clients reach this
   * server (WAIHU_PUBLIC_URL, or the listening address once known, setBaseUrl); `ttlMs`: how long a link works.
   */
  constructor(private readonly signingKey: Buffer, baseUrl: string, private readonly ttlMs: number) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  /** Changes where links point (the HTTP listener tells its address when no public URL is configured). */
  setBaseUrl(baseUrl: string): void {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  /** A link to the recording under `key`, valid from `now` for the configured time. */
  link(key: string, now: number): string {
    const expires = Math.ceil((now + this.ttlMs) / 1000);
    const rest = key.slice(RECORDINGS_PREFIX.length + 1);
    return `${this.baseUrl}${RECORDINGS_PATH}${rest}?Expires=${expires}&Signature=${this.sign(key, expires)}`;
  }

  /** RecordingUrls reading the time from `clock`. */
  urls(clock: { now(): number }): RecordingUrls {
    return { urlOf: (recording) => this.link(recording.key, clock.now()) };
  }

  /** The blob key a request for `path` with `query` may read, or why it may not. */
  check(path: string, query: URLSearchParams, now: number): { key: string } | { refused: LinkRefusal } {
    if (!path.startsWith(RECORDINGS_PATH)) return { refused: 'malformed' };
    const key = `${RECORDINGS_PREFIX}/${path.slice(RECORDINGS_PATH.length)}`;
    const expiresText = query.get('Expires') ?? '';
    const signature = query.get('Signature') ?? '';
    if (!/^\d{1,12}$/.test(expiresText) || !isBlobKey(key)) return { refused: 'malformed' };
    const expected = Buffer.from(this.sign(key, Number(expiresText)));
    const given = Buffer.from(signature);
    // Compared in constant time; lengths differ only for a malformed signature, which reveals nothing.
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { refused: 'bad-signature' };
    if (Number(expiresText) * 1000 < now) return { refused: 'expired' };
    return { key };
  }

  private sign(key: string, expires: number): string {
    return createHmac('sha256', this.signingKey).update(`${key}\n${expires}`).digest('base64url');
  }
}

/** The link-signing key: the master key put through HMAC with a fixed label, so it is never the master key itself. */
export function linkSigningKey(masterKey: Buffer): Buffer {
  return createHmac('sha256', masterKey).update('waihu recording links v1').digest();
}

function isBlobKey(key: string): boolean {
  try {
    checkBlobKey(key);
    return key.endsWith('.wav');
  } catch {
    return false;
  }
}
