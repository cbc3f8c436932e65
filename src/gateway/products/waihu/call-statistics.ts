/** GetCallStatistics: the console Overview's numbers (docs/console.md#overview), an action like any other. */
import { STATISTICS_LIMITS, type CallStatistics } from '../../../core/calls/call-statistics.js';
import type { ActionHandler } from '../../action.js';
import { ok, waihuAction } from './product.js';

const { minutes, bucketSeconds } = STATISTICS_LIMITS;

/** Answers with the calls in progress, and the ended calls per time bucket and outcome over the last Minutes. */
export function callStatisticsActions(statistics: CallStatistics): ActionHandler[] {
  return [
    {
      spec: waihuAction(
        'GetCallStatistics',
        "The account's calls in progress in this process, and its ended calls (campaign and single calls) per time bucket and outcome, with calls per second and answer rate.",
        [
          { name: 'Minutes', type: 'Integer', required: false, min: minutes.min, max: minutes.max, description: `The window: the last ${minutes.min}-${minutes.max} minutes (default ${minutes.default}).` },
          {
            name: 'BucketSeconds', type: 'Integer', required: false, min: bucketSeconds.min, max: bucketSeconds.max,
            description: `Seconds per bucket, ${bucketSeconds.min}-${bucketSeconds.max} (default ${bucketSeconds.default}); at most ${STATISTICS_LIMITS.maxBuckets} buckets per window.`,
          },
        ],
        { perUser: 20, api: 500 },
      ),
      handle: async (ctx, p) => {
        const s = await statistics.snapshot(ctx.accountId, { minutes: p.Minutes as number | undefined, bucketSeconds: p.BucketSeconds as number | undefined });
        return ok({
          Time: s.at,
          InProgress: s.calling + s.talking,
          Calling: s.calling,
          Talking: s.talking,
          CallsPerSecond: s.callsPerSecond,
          Calls: s.calls,
          Answered: s.answered,
          AnswerRate: s.answerRate,
          BucketSeconds: s.bucketMs / 1000,
          Buckets: s.buckets.map((b) => ({ Start: b.start, Calls: b.calls, Answered: b.answered, Outcomes: b.outcomes })),
        });
      },
    },
  ];
}
