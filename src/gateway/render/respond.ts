/** Turns results and errors into HTTP responses in the format the caller asked for. */
import type { ActionSpec } from '../catalog/types.js';
import type { GatewayError } from '../errors.js';
import type { ResponseFormat } from '../route.js';
import { toJson } from './json.js';
import { toXml } from './xml.js';

/** What the HTTP layer writes back. */
export interface GatewayResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const JSON_TYPE = 'application/json;charset=utf-8';
// openapi-client only parses an XML error body when the content-type is exactly this string.
const XML_TYPE = 'text/xml;charset=utf-8';

/**
 * A success body: RequestId first, then the handler's fields. Fields the SDK models type as
 * string are JSON-encoded when a handler returned structure, because the generated SDKs throw
 * on an object where the model has a string.
 */
export function renderSuccess(spec: ActionSpec, requestId: string, result: Record<string, unknown>, format: ResponseFormat): GatewayResponse {
  const body: Record<string, unknown> = { RequestId: requestId, ...result };
  for (const field of spec.stringFields ?? []) {
    const value = body[field];
    if (value !== null && value !== undefined && typeof value === 'object') body[field] = toJson(value);
  }
  if (format === 'XML') return { status: 200, headers: { 'content-type': XML_TYPE }, body: toXml(`${spec.action}Response`, body) };
  return { status: 200, headers: { 'content-type': JSON_TYPE }, body: toJson(body) };
}

/** An error body `{RequestId, HostId, Code, Message}` (or `<Error>`), with the error's status and headers. */
export function renderError(err: GatewayError, requestId: string, hostId: string, format: ResponseFormat): GatewayResponse {
  const body = { RequestId: requestId, HostId: hostId, Code: err.code, Message: err.message };
  const headers: Record<string, string> = { ...err.headers };
  if (format === 'XML') {
    headers['content-type'] = XML_TYPE;
    return { status: err.status, headers, body: toXml('Error', body) };
  }
  headers['content-type'] = JSON_TYPE;
  return { status: err.status, headers, body: toJson(body) };
}
