/** Reading and verifying the V1 signature of one request (protocol.md §2.1). */
import { gatewayErrors } from '../errors.js';
import type { GatewayRequest, Pair } from '../request.js';
import type { AuthInput, V1Claims } from './claims.js';
import { presentsSecurityToken, type CommonParams } from './common-params.js';
import { safeEqual } from './safe-equal.js';
import { signV1, stringToSignV1 } from './v1-signature.js';

function required(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw gatewayErrors.missingParameter(name);
  return value;
}

/** Checks the algorithm, then that every field V1 needs is there; throws the first problem found. */
export function readV1Claims(req: GatewayRequest, params: CommonParams): V1Claims {
  const method = required(params.SignatureMethod, 'SignatureMethod');
  // Alibaba's own examples write Hmac-SHA1, so the method name is compared case-insensitively.
  if (method.toUpperCase() !== 'HMAC-SHA1') throw gatewayErrors.signatureMethod(method);
  const version = required(params.SignatureVersion, 'SignatureVersion');
  if (version !== '1.0') throw gatewayErrors.incompleteSignature(`SignatureVersion "${version}" is not supported; use 1.0.`);
  return {
    version: 'v1',
    accessKeyId: required(params.AccessKeyId, 'AccessKeyId'),
    timestampName: 'Timestamp',
    timestamp: required(params.Timestamp, 'Timestamp'),
    nonce: required(params.SignatureNonce, 'SignatureNonce'),
    securityToken: presentsSecurityToken(req.headers, params),
    signature: params.Signature ?? '',
  };
}

/** Query and form parameters are signed together; most requests carry only one of them, which needs no copy. */
function allParams(queryPairs: readonly Pair[], formPairs: readonly Pair[]): readonly Pair[] {
  if (formPairs.length === 0) return queryPairs;
  if (queryPairs.length === 0) return formPairs;
  return queryPairs.concat(formPairs);
}

/** Throws SignatureDoesNotMatch, carrying the server's string to sign, unless the V1 signature is right. */
export function verifyV1(input: AuthInput, claims: V1Claims, secret: string): void {
  const stringToSign = stringToSignV1(input.req.method, allParams(input.queryPairs, input.formPairs));
  if (!safeEqual(signV1(stringToSign, secret), claims.signature)) throw gatewayErrors.signatureMismatch(stringToSign);
}
