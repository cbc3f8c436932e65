/**
 * The three official Alibaba clients, configured the way a user points them at waihu: only the endpoint changes.
 * Each is wrapped behind one small call shape so a test can run the same request through every client.
 */
import OpenApiClientModule from '@alicloud/openapi-client';
import OpenApiCoreModule from '@alicloud/openapi-core';
import RPCClient from '@alicloud/pop-core';
import { RuntimeOptions } from '@alicloud/tea-util';

const OpenApiClient = OpenApiClientModule.default;
const OpenApiCore = OpenApiCoreModule.default;

/** The waihu product's own version, where GetCallerIdentity and the AccessKey actions live. */
export const WAIHU = '2026-12-01';
/** dyvmsapi's version. */
export const DYVMS = '2017-05-25';

/** An AccessKey pair as CreateAccessKey and ensureDefaultAccount return it. */
export interface KeyPair {
  AccessKeyId: string;
  AccessKeySecret: string;
}

/** How a tea client (openapi-client or openapi-core) is set up. */
export interface TeaClientOptions {
  /** Sign with V1 (HMAC-SHA1) via doRPCRequest: the SDKs' `signatureAlgorithm: 'v2'`. Default: V3. */
  v1?: boolean;
  /** STS token sent with the request (x-acs-security-token / SecurityToken). */
  securityToken?: string;
}

/** Where callApi puts the business parameters. */
export type ParamLocation = 'query' | 'form' | 'json';

/** One API call. */
export interface ApiCall {
  version: string;
  action: string;
  params?: Record<string, unknown>;
  /** Default 'query'. V1 (doRPCRequest) always sends a body as a form, whatever reqBodyType says. */
  where?: ParamLocation;
  /** Default 'POST'. */
  method?: 'GET' | 'POST';
}

/** What callApi returns for bodyType 'json'. */
export interface ApiResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/** A tea-style client reduced to one method. */
export interface ApiCaller {
  call(call: ApiCall): Promise<ApiResponse>;
}

function teaConfig(host: string, key: KeyPair, options: TeaClientOptions): Record<string, unknown> {
  return {
    accessKeyId: key.AccessKeyId,
    accessKeySecret: key.AccessKeySecret,
    endpoint: host,
    protocol: 'HTTP',
    readTimeout: 10_000,
    connectTimeout: 5_000,
    ...(options.securityToken ? { securityToken: options.securityToken } : {}),
    ...(options.v1 ? { signatureAlgorithm: 'v2' } : {}),
  };
}

/** Flattens like OpenApiUtil.query: nested objects and arrays become dotted names, values strings. */
export function flatQuery(params: Record<string, unknown>): Record<string, string> {
  return OpenApiCoreModule.OpenApiUtil.query(params);
}

function paramsAndRequest(call: ApiCall): { params: Record<string, unknown>; request: Record<string, unknown> } {
  const where = call.where ?? 'query';
  const params = {
    action: call.action, version: call.version, protocol: 'HTTP', pathname: '/', method: call.method ?? 'POST',
    authType: 'AK', style: 'RPC', bodyType: 'json', reqBodyType: where === 'json' ? 'json' : 'formData',
  };
  const business = call.params ?? {};
  const request = where === 'query' ? { query: flatQuery(business) } : { body: business };
  return { params, request };
}

/** `@alicloud/openapi-client` (the legacy tea core) pointed at `host` (`127.0.0.1:PORT`). */
export function openApiClient(host: string, key: KeyPair, options: TeaClientOptions = {}): ApiCaller {
  const client = new OpenApiClient(new OpenApiClientModule.Config(teaConfig(host, key, options)));
  return {
    call: async (call) => {
      const { params, request } = paramsAndRequest(call);
      const out = await client.callApi(
        new OpenApiClientModule.Params(params),
        new OpenApiClientModule.OpenApiRequest(request),
        new RuntimeOptions({}),
      );
      return out as ApiResponse;
    },
  };
}

/** `@alicloud/openapi-core`, the core every current generated product SDK calls into. */
export function openApiCore(host: string, key: KeyPair, options: TeaClientOptions = {}): ApiCaller {
  const client = new OpenApiCore(new OpenApiCoreModule.$OpenApiUtil.Config(teaConfig(host, key, options)));
  return {
    call: async (call) => {
      const { params, request } = paramsAndRequest(call);
      const out = await client.callApi(
        new OpenApiCoreModule.$OpenApiUtil.Params(params),
        new OpenApiCoreModule.$OpenApiUtil.OpenApiRequest(request),
        new RuntimeOptions({}),
      );
      return out as ApiResponse;
    },
  };
}

/** `@alicloud/pop-core` RPCClient (V1 only); returns the parsed body. */
export interface PopCaller {
  request(action: string, params?: Record<string, unknown>, method?: 'GET' | 'POST'): Promise<Record<string, unknown>>;
}

/** A pop-core RPCClient for one API version, pointed at `url` (`http://127.0.0.1:PORT`). */
export function popCore(url: string, version: string, key: KeyPair, securityToken?: string): PopCaller {
  const client = new RPCClient({
    endpoint: url,
    apiVersion: version,
    accessKeyId: key.AccessKeyId,
    accessKeySecret: key.AccessKeySecret,
    ...(securityToken ? { securityToken } : {}),
  });
  return {
    // pop-core sends GET unless opts.method is exactly 'POST'; an empty opts is its documented default.
    request: (action, params = {}, method) => client.request<Record<string, unknown>>(action, params, method ? { method } : {}),
  };
}

/** One way a tea client can send a call: signature version, HTTP method and where the parameters go. */
export interface TeaVariant {
  label: string;
  v1: boolean;
  method: 'GET' | 'POST';
  where: ParamLocation;
}

/**
 * Every combination the SDKs produce: V3 (default) and V1 (`signatureAlgorithm: 'v2'`), GET and POST, params in
 * the query, a form body or a JSON body. V1 has no JSON body (doRPCRequest always sends a body as a form).
 */
export const TEA_VARIANTS: readonly TeaVariant[] = [
  { label: 'V3 POST, params in the query', v1: false, method: 'POST', where: 'query' },
  { label: 'V3 GET, params in the query', v1: false, method: 'GET', where: 'query' },
  { label: 'V3 POST, params in a form body', v1: false, method: 'POST', where: 'form' },
  { label: 'V3 POST, params in a JSON body', v1: false, method: 'POST', where: 'json' },
  { label: 'V1 POST, params in the query', v1: true, method: 'POST', where: 'query' },
  { label: 'V1 GET, params in the query', v1: true, method: 'GET', where: 'query' },
  { label: 'V1 POST, params in a form body', v1: true, method: 'POST', where: 'form' },
];
