/** What a signed request says about itself, read before anything about it is verified. */
import type { GatewayRequest, Pair } from '../request.js';
import type { V3Authorization } from './v3-signature.js';

/** One request as authentication sees it. */
export interface AuthInput {
  req: GatewayRequest;
  /** Decoded query pairs, in arrival order. */
  queryPairs: readonly Pair[];
  /** Decoded form body pairs; [] when the body is not application/x-www-form-urlencoded. */
  formPairs: readonly Pair[];
}

/** The fields both signature versions carry, under their version's names. */
export interface BaseClaims {
  accessKeyId: string;
  nonce: string;
  /** Where the timestamp came from (`Timestamp` or `x-acs-date`), so errors name what the caller sent. */
  timestampName: string;
  timestamp: string;
  /** The caller presented an STS token. */
  securityToken: boolean;
}

/** A V1 request's claims: the signature travels as a parameter. */
export interface V1Claims extends BaseClaims {
  version: 'v1';
  signature: string;
}

/** A V3 request's claims: the signature travels in the Authorization header, the body as its hash. */
export interface V3Claims extends BaseClaims {
  version: 'v3';
  authorization: V3Authorization;
  contentSha256: string;
}

/** Claims of either signature version. */
export type SignedClaims = V1Claims | V3Claims;
