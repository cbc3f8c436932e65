/** The signature check every gateway request passes before it reaches an action (protocol.md §2, §3.3). */
import type { Clock } from '../../ports/clock.js';
import { gatewayErrors, type GatewayError } from '../errors.js';
import type { AuthInput, SignedClaims } from './claims.js';
import { collectCommonParams, type CommonParams } from './common-params.js';
import { parseAcsTimestamp } from './timestamp.js';
import { readV1Claims, verifyV1 } from './v1-request.js';
import { readV3Claims, verifyV3 } from './v3-request.js';

/** Re-exported so callers of authenticate need only this module. */
export type { AuthInput } from './claims.js';

/** Alibaba rejects timestamps more than 15 minutes away from server time (protocol.md §3.3). */
export const DEFAULT_MAX_SKEW_MS = 15 * 60 * 1000;

/**
 * A nonce is kept a little longer than its timestamp stays acceptable, so a gateway node whose clock runs
 * slightly behind the one that stored it cannot accept a replay after the record is gone.
 */
export const NONCE_MARGIN_MS = 60 * 1000;

/** SDK nonces are 32 (md5) or 64 (sha256) hex characters; anything far longer only bloats the nonce table. */
export const MAX_NONCE_LENGTH = 128;

/** What authentication needs from the rest of the system; the store and the clock are passed in, never reached for. */
export interface AuthOptions {
  clock: Clock;
  /** The key's owner and secret, or undefined when no such AccessKeyId exists. */
  lookupKey(accessKeyId: string): Promise<{ accountId: string; secret: string; active: boolean } | undefined>;
  /** Records (accessKeyId, nonce) until expiresAt; false when it was already recorded. Must be atomic. */
  claimNonce(accessKeyId: string, nonce: string, now: number, expiresAt: number): Promise<boolean>;
  /** How far a request timestamp may be from clock.now(), either way; 15 minutes when absent. */
  maxSkewMs?: number;
}

/** Who signed an accepted request, and how. */
export interface AuthResult {
  accessKeyId: string;
  accountId: string;
  signatureVersion: 'v1' | 'v3';
  nonce: string;
}

function noSignature(authorization: string | undefined, params: CommonParams): GatewayError {
  if (authorization !== undefined) {
    return gatewayErrors.incompleteSignature('the Authorization header is not ACS3-HMAC-SHA256 and there is no Signature parameter.');
  }
  // An anonymous request is told about the first thing it lacks, in the POP gateway's Missing{Name} style.
  return gatewayErrors.missingParameter(params.AccessKeyId === undefined ? 'AccessKeyId' : 'Signature');
}

/** Tells V3 (Authorization: ACS3-…) from V1 (a Signature parameter) and reads that version's claims. */
export function readClaims(input: AuthInput): SignedClaims {
  const params = collectCommonParams(input.queryPairs, input.formPairs);
  const authorization = input.req.headers['authorization'];
  const hasAuthorization = typeof authorization === 'string';
  if (hasAuthorization && authorization.startsWith('ACS3-')) return readV3Claims(input.req, authorization, params);
  if (params.Signature !== undefined) return readV1Claims(input.req, params);
  throw noSignature(hasAuthorization ? authorization : undefined, params);
}

/** The request time in ms; throws when it is malformed or further than maxSkewMs from now. */
function checkTimestamp(claims: SignedClaims, now: number, maxSkewMs: number): number {
  const time = parseAcsTimestamp(claims.timestamp);
  if (time === undefined) throw gatewayErrors.timestampFormat(claims.timestampName);
  if (Math.abs(time - now) > maxSkewMs) throw gatewayErrors.timestampExpired(claims.timestampName, claims.timestamp);
  return time;
}

/** Throws SignatureDoesNotMatch unless the request is signed with `secret`; no clock, store or key status involved. */
export function verifySignature(input: AuthInput, claims: SignedClaims, secret: string): void {
  if (claims.version === 'v1') verifyV1(input, claims, secret);
  else verifyV3(input, claims, secret);
}

/**
 * Accepts a request or throws the GatewayError Alibaba would answer with. Checks that need no secret come first,
 * and a key's status is only revealed to a caller who proved they hold its secret.
 */
export async function authenticate(options: AuthOptions, input: AuthInput): Promise<AuthResult> {
  const claims = readClaims(input);
  const now = options.clock.now();
  const maxSkewMs = options.maxSkewMs ?? DEFAULT_MAX_SKEW_MS;
  const requestTime = checkTimestamp(claims, now, maxSkewMs);
  if (claims.securityToken) throw gatewayErrors.stsNotSupported();
  if (claims.nonce.length > MAX_NONCE_LENGTH) {
    throw gatewayErrors.invalidParameter(claims.version === 'v1' ? 'SignatureNonce' : 'x-acs-signature-nonce', `is longer than ${MAX_NONCE_LENGTH} characters`);
  }
  const key = await options.lookupKey(claims.accessKeyId);
  if (key === undefined) throw gatewayErrors.accessKeyNotFound();
  verifySignature(input, claims, key.secret);
  if (!key.active) throw gatewayErrors.accessKeyInactive();
  const expiresAt = requestTime + maxSkewMs + NONCE_MARGIN_MS;
  if (!(await options.claimNonce(claims.accessKeyId, claims.nonce, now, expiresAt))) throw gatewayErrors.nonceUsed();
  return { accessKeyId: claims.accessKeyId, accountId: key.accountId, signatureVersion: claims.version, nonce: claims.nonce };
}
