/** Which product and action a request is for, and which format it wants back. */
import type { ActionCatalog } from './catalog/catalog.js';
import type { ActionSpec, ProductName } from './catalog/types.js';
import { gatewayErrors } from './errors.js';
import { firstParam, type RequestParams } from './params/extract.js';
import type { GatewayRequest } from './request.js';

/** Response body formats. */
export type ResponseFormat = 'JSON' | 'XML';

/** The outcome of routing: what to run and how to answer. */
export interface Route {
  spec: ActionSpec;
  format: ResponseFormat;
}

/** True when the request is signed the V3 way (Authorization header), which carries Action/Version in headers. */
export function isV3(req: GatewayRequest): boolean {
  return (req.headers['authorization'] ?? '').startsWith('ACS3-');
}

/**
 * V1 reads Format (default XML, as the dyvms doc says); V3 answers JSON unless Format=XML is given.
 * Decided before anything can fail, so even early errors come back in the format the caller reads.
 */
export function responseFormat(req: GatewayRequest, params: RequestParams): ResponseFormat {
  const format = firstParam(params, 'Format');
  if (format === undefined || format === '') return isV3(req) ? 'JSON' : 'XML';
  const upper = format.toUpperCase();
  return upper === 'XML' ? 'XML' : 'JSON';
}

/** Checks that Format, when given, is JSON or XML. */
export function checkFormat(params: RequestParams): void {
  const format = firstParam(params, 'Format');
  if (format !== undefined && format !== '' && !/^(json|xml)$/i.test(format)) throw gatewayErrors.formatInvalid(format);
}

/** Finds the action: Action/Version from the x-acs headers (V3) or from the parameters (V1). */
export function resolveAction(catalog: ActionCatalog, req: GatewayRequest, params: RequestParams): ActionSpec {
  const v3 = isV3(req);
  // pop-core capitalises the Action parameter but not the header, so V1 routes on the parameter.
  const action = (v3 ? req.headers['x-acs-action'] : firstParam(params, 'Action')) ?? firstParam(params, 'Action') ?? req.headers['x-acs-action'];
  const host = req.headers['host'] ?? '';
  // Without a version, a host such as aiccs.aliyuncs.com still names the product (and so its one version).
  const named = catalog.productByHost(host);
  const version = (v3 ? req.headers['x-acs-version'] : firstParam(params, 'Version')) ?? req.headers['x-acs-version'] ?? (named && catalog.versionOf(named));
  if (!version) throw gatewayErrors.missingParameter('Version');
  if (!action) throw gatewayErrors.missingParameter('Action');
  const product = productFor(catalog, version, host);
  const spec = catalog.findAction(product, action);
  if (!spec) throw gatewayErrors.invalidApi(action, version);
  if (!spec.methods.includes(req.method)) throw gatewayErrors.unsupportedHttpMethod(req.method);
  return spec;
}

function productFor(catalog: ActionCatalog, version: string, host: string): ProductName {
  const byVersion = catalog.productByVersion(version);
  if (byVersion) return byVersion;
  // An unknown version sent to a host that names a product we do not serve: say the product is unknown.
  const hostName = host.replace(/:\d+$/, '').toLowerCase();
  if (hostName.endsWith('.aliyuncs.com') && !catalog.productByHost(hostName)) throw gatewayErrors.invalidProduct(hostName);
  throw gatewayErrors.noSuchVersion(version);
}

