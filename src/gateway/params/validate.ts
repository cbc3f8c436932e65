/** Validation of an action's business parameters against its ActionSpec, with coercion to typed values. */
import type { ActionSpec, ParamSpec } from '../catalog/types.js';
import { gatewayErrors } from '../errors.js';
import { buildParamTree, type ParamNode } from './flatten.js';
import { compileScalar, type Coercer } from './validate-scalars.js';
import { compileArray, compileObject } from './validate-structures.js';

/** A compiled param: coerces its node and enforces `required`; the path names it in errors. */
type ParamCoercer = (node: ParamNode | undefined, path: string) => unknown;

interface CompiledAction {
  names: ReadonlySet<string>;
  params: readonly { name: string; coerce: ParamCoercer }[];
}

// Specs are immutable once in a catalog, so their compiled form is kept for as long as the spec lives.
const compiledActions = new WeakMap<ActionSpec, CompiledAction>();

/**
 * Coerces and validates every declared parameter of `spec` from the merged request pairs (query,
 * then body: a later pair of the same name wins). Undeclared parameters (OwnerId, …) are ignored.
 * Values: String → string, Integer/Number → number, Long → decimal string, Boolean → boolean,
 * Array → array, Object → object. Params not given are absent from the result.
 * Throws `Missing<Name>` or `InvalidParameter` GatewayErrors naming the wire path (`MenuKeyMap.2.Key`).
 */
export function validateParams(spec: ActionSpec, pairs: readonly (readonly [string, string])[]): Record<string, unknown> {
  const action = compiledFor(spec);
  const tree = buildParamTree(pairs, (name) => action.names.has(name));
  const out: Record<string, unknown> = {};
  for (const param of action.params) {
    const value = param.coerce(tree.get(param.name), param.name);
    if (value !== undefined) out[param.name] = value;
  }
  return out;
}

function compiledFor(spec: ActionSpec): CompiledAction {
  let action = compiledActions.get(spec);
  if (!action) {
    action = {
      names: new Set(spec.params.map((p) => p.name)),
      params: spec.params.map((p) => ({ name: p.name, coerce: compileParam(p) })),
    };
    compiledActions.set(spec, action);
  }
  return action;
}

/** Compiles one param spec (recursively for items and fields). Empty input for a required param is missing. */
export function compileParam(spec: ParamSpec): ParamCoercer {
  const coerce = compileType(spec);
  return (node, path) => {
    const value = node === undefined ? undefined : coerce(node, path);
    if (value === undefined && spec.required) throw gatewayErrors.missingParameter(path);
    return value;
  };
}

function compileType(spec: ParamSpec): Coercer {
  if (spec.type === 'Array') return compileArray(spec, compileParam);
  if (spec.type === 'Object') return compileObject(spec, compileParam);
  return compileScalar(spec);
}
