/**
 * The Overview: the account's calls in progress, calls per second and answer rate as cards, and the outcomes and
 * answer rate over the chosen time range as SVG charts (with the same numbers as a table for screen readers and
 * anyone who prefers one). Everything comes from waihu GetCallStatistics, live over the server's event stream or,
 * failing that, polled (use-live-statistics.ts).
 */
import { useMemo, useState } from 'react';
import { useI18n, type MessageKey } from '../../i18n';
import { ErrorBox, Spinner } from '../../ui';
import { AnswerRateChart } from './AnswerRateChart';
import { OutcomeChart } from './OutcomeChart';
import { WINDOWS, type CallStatistics, type StatisticsWindow } from './statistics';
import { POLL_SECONDS, useLiveStatistics, type LiveMode } from './use-live-statistics';
import { outcomeOrder } from './chart-geometry';

const CARD_GRID = { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(13rem, 1fr))', gap: '1rem', margin: '0 0 1rem' } as const;
const BIG = { fontSize: '2rem', fontWeight: 600, margin: '.25rem 0', fontVariantNumeric: 'tabular-nums' } as const;
const MODE_BADGE: Record<LiveMode, string> = { connecting: 'badge-init', live: 'badge-running', reconnecting: 'badge-stopped', polling: 'badge-next' };

function Card({ title, value, detail, note }: { title: string; value: string; detail: string; note?: string }) {
  return (
    <div className="card" style={{ margin: 0 }}>
      <h2 style={{ fontSize: '.95rem', margin: 0, color: 'var(--muted)' }}>{title}</h2>
      <p style={BIG}>{value}</p>
      <p className="muted" style={{ margin: 0, fontSize: '.85rem' }}>{detail}</p>
      {note && <p className="muted" style={{ margin: '.25rem 0 0', fontSize: '.78rem' }}>{note}</p>}
    </div>
  );
}

function DataTable({ data, timeLabel, percent }: { data: CallStatistics; timeLabel(ms: number): string; percent(rate: number): string }) {
  const { t, tCode, number } = useI18n();
  const rows = data.Buckets.filter((b) => b.Calls > 0);
  return (
    <details>
      <summary>{t('overview.table.toggle')}</summary>
      <div className="table-wrap" style={{ marginTop: '.5rem' }}>
        <table className="table">
          <caption className="visually-hidden">{t('overview.table.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('overview.table.start')}</th>
              <th scope="col" className="num">{t('overview.table.calls')}</th>
              <th scope="col" className="num">{t('overview.table.answered')}</th>
              <th scope="col" className="num">{t('overview.table.rate')}</th>
              <th scope="col">{t('overview.table.outcomes')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((b) => (
              <tr key={b.Start}>
                <td>{timeLabel(b.Start)}</td>
                <td className="num">{number(b.Calls)}</td>
                <td className="num">{number(b.Answered)}</td>
                <td className="num">{percent(b.Answered / b.Calls)}</td>
                <td>{outcomeOrder(Object.keys(b.Outcomes)).map((o) => `${tCode('callResult', o)} ${b.Outcomes[o]}`).join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

export default function OverviewPage() {
  const { t, lang, number } = useI18n();
  const [range, setRange] = useState<StatisticsWindow>(WINDOWS[1]!);
  const [attempt, setAttempt] = useState(0);
  const live = useLiveStatistics(range, attempt);
  const data = live.data;

  const locale = lang === 'zh' ? 'zh-CN' : 'en-US';
  const formats = useMemo(() => {
    const rate = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    const short = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
    const long = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    return { rate: (r: number) => rate.format(r), decimal: (n: number) => decimal.format(n), short, long };
  }, [locale]);
  const timeLabel = (ms: number) => (range.bucketSeconds < 60 ? formats.long : formats.short).format(new Date(ms));
  const bucket = range.bucketSeconds < 60
    ? t('overview.bucket.seconds', { n: range.bucketSeconds })
    : t('overview.bucket.minutes', { n: range.bucketSeconds / 60 });
  const modeText = live.mode === 'polling' ? t('overview.state.polling', { seconds: POLL_SECONDS }) : t(`overview.state.${live.mode}` as MessageKey);

  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">
        {t('overview.title')}
        <span className={`badge ${MODE_BADGE[live.mode]}`} role="status" data-live-mode={live.mode}>{modeText}</span>
      </h1>
      <p className="muted">{t('overview.intro')}</p>
      <div className="toolbar">
        <span id="overview-window">{t('overview.window')}</span>
        <div className="segmented" role="group" aria-labelledby="overview-window" style={{ margin: 0 }}>
          {WINDOWS.map((w) => (
            <button key={w.minutes} type="button" aria-pressed={w.minutes === range.minutes} onClick={() => setRange(w)}>
              {t(`overview.window.${w.minutes}` as MessageKey)}
            </button>
          ))}
        </div>
        {data && <span className="muted" style={{ fontSize: '.85rem' }}>{t('overview.updated', { time: formats.long.format(new Date(data.Time)) })}</span>}
      </div>
      {live.error !== undefined && <ErrorBox error={live.error} title={t('overview.loadFailed')} onRetry={() => setAttempt((n) => n + 1)} />}
      {!data && live.error === undefined && <Spinner />}
      {data && (
        <>
          <div style={CARD_GRID} data-testid="overview-cards">
            <Card
              title={t('overview.card.inProgress')}
              value={number(data.InProgress)}
              detail={t('overview.card.inProgressDetail', { calling: data.Calling, talking: data.Talking })}
              note={t('overview.card.inProgressNote')}
            />
            <Card title={t('overview.card.cps')} value={formats.decimal(data.CallsPerSecond)} detail={t('overview.card.cpsDetail')} />
            <Card
              title={t('overview.card.answerRate')}
              value={formats.rate(data.AnswerRate)}
              detail={t('overview.card.answerRateDetail', { answered: data.Answered, calls: data.Calls })}
            />
            <Card title={t('overview.card.calls')} value={number(data.Calls)} detail={t('overview.card.callsDetail')} />
          </div>
          {data.Calls === 0 ? (
            <p className="card muted">{t('overview.empty')}</p>
          ) : (
            <>
              <div className="card">
                <h2>{t('overview.outcomes.title')}</h2>
                <OutcomeChart buckets={data.Buckets} timeLabel={timeLabel} label={t('overview.outcomes.chart', { bucket, calls: data.Calls })} />
              </div>
              <div className="card">
                <h2>{t('overview.rate.title')}</h2>
                <AnswerRateChart
                  buckets={data.Buckets}
                  timeLabel={timeLabel}
                  percent={formats.rate}
                  label={t('overview.rate.chart', { bucket, rate: formats.rate(data.AnswerRate) })}
                />
              </div>
              <DataTable data={data} timeLabel={timeLabel} percent={formats.rate} />
            </>
          )}
        </>
      )}
    </section>
  );
}
