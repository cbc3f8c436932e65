/**
 * JSON text ("shrink" params such as `CallDay=["MONDAY"]`) parsed into the same ParamNode tree
 * the flattened form builds, so both forms validate through one path.
 */
import type { ParamNode } from './flatten.js';

/** The reviver context of JSON.parse source text access (Node 21+); absent for objects and arrays. */
interface ReviverContext {
  source?: string;
}

/**
 * Parses JSON into nodes, or returns undefined when the text is not JSON. Numbers keep their
 * source digits (`12345678901234567890` stays exact) because the reviver sees the literal text.
 */
export function parseJsonNode(text: string): ParamNode | undefined {
  try {
    return JSON.parse(text, reviveNode) as ParamNode;
  } catch {
    return undefined;
  }
}

// JSON.parse calls the reviver bottom-up, so members of an array or object are already nodes.
function reviveNode(this: unknown, _key: string, value: unknown, context?: ReviverContext): ParamNode {
  if (value === null) return { json: 'null' };
  if (Array.isArray(value)) return listNode(value as ParamNode[]);
  switch (typeof value) {
    case 'object':
      return objectNode(value as Record<string, ParamNode>);
    case 'string':
      return { value, json: context?.source ?? JSON.stringify(value) };
    default: {
      // number or boolean: the literal as written, so long integers keep every digit.
      const source = context?.source ?? String(value);
      return { value: source, json: source };
    }
  }
}

function listNode(items: readonly ParamNode[]): ParamNode {
  const children = new Map<string, ParamNode>();
  items.forEach((item, i) => children.set(String(i + 1), item));
  return { children, list: true, json: `[${items.map((n) => n.json).join(',')}]` };
}

function objectNode(members: Readonly<Record<string, ParamNode>>): ParamNode {
  const children = new Map<string, ParamNode>(Object.entries(members));
  const json = [...children].map(([k, n]) => `${JSON.stringify(k)}:${n.json ?? 'null'}`).join(',');
  return { children, json: `{${json}}` };
}
