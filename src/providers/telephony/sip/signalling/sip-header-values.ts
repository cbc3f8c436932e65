/**
 * The structured header values a user agent reads and writes (RFC 3261 §20 and §25.1): Via with its branch and
 * NAT parameters (received, rport of RFC 3581), name-addr values of From/To/Contact with their tag, CSeq, and the
 * parts of a SIP URI. Parsers return undefined for a value they cannot read rather than throwing.
 */

/** Header or URI parameters: `;name=value` pairs, and `true` for a bare `;name`. Names are lower-cased. */
export type SipParams = Record<string, string | true>;

/** Parses `;a=1;b;c="x"` (the part after the main value); quotes around a value are removed. */
export function parseParams(text: string): SipParams {
  const params: SipParams = {};
  for (const part of text.split(';')) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    const eq = trimmed.indexOf('=');
    if (eq < 0) {
      params[trimmed.toLowerCase()] = true;
      continue;
    }
    const value = trimmed.slice(eq + 1).trim();
    params[trimmed.slice(0, eq).trim().toLowerCase()] = value.startsWith('"') && value.endsWith('"') && value.length >= 2 ? value.slice(1, -1) : value;
  }
  return params;
}

/** Writes parameters back as `;a=1;b`. */
export function formatParams(params: SipParams): string {
  let text = '';
  for (const [name, value] of Object.entries(params)) text += value === true ? `;${name}` : `;${name}=${value}`;
  return text;
}

/** Host and optional port; an IPv6 reference keeps its brackets. */
export function parseHostPort(text: string): { host: string; port?: number } | undefined {
  const match = /^(\[[0-9A-Fa-f:.]+\]|[^:[\]\s]+)(?::(\d{1,5}))?$/.exec(text.trim());
  if (!match) return undefined;
  if (match[2] === undefined) return { host: match[1]! };
  const port = Number(match[2]);
  return port > 0 && port < 65536 ? { host: match[1]!, port } : undefined;
}

/** One Via value. */
export interface Via {
  /** UDP, TCP, TLS, ... */
  transport: string;
  host: string;
  port?: number;
  branch?: string;
  /** The source address the next hop saw, when it differs from `host` (§18.2.1). */
  received?: string;
  /** RFC 3581: `true` when asked for (empty), the source port once filled in by the server. */
  rport?: number | true;
  params: SipParams;
}

/** Parses `SIP/2.0/UDP host:port;branch=...;rport`. */
export function parseVia(value: string): Via | undefined {
  const match = /^SIP\s*\/\s*2\.0\s*\/\s*([A-Za-z]+)\s+([^;\s]+)\s*(;.*)?$/.exec(value.trim());
  if (!match) return undefined;
  const hostPort = parseHostPort(match[2]!);
  if (!hostPort) return undefined;
  const params = parseParams(match[3] ?? '');
  const via: Via = { transport: match[1]!.toUpperCase(), ...hostPort, params };
  if (typeof params.branch === 'string') via.branch = params.branch;
  if (typeof params.received === 'string') via.received = params.received;
  if (params.rport === true) via.rport = true;
  else if (typeof params.rport === 'string' && /^\d+$/.test(params.rport)) via.rport = Number(params.rport);
  return via;
}

/** Writes a Via value; `branch`, `received` and `rport` override the same names in `params`. */
export function formatVia(via: Via): string {
  const params: SipParams = { ...via.params };
  if (via.branch !== undefined) params.branch = via.branch;
  if (via.received !== undefined) params.received = via.received;
  if (via.rport !== undefined) params.rport = via.rport === true ? true : String(via.rport);
  const port = via.port === undefined ? '' : `:${via.port}`;
  return `SIP/2.0/${via.transport} ${via.host}${port}${formatParams(params)}`;
}

/** A From, To or Contact value. */
export interface NameAddr {
  displayName?: string;
  uri: string;
  /** Header parameters (after the URI): tag, expires, q, ... */
  params: SipParams;
  tag?: string;
}

/**
 * Parses `"Name" <sip:u@h>;tag=x`, `Name <sip:u@h>`, or a bare `sip:u@h;tag=x`, where (§20.10) parameters after a
 * bare URI belong to the header, not to the URI.
 */
export function parseNameAddr(value: string): NameAddr | undefined {
  const text = value.trim();
  let displayName: string | undefined;
  let uri: string;
  let rest: string;
  const open = text.startsWith('"') ? text.indexOf('<', closingQuote(text) + 1) : text.indexOf('<');
  if (open >= 0) {
    const close = text.indexOf('>', open);
    if (close < 0) return undefined;
    const name = text.slice(0, open).trim();
    if (name) displayName = name.startsWith('"') ? name.slice(1, -1).replace(/\\(.)/g, '$1') : name;
    uri = text.slice(open + 1, close).trim();
    rest = text.slice(close + 1);
  } else {
    const semi = text.indexOf(';');
    uri = semi < 0 ? text : text.slice(0, semi);
    rest = semi < 0 ? '' : text.slice(semi);
  }
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(uri) && uri !== '*') return undefined;
  const params = parseParams(rest);
  const result: NameAddr = { uri, params };
  if (displayName !== undefined) result.displayName = displayName;
  if (typeof params.tag === 'string') result.tag = params.tag;
  return result;
}

/** Index of the quote closing a quoted string that starts at 0 (backslash escapes honoured). */
function closingQuote(text: string): number {
  for (let i = 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return text.length;
}

/** Writes a name-addr, always in angle brackets so URI parameters cannot be mistaken for header ones. */
export function formatNameAddr(value: NameAddr): string {
  const params: SipParams = { ...value.params };
  if (value.tag !== undefined) params.tag = value.tag;
  const name = value.displayName ? `"${value.displayName.replace(/(["\\])/g, '\\$1')}" ` : '';
  return `${name}<${value.uri}>${formatParams(params)}`;
}

/** The CSeq header: sequence number and method. */
export interface CSeq {
  seq: number;
  method: string;
}

/** Parses `314159 INVITE`; the number must fit in 32 bits (§8.1.1.5). */
export function parseCSeq(value: string): CSeq | undefined {
  const match = /^(\d{1,10})\s+([A-Za-z0-9\-.!%*_+`'~]+)$/.exec(value.trim());
  if (!match) return undefined;
  const seq = Number(match[1]);
  return seq < 2 ** 32 ? { seq, method: match[2]! } : undefined;
}

/** Parses Max-Forwards (0..255); undefined when absent or malformed. */
export function parseMaxForwards(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\d{1,3}\s*$/.test(value)) return undefined;
  const hops = Number(value);
  return hops <= 255 ? hops : undefined;
}

/** The parts of a sip: or sips: URI that routing needs. */
export interface SipUri {
  scheme: 'sip' | 'sips';
  user?: string;
  host: string;
  port?: number;
  params: SipParams;
}

/** Parses `sip:user@host:port;transport=udp` (user password and URI headers are ignored). */
export function parseSipUri(value: string): SipUri | undefined {
  const match = /^(sips?):(?:([^@;?]+)@)?([^;?]+)((?:;[^?]*)?)(?:\?.*)?$/i.exec(value.trim());
  if (!match) return undefined;
  const hostPort = parseHostPort(match[3]!);
  if (!hostPort) return undefined;
  const uri: SipUri = { scheme: match[1]!.toLowerCase() as 'sip' | 'sips', ...hostPort, params: parseParams(match[4] ?? '') };
  if (match[2] !== undefined) uri.user = match[2].split(':')[0]!;
  return uri;
}
