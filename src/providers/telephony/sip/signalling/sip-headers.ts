/**
 * The header section of a SIP message (RFC 3261 §7.3): names are case-insensitive and have compact one-letter
 * forms, a header may appear on several lines, and list headers (Via, Contact, Route, ...) may also carry several
 * values on one line separated by commas. Lines are kept as received, in order, so a proxy-visible order such as
 * Via or Record-Route survives a parse/serialize round trip; reads split lists on demand.
 */

/** Compact forms (§7.3.3 and later RFCs) to full lower-case names. */
const COMPACT: Readonly<Record<string, string>> = {
  i: 'call-id', m: 'contact', e: 'content-encoding', l: 'content-length', c: 'content-type', f: 'from',
  s: 'subject', k: 'supported', t: 'to', v: 'via', o: 'event', r: 'refer-to', b: 'referred-by', u: 'allow-events',
  x: 'session-expires',
};

/** How well-known headers are spelled when written (the RFC's spelling; unknown names keep the sender's). */
const SPELLING: Readonly<Record<string, string>> = Object.fromEntries(
  ['Via', 'From', 'To', 'Call-ID', 'CSeq', 'Contact', 'Max-Forwards', 'Content-Length', 'Content-Type',
    'Content-Encoding', 'WWW-Authenticate', 'Proxy-Authenticate', 'Authorization', 'Proxy-Authorization', 'Route',
    'Record-Route', 'User-Agent', 'Server', 'Allow', 'Supported', 'Require', 'Proxy-Require', 'Unsupported',
    'Expires', 'Subject', 'Event', 'Refer-To', 'Referred-By', 'Allow-Events', 'Session-Expires', 'Reason',
    'Accept', 'P-Asserted-Identity', 'Retry-After', 'Warning', 'Date'].map((name) => [name.toLowerCase(), name]),
);

/** Headers whose values are comma-separated lists (§7.3.1); others, like WWW-Authenticate, contain commas. */
const LIST_HEADERS = new Set([
  'via', 'contact', 'route', 'record-route', 'allow', 'supported', 'require', 'proxy-require', 'unsupported',
  'accept', 'accept-encoding', 'accept-language', 'content-encoding', 'allow-events', 'in-reply-to',
]);

/** The full lower-case name of a header name in any case or compact form. */
export function headerKey(name: string): string {
  const lower = name.toLowerCase();
  return COMPACT[lower] ?? lower;
}

/** The name as written on the wire for a key: the RFC spelling when known. */
function spell(key: string, given: string): string {
  return SPELLING[key] ?? given;
}

/**
 * Splits a list value at top-level commas: commas inside quoted strings (display names) and angle brackets (URIs)
 * do not separate values. Empty items are dropped.
 */
export function splitHeaderList(value: string): string[] {
  const items: string[] = [];
  let start = 0;
  let quoted = false;
  let angle = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (quoted) {
      if (ch === '\\') i++;
      else if (ch === '"') quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === '<') angle = true;
    else if (ch === '>') angle = false;
    else if (ch === ',' && !angle) {
      items.push(value.slice(start, i).trim());
      start = i + 1;
    }
  }
  items.push(value.slice(start).trim());
  return items.filter((item) => item.length > 0);
}

/** One header line: the key it is looked up by, the name to write, and its value. */
interface HeaderLine {
  key: string;
  name: string;
  value: string;
}

/** An ordered, case-insensitive multimap of header lines. */
export class SipHeaders {
  private readonly lines: HeaderLine[] = [];

  /** Headers from [name, value] pairs, in order. */
  static of(pairs: Iterable<readonly [string, string | number]>): SipHeaders {
    const headers = new SipHeaders();
    for (const [name, value] of pairs) headers.append(name, value);
    return headers;
  }

  /** Adds a line after the existing ones (a repeated header keeps every line). */
  append(name: string, value: string | number): this {
    const key = headerKey(name);
    this.lines.push({ key, name: spell(key, name), value: String(value) });
    return this;
  }

  /** Adds a line before the others of the same name: how a UA or proxy pushes a new top Via. */
  prepend(name: string, value: string | number): this {
    const key = headerKey(name);
    const first = this.lines.findIndex((line) => line.key === key);
    const line = { key, name: spell(key, name), value: String(value) };
    if (first < 0) this.lines.push(line);
    else this.lines.splice(first, 0, line);
    return this;
  }

  /** Replaces every line of a header by one line, kept where the first one was. */
  set(name: string, value: string | number): this {
    const key = headerKey(name);
    const first = this.lines.findIndex((line) => line.key === key);
    if (first < 0) return this.append(name, value);
    this.lines[first] = { key, name: spell(key, name), value: String(value) };
    for (let i = this.lines.length - 1; i > first; i--) if (this.lines[i]!.key === key) this.lines.splice(i, 1);
    return this;
  }

  /** Removes every line of a header. */
  delete(name: string): this {
    const key = headerKey(name);
    for (let i = this.lines.length - 1; i >= 0; i--) if (this.lines[i]!.key === key) this.lines.splice(i, 1);
    return this;
  }

  /** True when the header appears at least once. */
  has(name: string): boolean {
    const key = headerKey(name);
    return this.lines.some((line) => line.key === key);
  }

  /** The first value: for a list header the first list item (the top Via), otherwise the first line. */
  get(name: string): string | undefined {
    return this.getAll(name)[0];
  }

  /** Every value in order; list headers are split at commas, so two Via lines and one "a, b" line read alike. */
  getAll(name: string): string[] {
    const key = headerKey(name);
    const values: string[] = [];
    for (const line of this.lines) {
      if (line.key !== key) continue;
      if (LIST_HEADERS.has(key)) values.push(...splitHeaderList(line.value));
      else values.push(line.value);
    }
    return values;
  }

  /** The lines as written on the wire, in order. */
  entries(): Array<[name: string, value: string]> {
    return this.lines.map((line) => [line.name, line.value]);
  }

  /** An independent copy. */
  clone(): SipHeaders {
    return SipHeaders.of(this.entries());
  }
}
