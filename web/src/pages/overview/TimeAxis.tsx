/** The time labels under both Overview charts: the first, quarter and last buckets' start times. */
import { CHART, labelledBuckets, slot } from './chart-geometry';
import type { OutcomeBucket } from './statistics';

export function TimeAxis({ buckets, timeLabel }: { buckets: OutcomeBucket[]; timeLabel(ms: number): string }) {
  return (
    <>
      {labelledBuckets(buckets.length).map((i) => {
        const b = buckets[i];
        if (!b) return null;
        const { x, width } = slot(i, buckets.length);
        const anchor = i === 0 ? 'start' : i === buckets.length - 1 ? 'end' : 'middle';
        const at = anchor === 'start' ? x : anchor === 'end' ? x + width : x + width / 2;
        return <text key={b.Start} x={at} y={CHART.height - 8} textAnchor={anchor} fontSize="11" fill="#57606a">{timeLabel(b.Start)}</text>;
      })}
    </>
  );
}
