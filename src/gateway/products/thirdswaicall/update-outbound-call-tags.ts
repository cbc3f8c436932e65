/**
 * UpdateOutboundCallTags: replaces (never appends to) an answered call's tags with the given list, which
 * QueryOutboundCallDetail then returns exactly. Tags are labels here; each is stored as a tag named TAG_LABEL so the
 * aiccs queries show it as an output tag too. A call never answered has no dialog to tag: NotFound.
 */
import { DomainError } from '../../../core/errors.js';
import type { CallTag } from '../../../core/calls/dialog.js';
import type { ActionHandler } from '../../action.js';
import { catalogSpec } from '../catalog-spec.js';
import { succeeded, type ThirdswaicallServices } from './envelope.js';

/** The name a label set through UpdateOutboundCallTags is stored under. */
export const TAG_LABEL = '标签';
const MAX_TAGS = 50;
const MAX_TAG_CHARS = 64;

/** The labels, checked: strings of 1-64 characters, at most 50, duplicates dropped in order. */
function labels(raw: unknown): string[] {
  if (!Array.isArray(raw)) throw new DomainError('InvalidArgument', 'Tags must be a JSON array of strings.', 'Tags');
  if (raw.length > MAX_TAGS) throw new DomainError('InvalidArgument', `Tags has ${raw.length} entries; at most ${MAX_TAGS}.`, 'Tags');
  const out: string[] = [];
  raw.forEach((tag, i) => {
    if (typeof tag !== 'string' || tag.trim() === '' || [...tag].length > MAX_TAG_CHARS) {
      throw new DomainError('InvalidArgument', `Tags[${i}] must be a non-empty string of at most ${MAX_TAG_CHARS} characters.`, 'Tags');
    }
    if (!out.includes(tag)) out.push(tag);
  });
  return out;
}

/** The UpdateOutboundCallTags handler. */
export function updateOutboundCallTags(s: ThirdswaicallServices): ActionHandler {
  return {
    spec: catalogSpec('thirdswaicall', 'UpdateOutboundCallTags'),
    handle: async (ctx, params) => {
      const callId = params.CallId as string;
      const tags: CallTag[] = labels(params.Tags).map((value) => ({ name: TAG_LABEL, value }));
      if (!(await s.calls.replaceTags(ctx.accountId, callId, tags, s.clock.now()))) {
        throw new DomainError('NotFound', `The specified CallId "${callId}" does not exist or was never answered.`, 'CallId');
      }
      return succeeded({ Success: true, Message: '标签更新成功' });
    },
  };
}
