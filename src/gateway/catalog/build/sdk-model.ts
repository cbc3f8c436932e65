/** ActionSpecs from the official SDK models, for actions no catalog specifies (and SDK-only params). */
import type { ActionSpec, ParamSpec, ParamType, ProductName } from '../types.js';
import type { SdkApi, SdkParam } from './spec-files.js';

/** Parameters the SDKs send on most actions but no doc lists; the gateway ignores them. */
export const HIDDEN_SDK_PARAMS: ReadonlySet<string> = new Set(['OwnerId', 'ResourceOwnerAccount', 'ResourceOwnerId']);

/** Envelope fields of Alibaba responses; never structured, so never worth listing as string fields. */
const ENVELOPE = new Set(['RequestId', 'Code', 'Message', 'AccessDeniedDetail', 'HttpStatusCode']);

/** Upper-case, de-duplicated, sorted HTTP methods (sorted so the output is deterministic). */
export function methodList(...methods: string[]): string[] {
  return [...new Set(methods.map((m) => m.toUpperCase()))].sort();
}

/** The spec of one SDK parameter (also array items and object members, which carry no required flag). */
export function sdkParamSpec(p: SdkParam, name = p.name ?? ''): ParamSpec {
  const spec: ParamSpec = { name, type: sdkType(p), required: p.required === true };
  if (p.type === 'array' && p.items) spec.items = sdkParamSpec(p.items);
  if (p.type === 'object' && p.fields) spec.fields = p.fields.map((f) => sdkParamSpec(f));
  if (p.shrink && (p.shrinkStyle === 'json' || p.shrinkStyle === 'simple')) spec.shrink = p.shrinkStyle;
  return spec;
}

function sdkType(p: SdkParam): ParamType {
  switch (p.type) {
    case 'string':
      return 'String';
    case 'integer':
      return p.format === 'int64' ? 'Long' : 'Integer';
    case 'long':
      return 'Long';
    case 'number':
      return 'Number';
    case 'boolean':
      return 'Boolean';
    case 'array':
      return 'Array';
    case 'object':
    case 'map':
      return 'Object';
    default:
      // Fail loudly so a new model type is mapped on purpose rather than guessed.
      throw new Error(`sdk-model: parameter ${p.name ?? '(item)'} has unsupported type ${p.type}`);
  }
}

/** Top-level response fields the SDK model types as string. */
export function sdkStringResponseFields(api: SdkApi): Set<string> {
  return new Set((api.response.fields ?? []).filter((f) => f.type === 'string').map((f) => f.name));
}

/**
 * The spec of an action known only from its SDK model. With no doc example to compare against,
 * every non-envelope field the model types as string is listed, so a handler returning structure
 * there is still encoded the way the SDK can cast.
 */
export function sdkActionSpec(product: ProductName, version: string, api: SdkApi): ActionSpec {
  const stringFields = [...sdkStringResponseFields(api)].filter((f) => !ENVELOPE.has(f));
  return {
    product,
    version,
    action: api.action,
    source: 'sdk-model',
    methods: methodList(api.method, 'GET', 'POST'),
    params: api.params.filter((p) => !HIDDEN_SDK_PARAMS.has(p.name ?? '')).map((p) => sdkParamSpec(p)),
    ...(stringFields.length > 0 ? { stringFields } : {}),
  };
}

/**
 * One line of documentation: the first paragraph with markdown list markers, fences and emphasis
 * dropped (aiccs writes "取值:" followed by a list), at most about 160 characters.
 */
export function oneLine(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const lines = text.split('\n').map((l) => l.replace(/\*\*|`{3}\w*/g, '').replace(/^\s*-\s+/, '').trim());
  const line = lines.filter((l) => l !== '').join(' ');
  if (line === '') return undefined;
  const chars = [...line];
  if (chars.length <= 160) return line;
  const cut = chars.slice(0, 160).join('');
  const stop = cut.lastIndexOf('. ');
  return stop > 60 ? cut.slice(0, stop + 1) : `${cut}…`;
}
