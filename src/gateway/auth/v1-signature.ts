/** The V1 "RPC signature" (SignatureVersion 1.0, HMAC-SHA1), protocol.md §2.1, as pure functions. */
import { createHmac } from 'node:crypto';
import type { Pair } from '../request.js';
import { joinEncodedPairs, sortedPairs } from './canonical-pairs.js';
import { percentEncode } from './percent-encode.js';

/** `k=v&k=v` of every decoded parameter except Signature, sorted by name, both sides percent-encoded. */
export function canonicalizedQueryV1(pairs: readonly Pair[]): string {
  return joinEncodedPairs(sortedPairs(pairs, 'Signature'));
}

/** `METHOD&%2F&percentEncode(canonicalized)`; RPC paths are always `/`, so the path is not an input. */
export function stringToSignV1(method: string, pairs: readonly Pair[]): string {
  return method + '&%2F&' + percentEncode(canonicalizedQueryV1(pairs));
}

/** base64(HMAC-SHA1(secret + '&', stringToSign)); the trailing '&' in the key is part of Alibaba's algorithm. */
export function signV1(stringToSign: string, secret: string): string {
  return createHmac('sha1', secret + '&').update(stringToSign, 'utf8').digest('base64');
}
