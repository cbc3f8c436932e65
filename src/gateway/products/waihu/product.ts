/** waihu's own management product: same gateway, signatures and envelope as the Alibaba products. */
import type { ActionSpec, ParamSpec } from '../../catalog/types.js';

/** API version of the waihu product. */
export const WAIHU_VERSION = '2026-12-01';

/** Builds the spec of a waihu action; all accept GET and POST and answer Code "OK". */
export function waihuAction(action: string, summary: string, params: ParamSpec[], qps?: ActionSpec['qps']): ActionSpec {
  return {
    product: 'waihu',
    version: WAIHU_VERSION,
    action,
    source: 'code',
    methods: ['GET', 'POST'],
    params,
    successCode: 'OK',
    summary,
    ...(qps ? { qps } : {}),
  };
}

/** The success envelope every waihu action uses. */
export function ok(data: unknown): Record<string, unknown> {
  return { Code: 'OK', Message: 'OK', Success: true, Data: data };
}
