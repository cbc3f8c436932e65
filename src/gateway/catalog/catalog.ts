/** The action catalog: every action the gateway routes, from the generated spec data and from code. */
import { aiccsActions } from './generated/aiccs.js';
import { dyvmsapiActions } from './generated/dyvmsapi.js';
import { thirdswaicallActions } from './generated/thirdswaicall.js';
import { PRODUCTS, productByHost, productByVersion, productInfo, type ProductInfo } from './products.js';
import type { ActionSpec, ProductName } from './types.js';

/** Specs derived from the spec catalogs and SDK models (scripts/gen-catalog.ts), all three Alibaba products. */
export function generatedActionSpecs(): readonly ActionSpec[] {
  return [...dyvmsapiActions, ...aiccsActions, ...thirdswaicallActions];
}

/**
 * Looks actions up by product and name. Built from lists of specs; a later list replaces an
 * earlier list's spec of the same action, so code can refine a generated spec
 * (`new ActionCatalog(generatedActionSpecs(), waihuSpecs, refinedSpecs)`). Specs are treated as immutable.
 */
export class ActionCatalog {
  private readonly exact = new Map<string, ActionSpec>();
  private readonly folded = new Map<string, ActionSpec | null>();
  private readonly byProduct = new Map<ProductName, ActionSpec[]>();

  constructor(...specLists: readonly (readonly ActionSpec[])[]) {
    for (const list of specLists) this.addList(list);
    for (const spec of this.exact.values()) this.index(spec);
    for (const list of this.byProduct.values()) list.sort((a, b) => (a.action < b.action ? -1 : a.action > b.action ? 1 : 0));
  }

  /** Every product with its version and endpoint. */
  products(): readonly ProductInfo[] {
    return PRODUCTS;
  }

  /** The product that owns an API version, or undefined. */
  productByVersion(version: string): ProductName | undefined {
    return productByVersion(version)?.name;
  }

  /** The product an `*.aliyuncs.com` host names (port and case ignored), or undefined. */
  productByHost(host: string): ProductName | undefined {
    return productByHost(host)?.name;
  }

  /** The API version of a product. */
  versionOf(product: ProductName): string {
    const info = productInfo(product);
    if (!info) throw new Error(`ActionCatalog: unknown product "${product}"`);
    return info.version;
  }

  /** The Alibaba endpoint of a product (used as HostId in errors); undefined for waihu. */
  endpointOf(product: ProductName): string | undefined {
    return productInfo(product)?.host;
  }

  /**
   * The spec of an action. The name is matched exactly first; then case-insensitively, because
   * pop-core capitalises the Action parameter while a V3 header keeps the caller's spelling.
   * A case-insensitive name that two actions share finds neither.
   */
  findAction(product: ProductName, action: string): ActionSpec | undefined {
    return this.exact.get(key(product, action)) ?? this.folded.get(key(product, action.toLowerCase())) ?? undefined;
  }

  /** All actions of a product, sorted by name. */
  listActions(product: ProductName): readonly ActionSpec[] {
    return this.byProduct.get(product) ?? [];
  }

  private addList(list: readonly ActionSpec[]): void {
    const seen = new Set<string>();
    for (const spec of list) {
      const info = productInfo(spec.product);
      if (!info) throw new Error(`ActionCatalog: unknown product "${spec.product}" for action ${spec.action}`);
      if (spec.version !== info.version) {
        throw new Error(`ActionCatalog: ${spec.product} ${spec.action} has version ${spec.version}; the product's is ${info.version}`);
      }
      const k = key(spec.product, spec.action);
      if (seen.has(k)) throw new Error(`ActionCatalog: ${spec.product} ${spec.action} is declared twice in one list`);
      seen.add(k);
      this.exact.set(k, spec);
    }
  }

  private index(spec: ActionSpec): void {
    const k = key(spec.product, spec.action.toLowerCase());
    this.folded.set(k, this.folded.has(k) ? null : spec);
    const list = this.byProduct.get(spec.product) ?? [];
    list.push(spec);
    this.byProduct.set(spec.product, list);
  }
}

function key(product: string, action: string): string {
  return `${product}\u0000${action}`;
}
