/**
 * The inverse of the SDKs' flattening (protocol.md §1.6): `Tags.1.Key=k1` back to nested values,
 * and a JSON body down to the same flat pairs, so query, form and JSON input share one form.
 */
import type { Pair } from '../request.js';

/**
 * One name of the flattened parameter space: the value sent under exactly this name and/or the
 * dotted sub-keys below it (`Tags` has children `1`, `2`; `Tags.1` has `Key`, `Value`).
 */
export interface ParamNode {
  /** The value sent under exactly this name. */
  value?: string;
  /** Sub-keys in arrival order. */
  children?: Map<string, ParamNode>;
  /** Set on nodes parsed from JSON text: their JSON, re-serialised with numbers kept digit for digit. */
  json?: string;
  /** Set on nodes parsed from a JSON array (children are then `1`, `2`, …). */
  list?: boolean;
}

/**
 * Builds the tree of the given pairs. When a name occurs twice the later value wins, so callers
 * pass query pairs before body pairs and the body overrides (the SDKs never send both).
 * `accept` filters by top-level name, letting validation skip parameters it does not declare.
 */
export function buildParamTree(pairs: Iterable<Pair>, accept?: (topName: string) => boolean): Map<string, ParamNode> {
  const root = new Map<string, ParamNode>();
  for (const [name, value] of pairs) {
    const dot = name.indexOf('.');
    const top = dot < 0 ? name : name.slice(0, dot);
    if (accept && !accept(top)) continue;
    let node = child(root, top);
    if (dot >= 0) for (const segment of name.slice(dot + 1).split('.')) node = child((node.children ??= new Map()), segment);
    node.value = value;
  }
  return root;
}

function child(map: Map<string, ParamNode>, key: string): ParamNode {
  let node = map.get(key);
  if (!node) {
    node = {};
    map.set(key, node);
  }
  return node;
}

/** True when every key is a 1-based index (`1`, `2`, …), the SDKs' spelling of an array. */
export function isIndexMap(children: ReadonlyMap<string, ParamNode>): boolean {
  if (children.size === 0) return false;
  for (const k of children.keys()) if (!/^[1-9]\d*$/.test(k)) return false;
  return true;
}

/** Children of an index map ordered by index (gaps close up; the SDKs never leave any). */
export function indexedChildren(children: ReadonlyMap<string, ParamNode>): [string, ParamNode][] {
  return [...children.entries()].sort((a, b) => Number(a[0]) - Number(b[0]));
}

/**
 * Plain nested values of a node: index maps become arrays, other sub-keys objects, values strings;
 * a node parsed from JSON gives back that JSON (numbers as numbers). Where a name has both a
 * value and sub-keys, the sub-keys win: they are the SDKs' own form.
 */
export function nodeToPlain(node: ParamNode): unknown {
  if (node.json !== undefined) return JSON.parse(node.json);
  if (node.children && node.children.size > 0) {
    if (isIndexMap(node.children)) return indexedChildren(node.children).map(([, c]) => nodeToPlain(c));
    const out: Record<string, unknown> = {};
    for (const [k, c] of node.children) out[k] = nodeToPlain(c);
    return out;
  }
  return node.value;
}

/** Nested values from flat pairs: `Tags.1.Key=k1` → `{Tags: [{Key: 'k1'}]}`, `Obj.k=v` → `{Obj: {k: 'v'}}`. */
export function unflatten(pairs: Iterable<Pair>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, node] of buildParamTree(pairs)) out[name] = nodeToPlain(node);
  return out;
}

/**
 * Flattens a parsed JSON request body the way the SDKs flatten a query: numbers and booleans
 * become strings, arrays `Name.1`, objects `Name.Sub`, null and undefined are dropped, and an
 * empty array or object sends nothing. Numbers beyond 2^53 are already rounded by JSON.parse.
 */
export function jsonBodyToPairs(body: Readonly<Record<string, unknown>>): Pair[] {
  const out: Pair[] = [];
  for (const [name, value] of Object.entries(body)) flattenInto(out, name, value);
  return out;
}

function flattenInto(out: Pair[], name: string, value: unknown): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => flattenInto(out, `${name}.${i + 1}`, v));
  } else if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flattenInto(out, `${name}.${k}`, v);
  } else {
    out.push([name, String(value)]);
  }
}
