/** Calls ended per time bucket as stacked bars, one colour per outcome, with a legend of the outcomes present. */
import { useI18n } from '../../i18n';
import { CHART, PLOT_WIDTH, niceMax, outcomeColour, outcomeOrder, slot, yOf } from './chart-geometry';
import { TimeAxis } from './TimeAxis';
import type { OutcomeBucket } from './statistics';

export function OutcomeChart({ buckets, label, timeLabel }: { buckets: OutcomeBucket[]; label: string; timeLabel(ms: number): string }) {
  const { tCode, number } = useI18n();
  const totals = new Map<string, number>();
  for (const b of buckets) for (const [o, n] of Object.entries(b.Outcomes)) totals.set(o, (totals.get(o) ?? 0) + n);
  const order = outcomeOrder(totals.keys());
  const top = niceMax(Math.max(0, ...buckets.map((b) => b.Calls)));
  const grid = [0, top / 2, top];

  return (
    <figure className="chart" style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="img" aria-label={label} style={{ width: '100%', height: 'auto', display: 'block' }}>
        {grid.map((g) => (
          <g key={g}>
            <line x1={CHART.left} x2={CHART.left + PLOT_WIDTH} y1={yOf(g, top)} y2={yOf(g, top)} stroke="#d0d7de" strokeWidth="1" />
            <text x={CHART.left - 6} y={yOf(g, top) + 4} textAnchor="end" fontSize="11" fill="#57606a">{number(g)}</text>
          </g>
        ))}
        {buckets.map((b, i) => {
          if (b.Calls === 0) return null;
          const { x, width } = slot(i, buckets.length);
          const barWidth = Math.max(1, width * 0.8);
          let below = 0;
          return (
            <g key={b.Start}>
              <title>{`${timeLabel(b.Start)}: ${order.filter((o) => b.Outcomes[o]).map((o) => `${tCode('callResult', o)} ${b.Outcomes[o]}`).join(', ')}`}</title>
              {order.map((o) => {
                const n = b.Outcomes[o] ?? 0;
                if (n === 0) return null;
                const y = yOf(below + n, top);
                const height = yOf(below, top) - y;
                below += n;
                return <rect key={o} x={x + (width - barWidth) / 2} y={y} width={barWidth} height={height} fill={outcomeColour(o)} />;
              })}
            </g>
          );
        })}
        <TimeAxis buckets={buckets} timeLabel={timeLabel} />
      </svg>
      <figcaption className="progress-legend">
        {order.map((o) => (
          <span key={o}>
            <i className="swatch" style={{ background: outcomeColour(o) }} aria-hidden="true" />
            {tCode('callResult', o)}: {number(totals.get(o))}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
