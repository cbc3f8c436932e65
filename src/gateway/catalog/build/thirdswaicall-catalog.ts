/** thirdswaicall 2025-11-27 ActionSpecs: the two documented APIs and the three of the SDK. */
import type { ActionSpec, ParamSpec, ParamType } from '../types.js';
import { methodList, oneLine, sdkActionSpec } from './sdk-model.js';
import type { SdkModel, ThirdsCatalogApi } from './spec-files.js';

const VERSION = '2025-11-27';

/** Protocol parameters the catalog lists among the business ones. */
const SYSTEM_PARAMS = new Set(['Action', 'Version']);

/**
 * Catalog APIs, then the SDK's. No successCode: this product answers `Code` empty on success and
 * signals it with `Success: true`.
 */
export function thirdswaicallSpecs(apis: readonly ThirdsCatalogApi[], sdk: SdkModel): ActionSpec[] {
  const specs = apis.map(catalogSpec);
  const known = new Set(specs.map((s) => s.action));
  for (const api of Object.values(sdk.apis)) {
    if (!known.has(api.action)) specs.push(sdkActionSpec('thirdswaicall', VERSION, api));
  }
  return specs;
}

function catalogSpec(api: ThirdsCatalogApi): ActionSpec {
  // The doc's sample POSTs; GET is accepted too because pop-core's RPC client defaults to it.
  const spec: ActionSpec = { product: 'thirdswaicall', version: VERSION, action: api.action, source: 'catalog', methods: methodList('GET', 'POST'), params: [] };
  const summary = oneLine(api.summary);
  if (summary) spec.summary = summary;
  spec.params = api.params.filter((p) => !SYSTEM_PARAMS.has(p.name)).map(catalogParam);
  return spec;
}

/** A "JSON array string" param (UpdateOutboundCallTags.Tags) becomes an Array, so `Tags.1` works as well. */
function catalogParam(p: ThirdsCatalogApi['params'][number]): ParamSpec {
  const jsonArray = p.encoding === 'JSON array string';
  const spec: ParamSpec = { name: p.name, type: jsonArray ? 'Array' : catalogType(p.type), required: p.required };
  if (jsonArray) {
    spec.items = { name: '', type: 'String', required: false };
    spec.shrink = 'json';
  }
  const description = oneLine(p.description);
  if (description) spec.description = description;
  return spec;
}

function catalogType(type: string): ParamType {
  if (type === 'String' || type === 'Boolean' || type === 'Number') return type;
  throw new Error(`thirdswaicall catalog: unsupported parameter type ${type}`);
}
