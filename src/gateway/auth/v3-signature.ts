/** The V3 signature (ACS3-HMAC-SHA256), protocol.md §2.2, as pure functions. */
import { createHash, createHmac } from 'node:crypto';
import { gatewayErrors } from '../errors.js';
import type { Pair } from '../request.js';
import { joinEncodedPairs, sortedPairs } from './canonical-pairs.js';

/** The only V3 algorithm waihu verifies. */
export const V3_ALGORITHM = 'ACS3-HMAC-SHA256';

/** sha256 of an empty body, the value every body-less request carries in x-acs-content-sha256. */
export const EMPTY_PAYLOAD_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** The parts of `Authorization: ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…`. */
export interface V3Authorization {
  algorithm: string;
  accessKeyId: string;
  /** Header names in the order received; the canonical headers follow this list, never a fixed one. */
  signedHeaders: readonly string[];
  /** The SignedHeaders text exactly as received; it is a line of the canonical request. */
  signedHeadersText: string;
  signature: string;
}

/** Splits the Authorization header; anything that is not exactly the three known fields is IncompleteSignature. */
export function parseAuthorizationV3(value: string): V3Authorization {
  const space = value.indexOf(' ');
  if (space <= 0) throw gatewayErrors.incompleteSignature('the Authorization header has no credentials after the algorithm.');
  const fields: Record<'Credential' | 'SignedHeaders' | 'Signature', string | undefined> = {
    Credential: undefined,
    SignedHeaders: undefined,
    Signature: undefined,
  };
  for (const raw of value.slice(space + 1).split(',')) {
    const part = raw.trim();
    const eq = part.indexOf('=');
    const name = part.slice(0, eq);
    if (eq <= 0 || (name !== 'Credential' && name !== 'SignedHeaders' && name !== 'Signature')) {
      throw gatewayErrors.incompleteSignature(`unexpected "${part}" in the Authorization header.`);
    }
    if (fields[name] !== undefined) throw gatewayErrors.incompleteSignature(`${name} appears twice in the Authorization header.`);
    fields[name] = part.slice(eq + 1);
  }
  const { Credential, SignedHeaders, Signature } = fields;
  if (!Credential || !SignedHeaders || !Signature) {
    throw gatewayErrors.incompleteSignature('the Authorization header needs Credential, SignedHeaders and Signature.');
  }
  const signedHeaders = SignedHeaders.split(';');
  if (signedHeaders.includes('')) throw gatewayErrors.incompleteSignature('SignedHeaders has an empty header name.');
  return { algorithm: value.slice(0, space), accessKeyId: Credential, signedHeaders, signedHeadersText: SignedHeaders, signature: Signature };
}

/**
 * Decoded query pairs sorted and re-encoded (step 4). Never the raw query: the SDKs leave `*()!'` raw on the wire
 * but encode them when signing. `bareEmpty` gives the Python core's form of empty values (`k` instead of `k=`).
 */
export function canonicalQueryV3(pairs: readonly Pair[], bareEmpty = false): string {
  return joinEncodedPairs(sortedPairs(pairs), bareEmpty);
}

/** `name:trimmed value\n` for each signed header, in the order SignedHeaders lists them (step 5). */
export function canonicalHeadersV3(headers: Readonly<Record<string, string>>, signedHeaders: readonly string[]): string {
  let out = '';
  for (const name of signedHeaders) {
    // typeof guards names such as "constructor" that a plain object would answer from its prototype.
    const value = headers[name];
    out += name + ':' + (typeof value === 'string' ? value.trim() : '') + '\n';
  }
  return out;
}

/** The inputs of a canonical request, each already in canonical form. */
export interface CanonicalRequestParts {
  method: string;
  path: string;
  canonicalQuery: string;
  canonicalHeaders: string;
  signedHeadersText: string;
  payloadHash: string;
}

/** Joins the six parts with newlines; canonicalHeaders ends with its own newline, hence the blank line (step 6). */
export function canonicalRequestV3(p: CanonicalRequestParts): string {
  const path = p.path === '' ? '/' : p.path;
  return `${p.method}\n${path}\n${p.canonicalQuery}\n${p.canonicalHeaders}\n${p.signedHeadersText}\n${p.payloadHash}`;
}

/** `ACS3-HMAC-SHA256\n` + hex sha256 of the canonical request (step 7). */
export function stringToSignV3(canonicalRequest: string): string {
  return V3_ALGORITHM + '\n' + createHash('sha256').update(canonicalRequest, 'utf8').digest('hex');
}

/** Lower-case hex HMAC-SHA256 keyed with the secret itself, no '&' unlike V1 (step 8). */
export function signV3(stringToSign: string, secret: string): string {
  return createHmac('sha256', secret).update(stringToSign, 'utf8').digest('hex');
}

/** Lower-case hex sha256 of the exact body bytes as received. */
export function hashPayloadV3(body: Buffer): string {
  return body.length === 0 ? EMPTY_PAYLOAD_SHA256 : createHash('sha256').update(body).digest('hex');
}
