/** dyvmsapi 2017-05-25 ActionSpecs from the catalog (seed 003), reconciled with the SDK model. */
import type { ActionSpec, ParamSpec, ParamType } from '../types.js';
import { HIDDEN_SDK_PARAMS, methodList, oneLine, sdkParamSpec, sdkStringResponseFields } from './sdk-model.js';
import type { DyvmsCatalogApi, DyvmsCatalogParam, SdkApi, SdkModel } from './spec-files.js';

const VERSION = '2017-05-25';

/** Protocol parameters the catalog lists among the business ones. */
const SYSTEM_PARAMS = new Set(['Action', 'Version', 'Format', 'AccessKeyId', 'Signature', 'SignatureMethod', 'SignatureVersion', 'SignatureNonce', 'Timestamp', 'SecurityToken', 'RegionId']);

/** Documented value lists that are not complete enough to reject other values (docs/catalog-choices.md). */
const ENUM_AS_HINT: Readonly<Record<string, string>> = {
  'SmartCall.TtsStyle': 'documented voices',
  'QueryRobotTaskCallList.CallResult': 'documented values (the doc omits 200003)',
};

/** The 39 catalog actions; `required` follows the SDK where the two disagree. */
export function dyvmsCatalogSpecs(apis: readonly DyvmsCatalogApi[], sdk: SdkModel): ActionSpec[] {
  return apis.map((api) => dyvmsActionSpec(api, sdk.apis[api.action]));
}

function dyvmsActionSpec(api: DyvmsCatalogApi, sdkApi: SdkApi | undefined): ActionSpec {
  const spec: ActionSpec = { product: 'dyvmsapi', version: VERSION, action: api.action, source: 'catalog', methods: methodList('GET', 'POST'), params: [] };
  const qps = qpsOf(api);
  if (qps) spec.qps = qps;
  const code = api.responseExampleJson?.['Code'];
  if (typeof code === 'string' || typeof code === 'number') spec.successCode = String(code);
  const stringFields = dyvmsStringFields(api, sdkApi);
  if (stringFields.length > 0) spec.stringFields = stringFields;
  const summary = oneLine(api.summary);
  if (summary) spec.summary = summary;
  spec.params = dyvmsParams(api, sdkApi);
  return spec;
}

function qpsOf(api: DyvmsCatalogApi): ActionSpec['qps'] {
  const qps: NonNullable<ActionSpec['qps']> = {};
  if (typeof api.qps?.perUser === 'number') qps.perUser = api.qps.perUser;
  if (typeof api.qps?.api === 'number') qps.api = api.qps.api;
  return qps.perUser === undefined && qps.api === undefined ? undefined : qps;
}

/**
 * Response fields to JSON-encode: the example holds an object, array or boolean where the SDK
 * model (or, for the actions the SDK dropped, the doc's own table) says string.
 */
function dyvmsStringFields(api: DyvmsCatalogApi, sdkApi: SdkApi | undefined): string[] {
  const modelStrings = sdkApi
    ? sdkStringResponseFields(sdkApi)
    : new Set((api.response ?? []).filter((f) => f.type === 'String').map((f) => f.name));
  return Object.entries(api.responseExampleJson ?? {})
    .filter(([name, value]) => modelStrings.has(name) && value !== null && (typeof value === 'object' || typeof value === 'boolean'))
    .map(([name]) => name);
}

/** Doc params (repeat lists grouped), required relaxed to the SDK's, then the SDK-only params. */
function dyvmsParams(api: DyvmsCatalogApi, sdkApi: SdkApi | undefined): ParamSpec[] {
  const params = groupRepeatLists(api.action, api.params.filter((p) => !SYSTEM_PARAMS.has(p.name)));
  if (!sdkApi) return params;
  const sdkParams = new Map(sdkApi.params.map((p) => [p.name ?? '', p]));
  for (const param of params) {
    // A real client omits these (e.g. CalledShowNumber in public mode), so the SDK's optional wins.
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

/** Turns `MenuKeyMap.N.Key`, `MenuKeyMap.N.Code`, … into one Array param of Objects, at the first entry's place. */
function groupRepeatLists(action: string, params: readonly DyvmsCatalogParam[]): ParamSpec[] {
  const out: ParamSpec[] = [];
  const lists = new Map<string, ParamSpec>();
  for (const p of params) {
    const m = /^([A-Za-z0-9_]+)\.N\.([A-Za-z0-9_]+)$/.exec(p.name);
    if (!m) {
      out.push(dyvmsParam(action, p, p.name));
      continue;
    }
    const [, listName = '', fieldName = ''] = m;
    let list = lists.get(listName);
    if (!list) {
      list = { name: listName, type: 'Array', required: false, items: { name: '', type: 'Object', required: false, fields: [] } };
      lists.set(listName, list);
      out.push(list);
    }
    const field = dyvmsParam(action, p, fieldName);
    list.items?.fields?.push(field);
    if (field.required) list.required = true;
  }
  return out;
}

function dyvmsParam(action: string, p: DyvmsCatalogParam, name: string): ParamSpec {
  const type = catalogType(p.type);
  const spec: ParamSpec = { name, type, required: p.required };
  if (p.enum && type !== 'Boolean') applyEnum(spec, action, p);
  if (p.range) Object.assign(spec, parseRange(p.range));
  if (p.lengthBytes) Object.assign(spec, parseLengthRange(p.lengthBytes), { lengthUnit: 'bytes' });
  if (p.lengthChars) Object.assign(spec, parseLengthRange(p.lengthChars), { lengthUnit: 'chars' });
  if (p.format) spec.format = p.format;
  const description = oneLine(p.description);
  if (description) spec.description = description;
  return spec;
}

/** Enforces a value list, except for comma-separated lists and lists the doc leaves open (kept as a hint). */
function applyEnum(spec: ParamSpec, action: string, p: DyvmsCatalogParam): void {
  const values = (p.enum ?? []).map((e) => String(e.value));
  const hint = ENUM_AS_HINT[`${action}.${p.name}`];
  if (hint) spec.format = `${hint}: ${values.join(', ')}`;
  else if (/separated by (ASCII )?commas/i.test(p.description ?? '')) spec.format = `comma-separated; each one of ${values.join(', ')}`;
  else spec.enum = values;
}

function catalogType(type: string): ParamType {
  if (type === 'String' || type === 'Integer' || type === 'Long' || type === 'Boolean') return type;
  throw new Error(`dyvmsapi catalog: unsupported parameter type ${type}`);
}

/** Parses a documented numeric range: `1~3`, `-500~500`, `>1` (an integer above 1, so at least 2). */
export function parseRange(text: string): { min?: number; max?: number } {
  const both = /^(-?\d+)\s*~\s*(-?\d+)$/.exec(text.trim());
  if (both) return { min: Number(both[1]), max: Number(both[2]) };
  const above = /^>\s*(-?\d+)$/.exec(text.trim());
  if (above) return { min: Number(above[1]) + 1 };
  const atLeast = /^>=\s*(-?\d+)$/.exec(text.trim());
  if (atLeast) return { min: Number(atLeast[1]) };
  throw new Error(`dyvmsapi catalog: cannot parse range "${text}"`);
}

/** Parses a documented length range such as `1~15`. */
export function parseLengthRange(text: string): { minLength: number; maxLength: number } {
  const m = /^(\d+)\s*~\s*(\d+)$/.exec(text.trim());
  if (!m) throw new Error(`dyvmsapi catalog: cannot parse length "${text}"`);
  return { minLength: Number(m[1]), maxLength: Number(m[2]) };
}
