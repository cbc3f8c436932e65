/**
 * XML bodies in Alibaba's style: `<ActionResponse>` root, one element per field, arrays as the
 * field's element repeated (`<Data>…</Data><Data>…</Data>`), errors under `<Error>`.
 */

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

function elementName(key: string): string {
  // Field names come from our own response models, but guard anyway: XML names cannot start with a digit.
  const cleaned = key.replace(/[^A-Za-z0-9_.-]/g, '_');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
}

function writeValue(name: string, value: unknown, out: string[]): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    for (const item of value) writeValue(name, item, out);
    return;
  }
  const tag = elementName(name);
  if (typeof value === 'object') {
    out.push(`<${tag}>`);
    for (const [k, v] of Object.entries(value)) writeValue(k, v, out);
    out.push(`</${tag}>`);
    return;
  }
  out.push(`<${tag}>${escapeText(String(value))}</${tag}>`);
}

/** Serializes a response object under the given root element. */
export function toXml(root: string, body: Record<string, unknown>): string {
  const out: string[] = [XML_DECLARATION];
  writeValue(root, body, out);
  return out.join('');
}
