/**
 * The little of XML the XLSX reader needs: elements by local name, attributes and text. In the browser the
 * document comes from DOMParser; where there is none (Node, for the unit tests) from a small tag scanner that is
 * enough for the machine-written XML of a spreadsheet (no DTDs). Both give the same XNode tree.
 */

export interface XNode {
  /** The local name (`sheetData` for `x:sheetData`). */
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  /** Text directly inside this element (not in children). */
  text: string;
}

/** The parts of the DOM used here, declared locally so this file also compiles without the DOM library. */
interface DomElement {
  localName: string;
  attributes: ArrayLike<{ localName: string; value: string }>;
  childNodes: ArrayLike<{ nodeType: number; nodeValue: string | null }>;
}
interface DomParserLike {
  parseFromString(text: string, type: string): { documentElement: DomElement; getElementsByTagName(n: string): ArrayLike<unknown> };
}

function fromDom(el: DomElement): XNode {
  const attrs: Record<string, string> = {};
  for (const a of Array.from(el.attributes)) attrs[a.localName] = a.value;
  const children: XNode[] = [];
  let text = '';
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType === 1) children.push(fromDom(child as unknown as DomElement));
    else if (child.nodeType === 3 || child.nodeType === 4) text += child.nodeValue ?? '';
  }
  return { name: el.localName, attrs, children, text };
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return ENTITIES[ref] ?? whole;
  });
}

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

/** The fallback: scans tags and text in order, keeping a stack of open elements. */
export function parseXmlLite(xml: string): XNode {
  const root: XNode = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XNode[] = [root];
  const token = /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  const attr = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (const m of xml.matchAll(token)) {
    const top = stack[stack.length - 1]!;
    if (m[1] !== undefined) top.text += m[1];
    else if (m[6] !== undefined) top.text += decodeEntities(m[6]);
    else if (m[3] !== undefined) {
      if (m[2] === '/') {
        if (stack.length > 1) stack.pop();
        continue;
      }
      const attrs: Record<string, string> = {};
      for (const a of (m[4] ?? '').matchAll(attr)) attrs[localName(a[1]!)] = decodeEntities(a[2] ?? a[3] ?? '');
      const node: XNode = { name: localName(m[3]), attrs, children: [], text: '' };
      top.children.push(node);
      if (m[5] !== '/') stack.push(node);
    }
  }
  const element = root.children[0];
  if (!element) throw new Error('not an XML document');
  return element;
}

/** The document element of `xml`, through DOMParser when the platform has one. */
export function parseXml(xml: string): XNode {
  const Parser = (globalThis as { DOMParser?: new () => DomParserLike }).DOMParser;
  if (!Parser) return parseXmlLite(xml);
  const doc = new Parser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) throw new Error('the XML is not well formed');
  return fromDom(doc.documentElement);
}

/** Child elements named `name`. */
export function childrenNamed(node: XNode, name: string): XNode[] {
  return node.children.filter((c) => c.name === name);
}

/** Every descendant named `name`, in document order. */
export function descendants(node: XNode, name: string, out: XNode[] = []): XNode[] {
  for (const c of node.children) {
    if (c.name === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}
