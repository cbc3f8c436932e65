/** Counts of ended calls for the console's Overview (waihu GetCallStatistics, docs/console.md#overview). */

/** How many calls of one outcome ended in one time bucket. */
export interface EndedCallCount {
  /** Epoch ms where the bucket starts: a multiple of the bucket length. */
  bucketStart: number;
  /** The call's CallResult; null for a call that ended without one. */
  callResult: string | null;
  count: number;
}

/** Which ended calls to count: `from` inclusive, `until` exclusive, in buckets of `bucketMs` aligned on the epoch. */
export interface EndedCallRange {
  from: number;
  until: number;
  bucketMs: number;
}

/** Reads ended calls: campaign attempts and single calls alike. */
export interface CallStatisticsStore {
  /** The account's calls that ended in the range, counted per bucket and outcome; buckets with no calls are absent. */
  countEndedCalls(accountId: string, range: EndedCallRange): Promise<EndedCallCount[]>;
}
