/** How many numbers ended with each outcome, as horizontal bars sorted from the most common, labelled with counts. */
import { useI18n } from '../../i18n';

// Narrow enough that the labels stay legible when the chart is scaled down to a phone's width.
const W = 520;
const ROW = 26;
const LABEL_W = 140;
const COUNT_W = 100;

/** Answered green, never-reached grey, the rest amber: the one split a reader looks for first. */
function colour(outcome: string): string {
  if (outcome === 'ANSWERED') return '#1a7f37';
  if (outcome === 'FAILED') return '#8c959f';
  return '#d4a72c';
}

export function OutcomeBars({ outcomes, total, label }: { outcomes: [string, number][]; total: number; label(code: string): string }) {
  const { t, number } = useI18n();
  const max = Math.max(1, ...outcomes.map(([, n]) => n));
  const plot = W - LABEL_W - COUNT_W;
  const height = outcomes.length * ROW + 8;
  return (
    <figure className="chart" style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-label={t('forecast.outcomeAria')} style={{ width: '100%', height: 'auto', display: 'block' }} data-testid="outcome-chart">
        <line x1={LABEL_W} x2={LABEL_W} y1={0} y2={height - 4} stroke="#57606a" />
        {outcomes.map(([code, n], i) => {
          const width = Math.max(1, (n / max) * plot);
          const rowY = 4 + i * ROW;
          return (
            <g key={code}>
              <text x={LABEL_W - 8} y={rowY + 16} textAnchor="end" fontSize="12" fill="#24292f">{label(code)}</text>
              <rect x={LABEL_W} y={rowY + 4} width={width} height={ROW - 8} fill={colour(code)}>
                <title>{`${label(code)}: ${number(n)}`}</title>
              </rect>
              <text x={LABEL_W + width + 6} y={rowY + 16} fontSize="12" fill="#57606a">{`${number(n)} (${((n / Math.max(1, total)) * 100).toFixed(1)}%)`}</text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
