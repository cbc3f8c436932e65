/**
 * Every implemented action of thirdswaicall 2025-11-27: the per-call detail and its tags, over the calls of the
 * engine (campaign attempts and single calls alike). Its envelope is its own: `Code` is null on success and
 * `Message` the doc's success hint.
 */
import type { ActionHandler } from '../../action.js';
import type { ThirdswaicallServices } from './envelope.js';
import { queryOutboundCallDetail } from './query-outbound-call-detail.js';
import { updateOutboundCallTags } from './update-outbound-call-tags.js';

export type { ThirdswaicallServices } from './envelope.js';

/** Handlers of the thirdswaicall product. */
export function thirdswaicallHandlers(services: ThirdswaicallServices): ActionHandler[] {
  return [queryOutboundCallDetail(services), updateOutboundCallTags(services)];
}
