// The client side of the gateway benchmark: V3 (ACS3-HMAC-SHA256) signing written independently of src/, so a
// signing bug in the server cannot be mirrored by the load generator and go unnoticed.
import { createHash, createHmac, randomUUID } from 'node:crypto';

/** sha256 of an empty body, what @alicloud/openapi-client sends in x-acs-content-sha256 for a body-less POST. */
export const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');

/** The signed header names, sorted, exactly the set openapi-client signs for an RPC call without a body. */
const SIGNED = ['host', 'x-acs-action', 'x-acs-content-sha256', 'x-acs-credentials-provider', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-version'];
const SIGNED_TEXT = SIGNED.join(';');

/** `2026-11-22T09:57:52Z`: ISO 8601 UTC without milliseconds, as openapi-util's getTimestamp writes it. */
export function acsDate(now = new Date()) {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** 32 lower-case hex characters, the shape of the SDK's nonce; unique per call. */
export function newNonce() {
  return randomUUID().replaceAll('-', '');
}

/** RFC 3986 encoding as Alibaba's signers apply it (encodeURIComponent plus !'()* escaped). */
function acsEncode(text) {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/** The canonical (sorted, encoded) query string of `query` ({ name: value }); '' for none. */
export function canonicalQuery(query = {}) {
  return Object.keys(query)
    .sort()
    .map((name) => `${acsEncode(name)}=${acsEncode(String(query[name]))}`)
    .join('&');
}

/**
 * Headers of one signed `POST /` RPC request, in the order openapi-client writes them (captured in
 * test/fixtures/vectors/openapi-client-01-*.json). `call` = { host, action, version, accessKeyId, secret }; the
 * action's parameters, when any, travel in the query string whose canonical form is `query` (see canonicalQuery).
 */
export function signedRpcHeaders(call, date = acsDate(), nonce = newNonce(), query = '') {
  const headers = {
    host: call.host,
    'x-acs-version': call.version,
    'x-acs-action': call.action,
    'user-agent': 'AlibabaCloud (linux; x64) Node.js/v22 Core/1.0.8 TeaDSL/2',
    'x-acs-date': date,
    'x-acs-signature-nonce': nonce,
    accept: 'application/json',
    'x-acs-content-sha256': EMPTY_SHA256,
    'x-acs-credentials-provider': 'static_ak',
  };
  let canonicalHeaders = '';
  for (const name of SIGNED) canonicalHeaders += `${name}:${headers[name].trim()}\n`;
  // method, path, canonical query (empty), canonical headers (own trailing newline), signed names, payload hash.
  const canonicalRequest = `POST\n/\n${query}\n${canonicalHeaders}\n${SIGNED_TEXT}\n${EMPTY_SHA256}`;
  const stringToSign = 'ACS3-HMAC-SHA256\n' + createHash('sha256').update(canonicalRequest, 'utf8').digest('hex');
  const signature = createHmac('sha256', call.secret).update(stringToSign, 'utf8').digest('hex');
  headers.authorization = `ACS3-HMAC-SHA256 Credential=${call.accessKeyId},SignedHeaders=${SIGNED_TEXT},Signature=${signature}`;
  headers['content-length'] = '0';
  return headers;
}
