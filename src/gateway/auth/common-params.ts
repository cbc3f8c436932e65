/** The common (system) parameters of Alibaba RPC requests that authentication reads. */
import type { Pair } from '../request.js';

/** First value of each common parameter, query before form body; undefined when absent. */
export interface CommonParams {
  Signature?: string;
  SignatureMethod?: string;
  SignatureVersion?: string;
  AccessKeyId?: string;
  Timestamp?: string;
  SignatureNonce?: string;
  SecurityToken?: string;
}

function collectInto(params: CommonParams, pairs: readonly Pair[]): void {
  for (const [name, value] of pairs) {
    switch (name) {
      case 'Signature':
      case 'SignatureMethod':
      case 'SignatureVersion':
      case 'AccessKeyId':
      case 'Timestamp':
      case 'SignatureNonce':
      case 'SecurityToken':
        params[name] ??= value;
    }
  }
}

/** One pass over both parameter lists, so each request is scanned once however many fields are checked. */
export function collectCommonParams(queryPairs: readonly Pair[], formPairs: readonly Pair[]): CommonParams {
  const params: CommonParams = {};
  collectInto(params, queryPairs);
  collectInto(params, formPairs);
  return params;
}

/** An STS token came as the x-acs-security-token header or the SecurityToken parameter; empty values do not count. */
export function presentsSecurityToken(headers: Readonly<Record<string, string>>, params: CommonParams): boolean {
  const header = headers['x-acs-security-token'];
  return (typeof header === 'string' && header !== '') || (params.SecurityToken !== undefined && params.SecurityToken !== '');
}
