/** The four products the gateway serves: API versions and the Alibaba hosts SDKs default to. */
import type { ProductName } from './types.js';

/** One product: its single API version and, for the Alibaba faces, the SDKs' default endpoint. */
export interface ProductInfo {
  readonly name: ProductName;
  readonly version: string;
  /** The `*.aliyuncs.com` endpoint the official SDKs use; waihu's own product has none. */
  readonly host?: string;
}

/** Every product, in a fixed order (docs and listings follow it). */
export const PRODUCTS: readonly ProductInfo[] = Object.freeze([
  Object.freeze({ name: 'dyvmsapi', version: '2017-05-25', host: 'dyvmsapi.aliyuncs.com' }),
  Object.freeze({ name: 'aiccs', version: '2019-10-15', host: 'aiccs.aliyuncs.com' }),
  Object.freeze({ name: 'thirdswaicall', version: '2025-11-27', host: 'thirdswaicall.aliyuncs.com' }),
  Object.freeze({ name: 'waihu', version: '2026-12-01' }),
] satisfies ProductInfo[]);

/** The product of a name, or undefined for a name waihu does not serve. */
export function productInfo(name: string): ProductInfo | undefined {
  return PRODUCTS.find((p) => p.name === name);
}

/** The product whose API version this is; versions are unique across the four products. */
export function productByVersion(version: string): ProductInfo | undefined {
  return PRODUCTS.find((p) => p.version === version);
}

/**
 * The product an Alibaba host names: `dyvmsapi.aliyuncs.com`, and also regional or VPC forms such
 * as `aiccs.cn-shanghai.aliyuncs.com` or `aiccs-vpc.cn-shanghai.aliyuncs.com`, which SDK users
 * configure by hand. A port and letter case are ignored; any other host gives undefined.
 */
export function productByHost(host: string): ProductInfo | undefined {
  const name = host.replace(/:\d+$/, '').replace(/\.$/, '').toLowerCase();
  if (!name.endsWith('.aliyuncs.com')) return undefined;
  const first = name.slice(0, name.indexOf('.')).replace(/-vpc$/, '');
  return PRODUCTS.find((p) => p.host !== undefined && p.name === first);
}
