/**
 * GetCallDialogContent: the dialog of a call placed on CallDate (a `yyyy-MM-dd` day of the last 30, in the platform's
 * zone). CallStatus is 0 for a call never answered, 1 while an answered call is still in progress (its dialog not yet
 * stored, so DialogContent is `[]`), 2 once it has hung up. A CallId the account did not place on that day is
 * InvalidParameter.CallId, as the doc lists.
 */
import { conversationRecord } from '../../../core/calls/dialog.js';
import type { CallRecords } from '../../../core/calls/call-records.js';
import { DomainError } from '../../../core/errors.js';
import { daySpan, formatDate } from '../../../core/local-time.js';
import type { Clock } from '../../../ports/clock.js';
import type { ActionHandler } from '../../action.js';
import { aiccsSpec } from './aiccs-spec.js';
import { invalidCallId } from './call-id-errors.js';
import { okData } from './envelope.js';

/** How far back CallDate may go, in days ("只可查询最近30天的日期"). */
const LOOKBACK_DAYS = 30;
const DAY_MS = 86_400_000;

/** What the handler needs. */
export interface DialogContentServices {
  calls: CallRecords;
  clock: Clock;
  timeZone: string;
}

/** The day CallDate names, refused when it is not one of the last 30 days (today included). */
function callDay(text: string, s: DialogContentServices): { start: number; end: number } {
  const day = daySpan(text, s.timeZone, 'CallDate');
  const now = s.clock.now();
  const earliest = daySpan(formatDate(now - LOOKBACK_DAYS * DAY_MS, s.timeZone), s.timeZone, 'CallDate').start;
  if (day.start > now || day.start < earliest) {
    throw new DomainError('InvalidArgument', `CallDate "${text}" is not within the last ${LOOKBACK_DAYS} days.`, 'CallDate');
  }
  return day;
}

/** The GetCallDialogContent handler. */
export function getCallDialogContent(s: DialogContentServices): ActionHandler {
  return {
    spec: aiccsSpec('GetCallDialogContent'),
    handle: async (ctx, params) => {
      const callId = params.CallId as string;
      const day = callDay(params.CallDate as string, s);
      const call = await s.calls.find(ctx.accountId, callId);
      if (!call || call.startedAt < day.start || call.startedAt >= day.end) throw invalidCallId(`no call ${callId} was placed on ${String(params.CallDate)}`);
      const status = call.answeredAt === undefined ? 0 : call.endedAt === undefined ? 1 : 2;
      return okData({ CallId: call.callId, CallStatus: status, DialogContent: conversationRecord(call.dialog?.turns ?? []) });
    },
  };
}
