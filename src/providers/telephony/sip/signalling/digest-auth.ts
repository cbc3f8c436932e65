/**
 * HTTP Digest authentication as SIP trunks use it (RFC 3261 §22, RFC 2617, RFC 7616): read the challenge of a 401
 * (WWW-Authenticate) or 407 (Proxy-Authenticate) and write the matching Authorization or Proxy-Authorization
 * value. MD5 and SHA-256, their -sess variants, qop=auth and auth-int, and the old form without qop that many
 * carriers still send. When a response offers several challenges the strongest supported one is answered.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { SipResponse } from './sip-message.js';

/** The digest algorithms answered. */
export type DigestAlgorithm = 'MD5' | 'MD5-sess' | 'SHA-256' | 'SHA-256-sess';

/** A parsed Digest challenge. */
export interface DigestChallenge {
  realm: string;
  nonce: string;
  opaque?: string;
  algorithm: DigestAlgorithm;
  /** The qop values offered; empty for the RFC 2069 form without qop. */
  qop: string[];
  /** The server says the nonce expired but the credentials were right: answer again without asking the user. */
  stale: boolean;
}

/** The outcome of reading a challenge. */
export type DigestChallengeResult = { ok: true; challenge: DigestChallenge } | { ok: false; error: string };

/** The request being authorized: its method, Request-URI and (for auth-int) body. */
export interface DigestRequest {
  method: string;
  uri: string;
  body?: string;
}

/** Values that are random in use and fixed in tests. */
export interface DigestAnswerOptions {
  /** Client nonce; random by default. */
  cnonce?: string;
  /** How many times this nonce has been used, this time included; 1 by default. */
  nc?: number;
}

/** Which response header carries the challenge and which request header answers it. */
const HEADERS = {
  401: { challenge: 'WWW-Authenticate', answer: 'Authorization' },
  407: { challenge: 'Proxy-Authenticate', answer: 'Proxy-Authorization' },
} as const;

/** The hash of each algorithm, and its preference when several are offered (higher first). */
const ALGORITHMS: Readonly<Record<DigestAlgorithm, { hash: 'md5' | 'sha256'; rank: number }>> = {
  'SHA-256': { hash: 'sha256', rank: 4 },
  'SHA-256-sess': { hash: 'sha256', rank: 3 },
  MD5: { hash: 'md5', rank: 2 },
  'MD5-sess': { hash: 'md5', rank: 1 },
};

/** Reads the comma-separated `name=value` pairs of a challenge; values are tokens or quoted strings. */
function parseAuthParams(text: string): Map<string, string> | undefined {
  const params = new Map<string, string>();
  const pattern = /\s*([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,"]*))\s*(?:,|$)/y;
  while (pattern.lastIndex < text.length) {
    const match = pattern.exec(text);
    if (!match) return undefined;
    params.set(match[1]!.toLowerCase(), match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3]!);
  }
  return params;
}

/** Parses one WWW-Authenticate / Proxy-Authenticate value. */
export function parseDigestChallenge(value: string): DigestChallengeResult {
  const match = /^\s*(\S+)\s+([\s\S]*)$/.exec(value);
  if (!match || match[1]!.toLowerCase() !== 'digest') return { ok: false, error: `not a Digest challenge: ${value.slice(0, 40)}` };
  const params = parseAuthParams(match[2]!);
  if (!params) return { ok: false, error: 'malformed Digest challenge parameters' };
  const realm = params.get('realm');
  const nonce = params.get('nonce');
  if (realm === undefined || !nonce) return { ok: false, error: 'Digest challenge without realm or nonce' };
  const given = params.get('algorithm') ?? 'MD5';
  const algorithm = (Object.keys(ALGORITHMS) as DigestAlgorithm[]).find((name) => name.toLowerCase() === given.toLowerCase());
  if (!algorithm) return { ok: false, error: `unsupported digest algorithm ${given}` };
  const qop = (params.get('qop') ?? '').split(',').map((q) => q.trim().toLowerCase()).filter(Boolean);
  if (qop.length > 0 && !qop.includes('auth') && !qop.includes('auth-int')) return { ok: false, error: `unsupported qop ${qop.join(',')}` };
  const challenge: DigestChallenge = { realm, nonce, algorithm, qop, stale: params.get('stale')?.toLowerCase() === 'true' };
  const opaque = params.get('opaque');
  if (opaque !== undefined) challenge.opaque = opaque;
  return { ok: true, challenge };
}

/**
 * The challenge of a 401 or 407 to answer, and the header to answer it in. Among several challenges (RFC 8760
 * lets a server offer SHA-256 and MD5 side by side) the strongest one waihu can compute wins.
 */
export function challengeOf(response: SipResponse): { ok: true; header: 'Authorization' | 'Proxy-Authorization'; challenge: DigestChallenge } | { ok: false; error: string } {
  if (response.status !== 401 && response.status !== 407) return { ok: false, error: `status ${response.status} is not a challenge` };
  const names = HEADERS[response.status];
  const parsed = response.headers.getAll(names.challenge).map(parseDigestChallenge);
  const usable = parsed.flatMap((result) => (result.ok ? [result.challenge] : []));
  if (usable.length === 0) {
    const reason = parsed.find((result) => !result.ok);
    return { ok: false, error: reason && !reason.ok ? reason.error : `${response.status} without ${names.challenge}` };
  }
  usable.sort((a, b) => ALGORITHMS[b.algorithm].rank - ALGORITHMS[a.algorithm].rank);
  return { ok: true, header: names.answer, challenge: usable[0]! };
}

/** Quotes a value for an auth header. */
function quote(value: string): string {
  return `"${value.replace(/(["\\])/g, '\\$1')}"`;
}

/**
 * The Authorization / Proxy-Authorization value answering `challenge` for `request`. qop=auth is preferred over
 * auth-int (it does not depend on the body); without qop the RFC 2069 response is computed and no cnonce is sent.
 */
export function answerDigestChallenge(
  challenge: DigestChallenge,
  credentials: { username: string; password: string },
  request: DigestRequest,
  options: DigestAnswerOptions = {},
): string {
  const { hash: algorithmHash } = ALGORITHMS[challenge.algorithm];
  const h = (text: string) => createHash(algorithmHash).update(text, 'utf8').digest('hex');
  const qop = challenge.qop.includes('auth') ? 'auth' : challenge.qop.includes('auth-int') ? 'auth-int' : undefined;
  const cnonce = options.cnonce ?? randomBytes(8).toString('hex');
  const nc = (options.nc ?? 1).toString(16).padStart(8, '0');
  let ha1 = h(`${credentials.username}:${challenge.realm}:${credentials.password}`);
  const session = challenge.algorithm.endsWith('-sess');
  if (session) ha1 = h(`${ha1}:${challenge.nonce}:${cnonce}`);
  const ha2 = qop === 'auth-int' ? h(`${request.method}:${request.uri}:${h(request.body ?? '')}`) : h(`${request.method}:${request.uri}`);
  const response = qop ? h(`${ha1}:${challenge.nonce}:${nc}:${cnonce}:${qop}:${ha2}`) : h(`${ha1}:${challenge.nonce}:${ha2}`);
  const parts = [
    `username=${quote(credentials.username)}`,
    `realm=${quote(challenge.realm)}`,
    `nonce=${quote(challenge.nonce)}`,
    `uri=${quote(request.uri)}`,
    `response=${quote(response)}`,
    `algorithm=${challenge.algorithm}`,
  ];
  // -sess mixes the cnonce into HA1, so the server needs it even in the form without qop.
  if (qop || session) parts.push(`cnonce=${quote(cnonce)}`);
  if (qop) parts.push(`qop=${qop}`, `nc=${nc}`);
  if (challenge.opaque !== undefined) parts.push(`opaque=${quote(challenge.opaque)}`);
  return `Digest ${parts.join(', ')}`;
}
