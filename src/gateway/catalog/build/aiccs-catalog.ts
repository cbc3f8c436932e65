/** aiccs 2019-10-15 ActionSpecs: the 20 specified APIs, then every other API the seed or the SDK names. */
import type { ActionSpec, ParamSpec, ParamType } from '../types.js';
import { HIDDEN_SDK_PARAMS, methodList, oneLine, sdkActionSpec, sdkParamSpec, sdkStringResponseFields } from './sdk-model.js';
import type { AiccsCatalog, AiccsCatalogApi, OpenApiSchema, SdkApi, SdkModel } from './spec-files.js';

const VERSION = '2019-10-15';

/** Success codes pop-core accepts; any other Code on a 200 makes it throw. */
const POP_CORE_SUCCESS = new Set(['200', 'OK', 'Success', 'success']);

/** Catalog actions first, then the directory's other names, then SDK-only actions. */
export function aiccsSpecs(catalog: AiccsCatalog, sdk: SdkModel): ActionSpec[] {
  const specs = Object.entries(catalog.apis).map(([action, api]) => aiccsCatalogSpec(action, api, sdk.apis[action]));
  const known = new Set(specs.map((s) => s.action));
  const named = catalog.directories.flatMap((d) => d.children);
  for (const action of [...named, ...Object.keys(sdk.apis)]) {
    if (known.has(action)) continue;
    known.add(action);
    const sdkApi = sdk.apis[action];
    specs.push(sdkApi ? sdkActionSpec('aiccs', VERSION, sdkApi) : directorySpec(action));
  }
  return specs;
}

/** An action the seed only names and no SDK model describes: routable, not specified. */
function directorySpec(action: string): ActionSpec {
  return { product: 'aiccs', version: VERSION, action, source: 'directory', methods: methodList('GET', 'POST'), params: [] };
}

function aiccsCatalogSpec(action: string, api: AiccsCatalogApi, sdkApi: SdkApi | undefined): ActionSpec {
  const methods = methodList(...(api.methods ?? []), ...(sdkApi ? [sdkApi.method] : []));
  const spec: ActionSpec = { product: 'aiccs', version: VERSION, action, source: 'catalog', methods: methods.length > 0 ? methods : methodList('GET', 'POST'), params: [] };
  spec.successCode = successCodeOf(api);
  const stringFields = aiccsStringFields(api, sdkApi);
  if (stringFields.length > 0) spec.stringFields = stringFields;
  const summary = oneLine(api.summary ?? api.title);
  if (summary) spec.summary = summary;
  spec.params = aiccsParams(api, sdkApi);
  return spec;
}

/**
 * The example's Code. LlmSmartCallEncrypt's example says "ok", which pop-core would treat as an
 * error, so lower-case spellings become "OK"; the truncated GetHotlineServiceStatistics gets "OK".
 */
function successCodeOf(api: AiccsCatalogApi): string {
  try {
    const demos = JSON.parse(api.responseDemo ?? '[]') as { example?: string }[];
    const code: unknown = (JSON.parse(demos[0]?.example ?? '{}') as Record<string, unknown>)['Code'];
    if (typeof code === 'string' && POP_CORE_SUCCESS.has(code)) return code;
    if (typeof code === 'string' && code.toUpperCase() === 'OK') return 'OK';
  } catch {
    // The truncated entry has no parseable example; fall through to the product's convention.
  }
  return 'OK';
}

function aiccsStringFields(api: AiccsCatalogApi, sdkApi: SdkApi | undefined): string[] {
  if (!sdkApi) return [];
  const modelStrings = sdkStringResponseFields(sdkApi);
  const props = api.responses?.['200']?.schema?.properties ?? {};
  return Object.entries(props)
    .filter(([name, schema]) => modelStrings.has(name) && ['object', 'array', 'boolean'].includes(schema.type))
    .map(([name]) => name);
}

function aiccsParams(api: AiccsCatalogApi, sdkApi: SdkApi | undefined): ParamSpec[] {
  const params = (api.parameters ?? []).map((p) => openApiParam(p.name, p.schema, p.style));
  if (!sdkApi) return params;
  const sdkParams = new Map(sdkApi.params.map((p) => [p.name ?? '', p]));
  for (const param of params) {
    if (param.required && sdkParams.has(param.name) && sdkParams.get(param.name)?.required !== true) param.required = false;
  }
  const documented = new Set(params.map((p) => p.name));
  for (const p of sdkApi.params) {
    const name = p.name ?? '';
    if (documented.has(name) || HIDDEN_SDK_PARAMS.has(name)) continue;
    params.push({ ...sdkParamSpec(p), description: 'Sent by the SDK; not in the doc.' });
  }
  return params;
}

/** One parameter (or array item / object member) from its OpenAPI schema. */
export function openApiParam(name: string, schema: OpenApiSchema, style?: string): ParamSpec {
  const spec: ParamSpec = { name, type: openApiType(schema), required: schema.required === true };
  if (schema.enum) spec.enum = schema.enum.map(String);
  spec.min = numberOf(schema.minimum);
  spec.max = numberOf(schema.maximum);
  spec.minLength = numberOf(schema.minLength);
  spec.maxLength = numberOf(schema.maxLength);
  if (spec.minLength !== undefined || spec.maxLength !== undefined) spec.lengthUnit = 'chars';
  if (schema.items) spec.items = openApiParam('', schema.items);
  if (schema.properties) spec.fields = Object.entries(schema.properties).map(([n, s]) => openApiParam(n, s));
  if ((spec.type === 'Array' || spec.type === 'Object') && (style === 'json' || style === 'simple')) spec.shrink = style;
  const description = oneLine(schema.title ?? schema.description);
  if (description) spec.description = description;
  return spec;
}

/** The seed writes limits as strings ("32"); undefined when absent. */
function numberOf(value: number | string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`aiccs catalog: limit "${value}" is not a number`);
  return n;
}

function openApiType(schema: OpenApiSchema): ParamType {
  switch (schema.type) {
    case 'string':
      return 'String';
    case 'integer':
      return schema.format === 'int64' ? 'Long' : 'Integer';
    case 'number':
      return 'Number';
    case 'boolean':
      return 'Boolean';
    case 'array':
      return 'Array';
    case 'object':
      return 'Object';
    default:
      throw new Error(`aiccs catalog: unsupported schema type ${schema.type}`);
  }
}
