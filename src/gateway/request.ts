/** The gateway's view of one HTTP request, independent of the HTTP framework that received it. */
export interface GatewayRequest {
  /** Upper-case HTTP method. */
  method: string;
  /** Path without the query string. */
  path: string;
  /** The query string as received, without the leading '?'; signatures are computed from its decoded pairs. */
  rawQuery: string;
  /** Header values by lower-case name; repeated headers are joined with ','. */
  headers: Readonly<Record<string, string>>;
  /** The exact body bytes (V3 hashes them). */
  body: Buffer;
}

/** One decoded name=value pair, in the order it arrived. */
export type Pair = readonly [name: string, value: string];

/** Header lookup by lower-case name. */
export function header(req: GatewayRequest, name: string): string | undefined {
  return req.headers[name];
}
