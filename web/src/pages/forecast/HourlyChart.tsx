/** Calls placed per hour as bars and calls answered per hour as a line, on shared axes, with a legend. */
import { useI18n } from '../../i18n';
import type { ForecastHour } from './forecast-data';

const W = 720;
const H = 260;
const PAD = { left: 52, right: 12, top: 12, bottom: 44 };
const PLOT_W = W - PAD.left - PAD.right;
const PLOT_H = H - PAD.top - PAD.bottom;
export const DIAL_COLOUR = '#6e9fd6';
export const ANSWER_COLOUR = '#1a7f37';

/** A round axis top at or above `max` (1, 2 or 5 times a power of ten), so the grid lines read easily. */
function niceTop(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  return ([1, 2, 5, 10].find((m) => m * power >= max) ?? 10) * power;
}

/** The hour label: "HH:00", with the date when the day changes (and on the first label). */
function hourLabel(hours: ForecastHour[], i: number, previous: number | undefined): string {
  const [date, time] = (hours[i]?.Hour ?? '').split(' ');
  const prevDate = previous === undefined ? undefined : hours[previous]?.Hour.split(' ')[0];
  return prevDate === date ? (time ?? '') : `${(date ?? '').slice(5)} ${time ?? ''}`;
}

export function HourlyChart({ hours }: { hours: ForecastHour[] }) {
  const { t, number } = useI18n();
  const top = niceTop(Math.max(0, ...hours.map((h) => h.Dials)));
  const y = (v: number) => PAD.top + PLOT_H - (v / top) * PLOT_H;
  const slot = PLOT_W / Math.max(1, hours.length);
  const barW = Math.min(48, Math.max(1, slot * 0.7));
  const centre = (i: number) => PAD.left + slot * i + slot / 2;
  const every = Math.max(1, Math.ceil(hours.length / 8));
  const labelled = hours.map((_, i) => i).filter((i) => i % every === 0);
  const line = hours.map((h, i) => `${centre(i).toFixed(1)},${y(h.Answered).toFixed(1)}`).join(' ');

  return (
    <figure className="chart" style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('forecast.hourlyAria')} style={{ width: '100%', height: 'auto', display: 'block' }} data-testid="hourly-chart">
        {[0, top / 2, top].map((g) => (
          <g key={g}>
            <line x1={PAD.left} x2={PAD.left + PLOT_W} y1={y(g)} y2={y(g)} stroke="#d0d7de" />
            <text x={PAD.left - 6} y={y(g) + 4} textAnchor="end" fontSize="11" fill="#57606a">{number(g)}</text>
          </g>
        ))}
        {hours.map((h, i) => (
          <rect key={h.Hour} x={centre(i) - barW / 2} y={y(h.Dials)} width={barW} height={y(0) - y(h.Dials)} fill={DIAL_COLOUR}>
            <title>{`${h.Hour}: ${t('forecast.dials')} ${number(h.Dials)}, ${t('forecast.answered')} ${number(h.Answered)}`}</title>
          </rect>
        ))}
        {hours.length > 1
          ? <polyline points={line} fill="none" stroke={ANSWER_COLOUR} strokeWidth="2" />
          : hours.map((h, i) => <circle key={h.Hour} cx={centre(i)} cy={y(h.Answered)} r="4" fill={ANSWER_COLOUR} />)}
        <line x1={PAD.left} x2={PAD.left + PLOT_W} y1={y(0)} y2={y(0)} stroke="#57606a" />
        {labelled.map((i, k) => (
          <g key={i}>
            <line x1={centre(i)} x2={centre(i)} y1={y(0)} y2={y(0) + 4} stroke="#57606a" />
            <text x={centre(i)} y={y(0) + 17} textAnchor="middle" fontSize="11" fill="#57606a">{hourLabel(hours, i, labelled[k - 1])}</text>
          </g>
        ))}
        <text x={PAD.left + PLOT_W / 2} y={H - 6} textAnchor="middle" fontSize="11" fill="#57606a">{t('forecast.hour')}</text>
      </svg>
      <figcaption className="progress-legend" style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap', fontSize: '.9rem' }}>
        <span><i aria-hidden="true" style={{ display: 'inline-block', width: 12, height: 12, background: DIAL_COLOUR, marginRight: 4, verticalAlign: 'middle' }} />{t('forecast.dials')}</span>
        <span><i aria-hidden="true" style={{ display: 'inline-block', width: 14, height: 3, background: ANSWER_COLOUR, marginRight: 4, verticalAlign: 'middle' }} />{t('forecast.answered')}</span>
      </figcaption>
    </figure>
  );
}
