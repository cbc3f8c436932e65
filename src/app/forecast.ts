/** The numbers a campaign forecast reports, computed from the carrier's dial times and the recipients' final results. */
import type { CallResult } from '../core/calls/call-result.js';

/** What `waihu simulate` prints. */
export interface Forecast {
  recipients: number;
  /** False when the time limit ended the run first. */
  completed: boolean;
  startAt: number;
  endAt: number;
  /** Virtual time from start to the last recipient settled. */
  durationMs: number;
  attempts: number;
  /** Final result per recipient; FAILED for those never connected to a carrier outcome. */
  outcomes: Record<string, number>;
  /** Recipients whose final result is ANSWERED, over all recipients. */
  answerRate: number;
  /** Dials per second over the seconds in which dialing happened, and the configured TaskCps. */
  achievedCps: number;
  taskCps: number;
  busiestHour: { hour: string; dials: number } | null;
  /** Dials and answers in each local hour from the start hour to the end hour, empty hours included, for charts. */
  hourly: ForecastHour[];
}

/** One local hour of the virtual clock: `hour` as `YYYY-MM-DD HH:00` in the task's time zone. */
export interface ForecastHour {
  hour: string;
  dials: number;
  answered: number;
}

/** Inputs of summarise. */
export interface ForecastInput {
  startAt: number;
  endAt: number;
  completed: boolean;
  /** When each dial reached the carrier (its ledger's `at`); only the times, so a million dials cost 8 MB. */
  dialTimes: readonly number[];
  /** When each answered call was answered; the hourly series counts none when absent. */
  answerTimes?: readonly number[];
  results: readonly (CallResult | null)[];
  timeZone: string;
  taskCps: number;
}

/** Builds the forecast. */
export function summarise(input: ForecastInput): Forecast {
  const outcomes: Record<string, number> = {};
  for (const r of input.results) outcomes[r ?? 'FAILED'] = (outcomes[r ?? 'FAILED'] ?? 0) + 1;
  const answered = outcomes.ANSWERED ?? 0;
  return {
    recipients: input.results.length,
    completed: input.completed,
    startAt: input.startAt,
    endAt: input.endAt,
    durationMs: input.endAt - input.startAt,
    attempts: input.dialTimes.length,
    outcomes,
    answerRate: input.results.length === 0 ? 0 : answered / input.results.length,
    achievedCps: dialingRate(input.dialTimes),
    taskCps: input.taskCps,
    busiestHour: busiestHour(input.dialTimes, input.timeZone),
    hourly: hourlySeries(input),
  };
}

/** Minutes, seconds and milliseconds past the local hour at `at`, so buckets start on the zone's whole hours. */
function pastLocalHourMs(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, minute: 'numeric', second: 'numeric' }).formatToParts(at);
  const read = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return (read('minute') * 60 + read('second')) * 1000 + (((at % 1000) + 1000) % 1000);
}

/**
 * Buckets of one real hour each, starting at the local hour the run started in: a chart of a multi-day campaign
 * shows the nights it waited through as empty hours rather than squeezing them out.
 */
function hourlySeries(input: ForecastInput): ForecastHour[] {
  const origin = input.startAt - pastLocalHourMs(input.startAt, input.timeZone);
  const count = Math.floor((input.endAt - origin) / 3_600_000) + 1;
  const format = new Intl.DateTimeFormat('sv-SE', { timeZone: input.timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' });
  const series: ForecastHour[] = Array.from({ length: count }, (_, i) => ({ hour: `${format.format(origin + i * 3_600_000)}:00`, dials: 0, answered: 0 }));
  const bucket = (at: number) => series[Math.min(count - 1, Math.max(0, Math.floor((at - origin) / 3_600_000)))]!;
  for (const at of input.dialTimes) bucket(at).dials++;
  for (const at of input.answerTimes ?? []) bucket(at).answered++;
  return series;
}

/**
 * Dials per second during the longest stretch of continuous dialing (dials less than a second apart), so pauses
 * outside call windows and the partial first and last seconds do not distort it: (dials - 1) / (last - first).
 */
function dialingRate(dialTimes: readonly number[]): number {
  const times = [...dialTimes].sort((a, b) => a - b);
  let best = { count: 0, span: 0 };
  let start = 0;
  for (let i = 1; i <= times.length; i++) {
    if (i < times.length && times[i]! - times[i - 1]! < 1000) continue;
    const count = i - start;
    if (count > best.count) best = { count, span: times[i - 1]! - times[start]! };
    start = i;
  }
  return best.count < 2 || best.span === 0 ? 0 : ((best.count - 1) * 1000) / best.span;
}

function busiestHour(dialTimes: readonly number[], timeZone: string): Forecast['busiestHour'] {
  const format = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' });
  const counts = new Map<string, number>();
  // Every time zone's offset is a whole number of quarter hours, so one quarter hour of UTC lies in one local hour:
  // format once per quarter hour instead of once per dial.
  const hourOfQuarter = new Map<number, string>();
  for (const at of dialTimes) {
    const quarter = Math.floor(at / 900_000);
    let hour = hourOfQuarter.get(quarter);
    if (hour === undefined) {
      hour = `${format.format(quarter * 900_000)}:00`;
      hourOfQuarter.set(quarter, hour);
    }
    counts.set(hour, (counts.get(hour) ?? 0) + 1);
  }
  let best: Forecast['busiestHour'] = null;
  for (const [hour, dials] of counts) if (!best || dials > best.dials) best = { hour, dials };
  return best;
}
