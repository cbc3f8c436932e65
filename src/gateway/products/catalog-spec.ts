/** The specs of the Alibaba actions waihu builds: the generated ones, so validation stays the catalog's. */
import { generatedActionSpecs } from '../catalog/catalog.js';
import type { ActionSpec, ParamSpec } from '../catalog/types.js';

/**
 * The generated spec of `product`'s action; throws (at startup, when the handlers are built) if the catalog lacks
 * it. `extensions` appends waihu's own optional parameters; each must be new, so no catalog rule is ever replaced.
 */
export function catalogSpec(product: string, action: string, extensions: readonly ParamSpec[] = []): ActionSpec {
  const spec = generatedActionSpecs().find((s) => s.product === product && s.action === action);
  if (!spec) throw new Error(`${product} ${action}: no generated spec; rerun npx tsx scripts/gen-catalog.ts`);
  if (extensions.length === 0) return spec;
  for (const ext of extensions) {
    if (ext.required) throw new Error(`${product} ${action}: extension ${ext.name} must be optional`);
    if (spec.params.some((p) => p.name === ext.name)) throw new Error(`${product} ${action}: extension ${ext.name} is already a catalog parameter`);
  }
  return { ...spec, params: [...spec.params, ...extensions] };
}
