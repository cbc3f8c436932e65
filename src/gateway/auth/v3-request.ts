/** Reading and verifying the V3 (ACS3-HMAC-SHA256) signature of one request (protocol.md §2.2). */
import { gatewayErrors } from '../errors.js';
import type { GatewayRequest } from '../request.js';
import type { AuthInput, V3Claims } from './claims.js';
import { presentsSecurityToken, type CommonParams } from './common-params.js';
import { safeEqual } from './safe-equal.js';
import {
  V3_ALGORITHM,
  canonicalHeadersV3,
  canonicalQueryV3,
  canonicalRequestV3,
  hashPayloadV3,
  parseAuthorizationV3,
  signV3,
  stringToSignV3,
  type CanonicalRequestParts,
} from './v3-signature.js';

/** Headers whose absence from SignedHeaders would let a man in the middle change what the request means. */
const MUST_BE_SIGNED = ['host', 'x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256'];

function requiredHeader(headers: Readonly<Record<string, string>>, name: string): string {
  const value = headers[name];
  if (typeof value !== 'string' || value === '') throw gatewayErrors.incompleteSignature(`the ${name} header is required.`);
  return value;
}

function checkSignedHeaders(headers: Readonly<Record<string, string>>, signed: readonly string[]): void {
  for (const name of MUST_BE_SIGNED) {
    if (!signed.includes(name)) throw gatewayErrors.incompleteSignature(`SignedHeaders must include ${name}.`);
  }
  // Alibaba requires every common header to be signed; an unsigned x-acs-* header could be altered in transit.
  for (const name in headers) {
    if (name.startsWith('x-acs-') && !signed.includes(name)) {
      throw gatewayErrors.incompleteSignature(`SignedHeaders must include ${name}, which the request carries.`);
    }
  }
}

/** Checks the algorithm, the Authorization syntax, the required headers and what SignedHeaders covers. */
export function readV3Claims(req: GatewayRequest, authorization: string, params: CommonParams): V3Claims {
  const space = authorization.indexOf(' ');
  const algorithm = space < 0 ? authorization : authorization.slice(0, space);
  if (algorithm !== V3_ALGORITHM) throw gatewayErrors.signatureMethod(algorithm);
  const parsed = parseAuthorizationV3(authorization);
  const headers = req.headers;
  const timestamp = requiredHeader(headers, 'x-acs-date');
  const nonce = requiredHeader(headers, 'x-acs-signature-nonce');
  const contentSha256 = requiredHeader(headers, 'x-acs-content-sha256');
  checkSignedHeaders(headers, parsed.signedHeaders);
  return {
    version: 'v3',
    accessKeyId: parsed.accessKeyId,
    timestampName: 'x-acs-date',
    timestamp,
    nonce,
    securityToken: presentsSecurityToken(headers, params),
    authorization: parsed,
    contentSha256,
  };
}

/**
 * Throws SignatureDoesNotMatch, carrying the server's string to sign, unless the body hash and the signature are
 * right. The hash is recomputed rather than trusted: the signature only covers the header that claims it.
 */
export function verifyV3(input: AuthInput, claims: V3Claims, secret: string): void {
  const { req, queryPairs } = input;
  const auth = claims.authorization;
  const parts: CanonicalRequestParts = {
    method: req.method,
    path: req.path,
    canonicalQuery: canonicalQueryV3(queryPairs),
    canonicalHeaders: canonicalHeadersV3(req.headers, auth.signedHeaders),
    signedHeadersText: auth.signedHeadersText,
    payloadHash: hashPayloadV3(req.body),
  };
  const stringToSign = stringToSignV3(canonicalRequestV3(parts));
  if (parts.payloadHash !== claims.contentSha256) throw gatewayErrors.signatureMismatch(stringToSign);
  if (safeEqual(signV3(stringToSign, secret), auth.signature)) return;
  // Alibaba's Python core writes an empty query value as `k` instead of `k=`; give such requests a second chance.
  if (queryPairs.some((pair) => pair[1] === '')) {
    parts.canonicalQuery = canonicalQueryV3(queryPairs, true);
    if (safeEqual(signV3(stringToSignV3(canonicalRequestV3(parts)), secret), auth.signature)) return;
  }
  throw gatewayErrors.signatureMismatch(stringToSign);
}
