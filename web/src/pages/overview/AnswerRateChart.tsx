/** The answer rate per time bucket as a line; buckets without calls break the line instead of dropping it to 0 %. */
import { useI18n } from '../../i18n';
import { CHART, PLOT_WIDTH, slot, yOf } from './chart-geometry';
import { TimeAxis } from './TimeAxis';
import type { OutcomeBucket } from './statistics';

const LINE = '#0b5cad';

/** Runs of consecutive buckets that had calls, as polyline points. */
function runs(buckets: OutcomeBucket[]): { x: number; y: number; b: OutcomeBucket }[][] {
  const out: { x: number; y: number; b: OutcomeBucket }[][] = [];
  let current: { x: number; y: number; b: OutcomeBucket }[] = [];
  buckets.forEach((b, i) => {
    if (b.Calls === 0) {
      if (current.length > 0) out.push(current);
      current = [];
      return;
    }
    const { x, width } = slot(i, buckets.length);
    current.push({ x: x + width / 2, y: yOf(b.Answered / b.Calls, 1), b });
  });
  if (current.length > 0) out.push(current);
  return out;
}

export function AnswerRateChart({ buckets, label, timeLabel, percent }: {
  buckets: OutcomeBucket[];
  label: string;
  timeLabel(ms: number): string;
  percent(rate: number): string;
}) {
  const { t } = useI18n();
  return (
    <figure style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="img" aria-label={label} style={{ width: '100%', height: 'auto', display: 'block' }}>
        {[0, 0.5, 1].map((g) => (
          <g key={g}>
            <line x1={CHART.left} x2={CHART.left + PLOT_WIDTH} y1={yOf(g, 1)} y2={yOf(g, 1)} stroke="#d0d7de" strokeWidth="1" />
            <text x={CHART.left - 6} y={yOf(g, 1) + 4} textAnchor="end" fontSize="11" fill="#57606a">{percent(g)}</text>
          </g>
        ))}
        {runs(buckets).map((run) => (
          <g key={run[0]!.b.Start}>
            {run.length > 1 && <polyline points={run.map((p) => `${p.x},${p.y}`).join(' ')} fill="none" stroke={LINE} strokeWidth="2" />}
            {run.map((p) => (
              <circle key={p.b.Start} cx={p.x} cy={p.y} r="3" fill={LINE}>
                <title>{`${timeLabel(p.b.Start)}: ${percent(p.b.Answered / p.b.Calls)} (${p.b.Answered}/${p.b.Calls})`}</title>
              </circle>
            ))}
          </g>
        ))}
        <TimeAxis buckets={buckets} timeLabel={timeLabel} />
      </svg>
      <figcaption className="muted" style={{ fontSize: '.85rem' }}>{t('overview.rate.none')}</figcaption>
    </figure>
  );
}
