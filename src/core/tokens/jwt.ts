/**
 * Compact RS256 JSON Web Tokens (RFC 7519) on node:crypto alone. Only RS256 is accepted when verifying, whatever the
 * header claims, so a token re-labelled `none` or `HS256` (keyed with the public key) can never pass.
 */
import { randomBytes, sign, verify, type KeyObject } from 'node:crypto';

/** Who issues every waihu token; a verifier refuses any other `iss`. */
export const TOKEN_ISSUER = 'waihu';

/** The claims of a waihu token: the registered ones plus `token_type` and any per-type extras. */
export interface TokenClaims {
  iss: string;
  /** The waihu account the token was issued to. */
  sub: string;
  /** Seconds since the epoch. */
  iat: number;
  nbf: number;
  exp: number;
  jti: string;
  /** What the token is for: `dyvms` (GetToken), `mqtt`, `rtc`. */
  token_type: string;
  [extra: string]: unknown;
}

/** Why a token was refused. */
export type TokenFailure = 'malformed' | 'unsupported-algorithm' | 'bad-signature' | 'wrong-issuer' | 'expired' | 'not-yet-valid';

/** The outcome of verifying a token: its claims, or why it was refused. */
export type TokenVerdict = { ok: true; claims: TokenClaims } | { ok: false; reason: TokenFailure; detail: string };

/** A fresh random token id (jti), base64url like the doc's example. */
export function newTokenId(): string {
  return randomBytes(16).toString('base64url');
}

/** Signs `claims` with the RSA private key; `kid` names the key so verifiers can pick it after a rotation. */
export function signJwt(claims: TokenClaims, privateKey: KeyObject, kid: string): string {
  const header = encodeJson({ alg: 'RS256', typ: 'JWT', kid });
  const body = `${header}.${encodeJson(claims)}`;
  return `${body}.${sign('sha256', Buffer.from(body), privateKey).toString('base64url')}`;
}

/** Checks signature, issuer and time window (`nowMs` from the caller's clock); returns the claims or the reason. */
export function verifyJwt(token: string, publicKey: KeyObject | string, nowMs: number): TokenVerdict {
  const parts = token.split('.');
  if (parts.length !== 3) return refuse('malformed', 'a JWT has three dot-separated parts');
  const [header, payload, signature] = parts as [string, string, string];
  const head = decodeJson(header);
  if (!head) return refuse('malformed', 'the header is not base64url JSON');
  if (head.alg !== 'RS256') return refuse('unsupported-algorithm', `alg ${String(head.alg)} is not RS256`);
  const signed = Buffer.from(`${header}.${payload}`);
  if (!verify('sha256', signed, publicKey, Buffer.from(signature, 'base64url'))) {
    return refuse('bad-signature', 'the signature does not match this key');
  }
  const claims = decodeJson(payload);
  if (!claims || !isClaims(claims)) return refuse('malformed', 'the payload lacks iss, sub, iat, nbf, exp or token_type');
  return checkClaims(claims, Math.floor(nowMs / 1000));
}

function checkClaims(claims: TokenClaims, now: number): TokenVerdict {
  if (claims.iss !== TOKEN_ISSUER) return refuse('wrong-issuer', `iss ${claims.iss} is not ${TOKEN_ISSUER}`);
  if (now >= claims.exp) return refuse('expired', `expired at ${new Date(claims.exp * 1000).toISOString()}`);
  if (now < claims.nbf) return refuse('not-yet-valid', `not valid before ${new Date(claims.nbf * 1000).toISOString()}`);
  return { ok: true, claims };
}

function isClaims(value: Record<string, unknown>): value is TokenClaims {
  const numbers = ['iat', 'nbf', 'exp'].every((k) => Number.isInteger(value[k]));
  const strings = ['iss', 'sub', 'jti', 'token_type'].every((k) => typeof value[k] === 'string');
  return numbers && strings;
}

function refuse(reason: TokenFailure, detail: string): TokenVerdict {
  return { ok: false, reason, detail };
}

function encodeJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decodeJson(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
