/** Splits a request into the parameter lists the signature check and validation need. */
import type { GatewayRequest, Pair } from '../request.js';
import { gatewayErrors } from '../errors.js';
import { decodeForm } from './form.js';
import { jsonBodyToPairs } from './flatten.js';

/** Parameters of one request, by where they travelled. */
export interface RequestParams {
  queryPairs: Pair[];
  /** Pairs of an application/x-www-form-urlencoded body (these take part in V1 signatures). */
  formPairs: Pair[];
  /** Pairs flattened from an application/json body. */
  jsonPairs: Pair[];
}

/** Signature and protocol parameters of V1 requests; never business input. */
export const SYSTEM_PARAMS: ReadonlySet<string> = new Set([
  'Action', 'Version', 'Format', 'AccessKeyId', 'Signature', 'SignatureMethod', 'SignatureVersion',
  'SignatureNonce', 'SignatureType', 'Timestamp', 'SecurityToken', 'RegionId',
]);

/** Decodes query, form body and JSON body. A JSON body that does not parse is a clear 400. */
export function extractParams(req: GatewayRequest): RequestParams {
  const queryPairs = decodeForm(req.rawQuery);
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (req.body.length === 0) return { queryPairs, formPairs: [], jsonPairs: [] };
  if (type.startsWith('application/x-www-form-urlencoded')) {
    return { queryPairs, formPairs: decodeForm(req.body.toString('utf8')), jsonPairs: [] };
  }
  if (type.startsWith('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(req.body.toString('utf8'));
    } catch {
      throw gatewayErrors.invalidParameter('body', 'the request body is not valid JSON');
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw gatewayErrors.invalidParameter('body', 'a JSON request body must be an object of parameters');
    }
    return { queryPairs, formPairs: [], jsonPairs: jsonBodyToPairs(parsed as Record<string, unknown>) };
  }
  return { queryPairs, formPairs: [], jsonPairs: [] };
}

/** First value of a parameter in the query or form body (V1 system params may be in either). */
export function firstParam(params: RequestParams, name: string): string | undefined {
  for (const list of [params.queryPairs, params.formPairs]) {
    for (const [k, v] of list) if (k === name) return v;
  }
  return undefined;
}

/**
 * Business parameters: query, then form body, then JSON body. V1 requests carry their signature
 * parameters among them, which are dropped; V3 requests sign in headers, so nothing is dropped.
 */
export function businessPairs(params: RequestParams, v1: boolean): Pair[] {
  const lists = [params.queryPairs, params.formPairs, params.jsonPairs];
  if (!v1) return lists.flat();
  const out: Pair[] = [];
  for (const list of lists) {
    for (const pair of list) if (!SYSTEM_PARAMS.has(pair[0])) out.push(pair);
  }
  return out;
}
