/** A forecast's figures: summary cards, the hourly chart, the outcome chart, and both as tables. */
import { useI18n } from '../../i18n';
import { Table } from '../../ui';
import type { ForecastData, ForecastHour } from './forecast-data';
import { HourlyChart } from './HourlyChart';
import { OutcomeBars } from './OutcomeBars';

const cards = { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(11rem, 1fr))', gap: '.75rem', margin: '0 0 1rem', padding: 0 } as const;
const cardStyle = { margin: 0 } as const;

export function ForecastResults({ data }: { data: ForecastData }) {
  const { t, tCode, number } = useI18n();
  const outcomes = Object.entries(data.Outcomes).sort((a, b) => b[1] - a[1]);
  const outcomeLabel = (code: string) => (code === 'FAILED' ? t('forecast.FAILED') : tCode('callResult', code, code));

  function duration(ms: number): string {
    const s = Math.round(ms / 1000);
    const [days, hours, minutes, seconds] = [Math.floor(s / 86_400), Math.floor((s % 86_400) / 3600), Math.floor((s % 3600) / 60), s % 60];
    if (days > 0) return t('forecast.duration.dh', { days, hours });
    if (hours > 0) return t('forecast.duration.hm', { hours, minutes });
    return t('forecast.duration.ms', { minutes, seconds });
  }

  const summary: [string, string, string?][] = [
    [t('forecast.timeToComplete'), duration(data.DurationMs)],
    [t('forecast.recipients'), number(data.Recipients)],
    [t('forecast.attempts'), number(data.Attempts)],
    [t('forecast.answerRate'), `${(data.AnswerRate * 100).toFixed(1)}%`],
    [t('forecast.achievedCps'), data.AchievedCps.toFixed(2), t('forecast.ofCps', { cps: data.TaskCps })],
    [t('forecast.busiestHour'), data.BusiestHour?.Hour ?? '—', data.BusiestHour ? t('forecast.dialsInHour', { count: number(data.BusiestHour.Dials) }) : undefined],
  ];

  return (
    <section aria-labelledby="forecast-results" data-testid="forecast-results">
      <h2 id="forecast-results">{t('forecast.results')}</h2>
      {!data.Completed && <p className="warning" role="alert">{t('forecast.incomplete')}</p>}
      <dl style={cards}>
        {summary.map(([label, value, note]) => (
          <div key={label} className="card" style={cardStyle}>
            <dt className="muted" style={{ fontSize: '.85rem' }}>{label}</dt>
            <dd style={{ margin: '.25rem 0 0', fontSize: '1.4rem', fontWeight: 600 }}>{value}</dd>
            {note && <dd className="muted" style={{ margin: 0, fontSize: '.85rem' }}>{note}</dd>}
          </div>
        ))}
      </dl>
      <div className="card">
        <h3 style={{ marginTop: 0 }}>{t('forecast.hourlyChart')}</h3>
        <HourlyChart hours={data.Hourly} />
      </div>
      <div className="card">
        <h3 style={{ marginTop: 0 }}>{t('forecast.outcomeChart')}</h3>
        <OutcomeBars outcomes={outcomes} total={data.Recipients} label={outcomeLabel} />
      </div>
      <details className="card">
        <summary>{t('forecast.tables')}</summary>
        <Table<ForecastHour>
          caption={t('forecast.hourlyChart')}
          columns={[
            { key: 'hour', header: t('forecast.hour'), render: (h) => h.Hour },
            { key: 'dials', header: t('forecast.dials'), render: (h) => number(h.Dials), align: 'num' },
            { key: 'answered', header: t('forecast.answered'), render: (h) => number(h.Answered), align: 'num' },
          ]}
          rows={data.Hourly}
          rowKey={(h) => h.Hour}
          empty="—"
        />
        <Table<[string, number]>
          caption={t('forecast.outcomeChart')}
          columns={[
            { key: 'outcome', header: t('forecast.outcome'), render: ([code]) => outcomeLabel(code) },
            { key: 'count', header: t('forecast.count.col'), render: ([, n]) => number(n), align: 'num' },
            { key: 'share', header: t('forecast.share'), render: ([, n]) => `${((n / Math.max(1, data.Recipients)) * 100).toFixed(1)}%`, align: 'num' },
          ]}
          rows={outcomes}
          rowKey={([code]) => code}
          empty="—"
        />
      </details>
      <p className="muted">{t('forecast.elapsed', { seconds: (data.ElapsedMs / 1000).toFixed(1), zone: data.TimeZone })}</p>
    </section>
  );
}
