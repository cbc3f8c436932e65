/**
 * Coercion of Array and Object parameters, which arrive flattened (`X.1.Sub`), as one JSON string
 * (the SDKs' "shrink" form) or, for aiccs `simple` style, comma-joined.
 */
import type { ParamSpec } from '../catalog/types.js';
import { gatewayErrors } from '../errors.js';
import { indexedChildren, isIndexMap, nodeToPlain, type ParamNode } from './flatten.js';
import { parseJsonNode } from './flatten-json.js';
import type { Coercer } from './validate-scalars.js';

/** Compiles a param spec into a coercer that also enforces `required` (passed in to avoid an import cycle). */
export type CompileParam = (spec: ParamSpec) => (node: ParamNode | undefined, path: string) => unknown;

const STRING_ITEM: ParamSpec = { name: '', type: 'String', required: false };

/** The coercer of an Array: elements in index order, each coerced by `items`; empty means "not given". */
export function compileArray(spec: ParamSpec, compile: CompileParam): Coercer {
  const item = compile({ ...(spec.items ?? STRING_ITEM), required: false });
  return (node, path) => {
    const children = arrayChildren(node, path, spec);
    if (!children || children.size === 0) return undefined;
    if (!isIndexMap(children)) {
      const bad = [...children.keys()].find((k) => !/^[1-9]\d*$/.test(k)) ?? '';
      throw gatewayErrors.invalidParameter(`${path}.${bad}`, `is not an element index; elements are ${path}.1, ${path}.2, …`);
    }
    return indexedChildren(children).map(([index, child]) => {
      const value = item(child, `${path}.${index}`);
      if (value === undefined) throw gatewayErrors.invalidParameter(`${path}.${index}`, 'must not be empty');
      return value;
    });
  };
}

function arrayChildren(node: ParamNode, path: string, spec: ParamSpec): ReadonlyMap<string, ParamNode> | undefined {
  if (node.children && node.children.size > 0) {
    checkSingleForm(node, path);
    if (node.json !== undefined && !node.list) throw gatewayErrors.invalidParameter(path, 'must be an array');
    return node.children;
  }
  const text = node.value;
  if (text === undefined || text === '') return undefined;
  if (spec.shrink === 'simple' && !text.trimStart().startsWith('[')) return commaList(text);
  const parsed = parseOrThrow(text, path);
  if (parsed.json === 'null') return undefined;
  if (!parsed.list) throw gatewayErrors.invalidParameter(path, 'must be a JSON array');
  return parsed.children;
}

/** `1,2,3` as index children (aiccs `simple` style). */
function commaList(text: string): Map<string, ParamNode> {
  return new Map(text.split(',').map((part, i) => [String(i + 1), { value: part.trim() }]));
}

/** The coercer of an Object: declared members coerced (others dropped), or any map when no members are declared. */
export function compileObject(spec: ParamSpec, compile: CompileParam): Coercer {
  if (!spec.fields) return freeFormObject;
  const fields = spec.fields.map((f) => ({ name: f.name, coerce: compile(f) }));
  return (node, path) => {
    const children = objectChildren(node, path);
    if (!children || children.size === 0) return undefined;
    const out: Record<string, unknown> = {};
    for (const field of fields) {
      const value = field.coerce(children.get(field.name), `${path}.${field.name}`);
      if (value !== undefined) out[field.name] = value;
    }
    return out;
  };
}

function objectChildren(node: ParamNode, path: string): ReadonlyMap<string, ParamNode> | undefined {
  if (node.children && node.children.size > 0) {
    checkSingleForm(node, path);
    if (node.list) throw gatewayErrors.invalidParameter(path, 'must be an object');
    return node.children;
  }
  const text = node.value;
  if (text === undefined || text === '') return undefined;
  const parsed = parseOrThrow(text, path);
  if (parsed.json === 'null') return undefined;
  if (parsed.list || parsed.children === undefined) throw gatewayErrors.invalidParameter(path, 'must be a JSON object');
  return parsed.children;
}

/** A free-form map (`Variables`, `BizParam`): plain values from `X.k` keys, or the JSON object as parsed. */
function freeFormObject(node: ParamNode, path: string): unknown {
  if (node.children && node.children.size > 0) {
    checkSingleForm(node, path);
    if (node.list) throw gatewayErrors.invalidParameter(path, 'must be an object');
    if (node.json !== undefined) return JSON.parse(node.json);
    const out: Record<string, unknown> = {};
    for (const [k, child] of node.children) out[k] = nodeToPlain(child);
    return out;
  }
  const text = node.value;
  if (text === undefined || text === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw gatewayErrors.invalidParameter(path, 'is not valid JSON');
  }
  if (parsed === null) return undefined;
  if (typeof parsed !== 'object' || Array.isArray(parsed)) throw gatewayErrors.invalidParameter(path, 'must be a JSON object');
  return parsed;
}

/** Rejects `X=…` together with `X.1…` keys: which one was meant cannot be told. */
function checkSingleForm(node: ParamNode, path: string): void {
  if (node.value !== undefined && node.json === undefined) {
    throw gatewayErrors.invalidParameter(path, `is given both as one value and as ${path}.… keys; send one form`);
  }
}

function parseOrThrow(text: string, path: string): ParamNode {
  const parsed = parseJsonNode(text);
  if (!parsed) throw gatewayErrors.invalidParameter(path, 'is not valid JSON');
  return parsed;
}
