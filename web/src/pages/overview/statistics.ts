/** The shape of waihu GetCallStatistics' `Data` (docs/console.md#overview), and the windows the page offers. */

export interface OutcomeBucket {
  /** Epoch ms where the period starts. */
  Start: number;
  Calls: number;
  Answered: number;
  /** CallResult -> calls; only outcomes that occurred. */
  Outcomes: Record<string, number>;
}

export interface CallStatistics {
  Time: number;
  InProgress: number;
  Calling: number;
  Talking: number;
  CallsPerSecond: number;
  Calls: number;
  Answered: number;
  AnswerRate: number;
  BucketSeconds: number;
  Buckets: OutcomeBucket[];
}

/** A time range of the page and the bucket size that keeps its chart readable (under a hundred bars). */
export interface StatisticsWindow {
  minutes: 15 | 60 | 360 | 1440;
  bucketSeconds: number;
}

export const WINDOWS: readonly StatisticsWindow[] = [
  { minutes: 15, bucketSeconds: 10 },
  { minutes: 60, bucketSeconds: 60 },
  { minutes: 360, bucketSeconds: 300 },
  { minutes: 1440, bucketSeconds: 900 },
];
