/**
 * SIP requests and responses (RFC 3261 §7) from and to the bytes of one UDP datagram. Parsing never throws: a
 * datagram from the network can be anything, and the transport must be able to drop garbage with a reason and
 * carry on. A message is accepted only with the headers every transaction and dialog needs (Via, From, To,
 * Call-ID, CSeq), so later code can read them without checking again.
 */
import { SipHeaders } from './sip-headers.js';
import { parseCSeq } from './sip-header-values.js';

/** The only protocol version spoken. */
export const SIP_VERSION = 'SIP/2.0';

/** A request: INVITE, ACK, BYE, CANCEL, ... */
export interface SipRequest {
  kind: 'request';
  method: string;
  uri: string;
  headers: SipHeaders;
  /** The body as text (SDP); empty when there is none. */
  body: string;
}

/** A response with its status code and reason phrase. */
export interface SipResponse {
  kind: 'response';
  status: number;
  reason: string;
  headers: SipHeaders;
  body: string;
}

/** Either kind of message. */
export type SipMessage = SipRequest | SipResponse;

/** The outcome of a parse: the message, or why the input is not one. */
export type SipParseResult = { ok: true; message: SipMessage } | { ok: false; error: string };

/** Headers without which a message cannot be matched to a transaction or dialog (§8.1.1). */
const REQUIRED_HEADERS = ['Via', 'From', 'To', 'Call-ID', 'CSeq'] as const;

/** RFC 3261 `token` characters: methods and header names. */
const TOKEN = /^[A-Za-z0-9\-.!%*_+`'~]+$/;
const REQUEST_LINE = /^([^ ]+) ([^ ]+) (SIP\/\d+\.\d+)$/;
const STATUS_LINE = /^(SIP\/\d+\.\d+) (\d{3})(?: (.*))?$/;
const CRLF = '\r\n';

/** Byte offset of the blank line ending the headers, and where the body starts; CRLF or bare LF. */
function findHeaderEnd(data: Buffer): { end: number; bodyStart: number } {
  const crlf = data.indexOf('\r\n\r\n');
  const lf = data.indexOf('\n\n');
  if (crlf >= 0 && (lf < 0 || crlf < lf)) return { end: crlf, bodyStart: crlf + 4 };
  if (lf >= 0) return { end: lf, bodyStart: lf + 2 };
  return { end: data.length, bodyStart: data.length };
}

/** Parses the start line into a message shell, or says what is wrong with it. */
function parseStartLine(line: string): { ok: true; message: SipMessage } | { ok: false; error: string } {
  const status = STATUS_LINE.exec(line);
  if (status) {
    if (status[1] !== SIP_VERSION) return { ok: false, error: `unsupported SIP version ${status[1]}` };
    const code = Number(status[2]);
    if (code < 100 || code > 699) return { ok: false, error: `status code out of range: ${code}` };
    return { ok: true, message: { kind: 'response', status: code, reason: status[3] ?? '', headers: new SipHeaders(), body: '' } };
  }
  const request = REQUEST_LINE.exec(line);
  if (!request) return { ok: false, error: `malformed start line: ${JSON.stringify(line.slice(0, 80))}` };
  const [, method, uri, version] = request;
  if (version !== SIP_VERSION) return { ok: false, error: `unsupported SIP version ${version}` };
  if (!TOKEN.test(method!)) return { ok: false, error: `malformed method: ${JSON.stringify(method)}` };
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(uri!)) return { ok: false, error: `malformed Request-URI: ${JSON.stringify(uri)}` };
  return { ok: true, message: { kind: 'request', method: method!, uri: uri!, headers: new SipHeaders(), body: '' } };
}

/** Reads header lines into `headers`; a line starting with white space continues the previous one (§7.3.1). */
function parseHeaderLines(lines: readonly string[], headers: SipHeaders): string | undefined {
  const pairs: Array<[string, string]> = [];
  for (const line of lines) {
    if (line === '') continue;
    const last = pairs[pairs.length - 1];
    if ((line[0] === ' ' || line[0] === '\t') && last) {
      last[1] += ' ' + line.trim();
      continue;
    }
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    if (!TOKEN.test(name)) return `malformed header line: ${JSON.stringify(line.slice(0, 80))}`;
    pairs.push([name, line.slice(colon + 1).trim()]);
  }
  for (const [name, value] of pairs) headers.append(name, value);
  return undefined;
}

/** The body as Content-Length delimits it (§18.3): a shorter datagram is an error, extra bytes are dropped. */
function readBody(data: Buffer, start: number, headers: SipHeaders): { ok: true; body: string } | { ok: false; error: string } {
  const declared = headers.get('Content-Length');
  const available = data.length - start;
  if (declared === undefined) return { ok: true, body: data.toString('utf8', start) };
  if (!/^\d+$/.test(declared)) return { ok: false, error: `malformed Content-Length: ${JSON.stringify(declared)}` };
  const length = Number(declared);
  if (length > available) return { ok: false, error: `body truncated: Content-Length ${length}, ${available} bytes present` };
  return { ok: true, body: data.toString('utf8', start, start + length) };
}

/** Checks the headers every message must carry, and the CSeq method against a request's method. */
function checkRequiredHeaders(message: SipMessage): string | undefined {
  for (const name of REQUIRED_HEADERS) if (!message.headers.has(name)) return `missing ${name} header`;
  const cseq = parseCSeq(message.headers.get('CSeq')!);
  if (!cseq) return `malformed CSeq: ${JSON.stringify(message.headers.get('CSeq'))}`;
  if (message.kind === 'request' && cseq.method !== message.method) return `CSeq method ${cseq.method} differs from ${message.method}`;
  return undefined;
}

/** Parses one SIP message from a datagram (or its text). Never throws; garbage yields `{ ok: false, error }`. */
export function parseSipMessage(input: Buffer | string): SipParseResult {
  try {
    const data = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
    // Keep-alive CRLFs (RFC 5626) may precede a message.
    let offset = 0;
    while (offset < data.length && (data[offset] === 0x0d || data[offset] === 0x0a)) offset++;
    const message = data.subarray(offset);
    if (message.length === 0) return { ok: false, error: 'empty message' };
    const { end, bodyStart } = findHeaderEnd(message);
    const lines = message.toString('utf8', 0, end).split(/\r?\n/);
    const start = parseStartLine(lines[0]!);
    if (!start.ok) return start;
    const headerError = parseHeaderLines(lines.slice(1), start.message.headers);
    if (headerError) return { ok: false, error: headerError };
    const body = readBody(message, bodyStart, start.message.headers);
    if (!body.ok) return body;
    start.message.body = body.body;
    const missing = checkRequiredHeaders(start.message);
    if (missing) return { ok: false, error: missing };
    return start;
  } catch (error) {
    // Defensive only: every path above is meant to return; a bug must not take the transport down.
    return { ok: false, error: `unparseable message: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The text of a message; Content-Length is always rewritten from the body's byte length. */
export function serializeSipMessage(message: SipMessage): string {
  const start = message.kind === 'request'
    ? `${message.method} ${message.uri} ${SIP_VERSION}`
    : `${SIP_VERSION} ${message.status} ${message.reason}`;
  const headers = message.headers.clone().set('Content-Length', Buffer.byteLength(message.body, 'utf8'));
  let text = start + CRLF;
  for (const [name, value] of headers.entries()) text += `${name}: ${value}${CRLF}`;
  return text + CRLF + message.body;
}

/**
 * A response to `request` carrying the headers §8.2.6.2 says to copy: every Via, From, To, Call-ID and CSeq.
 * `toTag` is added to To unless it already has one, as a UAS must for every response but 100.
 */
export function responseTo(request: SipRequest, status: number, reason: string, toTag?: string): SipResponse {
  const headers = new SipHeaders();
  for (const via of request.headers.getAll('Via')) headers.append('Via', via);
  headers.append('From', request.headers.get('From') ?? '');
  const to = request.headers.get('To') ?? '';
  headers.append('To', toTag && !/;\s*tag=/i.test(to) ? `${to};tag=${toTag}` : to);
  headers.append('Call-ID', request.headers.get('Call-ID') ?? '');
  headers.append('CSeq', request.headers.get('CSeq') ?? '');
  return { kind: 'response', status, reason, headers, body: '' };
}
