/**
 * Every official client in every signature flavour, behind one shape, so an error case can be run through all of
 * them and each can be held to what its vectors say it does with an error response.
 */
import { openApiClient, openApiCore, popCore, type KeyPair } from './sdk-clients.js';
import { assertOpenApiClientError, assertOpenApiCoreError, assertPopCoreError, type Expected, type SdkError } from './sdk-errors.js';

/** Where the server (or a proxy in front of it) listens. */
export interface Target {
  /** `127.0.0.1:PORT` */
  host: string;
  /** `http://127.0.0.1:PORT` */
  url: string;
}

/** One API call, independent of the client that sends it. */
export interface ProbeCall {
  version: string;
  action: string;
  params?: Record<string, unknown>;
}

/** A client flavour: how it sends a call and what its errors must look like. */
export interface Probe {
  name: string;
  signature: 'v1' | 'v3';
  method: 'GET' | 'POST';
  call(target: Target, key: KeyPair, call: ProbeCall, securityToken?: string): Promise<Record<string, unknown>>;
  /** Asserts the client's error shape for `expected`; returns the parsed error body. */
  check(err: SdkError, expected: Expected, target: Target): Record<string, unknown>;
}

function coreKind(status: number): 'ClientError' | 'ServerError' {
  return status >= 500 ? 'ServerError' : 'ClientError';
}

function teaProbe(name: string, core: boolean, v1: boolean): Probe {
  const make = core ? openApiCore : openApiClient;
  return {
    name,
    signature: v1 ? 'v1' : 'v3',
    method: 'POST',
    call: async (target, key, call, securityToken) => {
      const options = { v1, ...(securityToken ? { securityToken } : {}) };
      return (await make(target.host, key, options).call({ ...call, where: 'query', method: 'POST' })).body;
    },
    check: (err, expected) =>
      core
        ? assertOpenApiCoreError(err, { ...expected, kind: expected.code.includes('Throttling') ? 'ThrottlingError' : coreKind(expected.status) })
        : assertOpenApiClientError(err, expected),
  };
}

function popProbe(method: 'GET' | 'POST'): Probe {
  return {
    name: `pop-core RPCClient ${method}`,
    signature: 'v1',
    method,
    call: (target, key, call, securityToken) => popCore(target.url, call.version, key, securityToken).request(call.action, call.params, method),
    check: (err, expected, target) => assertPopCoreError(err, expected, `${target.url}/`),
  };
}

/** Data of a success body as a plain object (pop-core's json-bigint parser builds null-prototype objects). */
export function dataOf(body: Record<string, unknown>): Record<string, unknown> {
  const data = body.Data;
  return data && typeof data === 'object' ? { ...data } : {};
}

/** openapi-client and openapi-core with V3 and V1 signatures, and pop-core with POST and GET. */
export const PROBES: readonly Probe[] = [
  teaProbe('openapi-client V3', false, false),
  teaProbe('openapi-client V1', false, true),
  teaProbe('openapi-core V3', true, false),
  teaProbe('openapi-core V1', true, true),
  popProbe('POST'),
  popProbe('GET'),
];
