/**
 * How a SmartCall event travels to the customer's server. Alibaba's doc says "POST, UTF-8" and shows the fields as
 * URL parameters, without saying whether a body carries them too (spec/protocol.md §7.5). Customer servers are
 * written against that sample, so every field always goes in the query string. The body is a choice per endpoint:
 *
 * - `json` (default): the same fields as a JSON object with `content` nested as an object and `timestamp` a number,
 *   for servers that bind the body (third-party SDK models do so). Frameworks that merge query and form parameters
 *   (Servlet/Spring `@RequestParam`, PHP `$_REQUEST`) never parse a JSON body, so they see each field once.
 * - `form`: the same fields again as an x-www-form-urlencoded body, for servers that read only the form body
 *   (PHP `$_POST`). Each field then arrives twice in a merged view, and Spring joins repeated values with commas.
 * - `none`: an empty body.
 */
import type { SmartCallEvent } from '../../ports/smart-call-hook.js';

/** Where the fields go besides the query string; see the module comment. */
export type SmartCallBodyEncoding = 'json' | 'form' | 'none';

/** What one POST carries. */
export interface EncodedEvent {
  url: string;
  /** Absent for `none`. */
  body?: string;
  /** The Content-Type of the body, when there is one. */
  contentType?: string;
}

/** The flat wire fields, in the doc's order: `call_id`, `timestamp`, `content_type`, `content`, then `dynamic_id`. */
export function eventFields(event: SmartCallEvent): [string, string][] {
  const fields: [string, string][] = [
    ['call_id', event.callId],
    ['timestamp', String(event.timestamp)],
    ['content_type', event.contentType],
    ['content', JSON.stringify(event.content)],
  ];
  if (event.dynamicId !== undefined && event.dynamicId !== '') fields.push(['dynamic_id', event.dynamicId]);
  return fields;
}

/** The POST for `event` to the customer's `endpoint`; parameters already in the endpoint are kept before ours. */
export function encodeEvent(endpoint: string, event: SmartCallEvent, encoding: SmartCallBodyEncoding): EncodedEvent {
  const url = new URL(endpoint);
  const fields = eventFields(event);
  for (const [name, value] of fields) url.searchParams.append(name, value);
  if (encoding === 'none') return { url: url.href };
  if (encoding === 'form') {
    return { url: url.href, body: new URLSearchParams(fields).toString(), contentType: 'application/x-www-form-urlencoded; charset=UTF-8' };
  }
  const json = {
    call_id: event.callId,
    timestamp: event.timestamp,
    content_type: event.contentType,
    content: event.content,
    ...(event.dynamicId ? { dynamic_id: event.dynamicId } : {}),
  };
  return { url: url.href, body: JSON.stringify(json), contentType: 'application/json; charset=UTF-8' };
}
