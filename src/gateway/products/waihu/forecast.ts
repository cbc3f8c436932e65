/**
 * RunForecast: `waihu simulate` for the caller's account through the API (the console's Forecast page). The same
 * engine plays the campaign out on a virtual clock with the simulated carrier, on a worker thread so the server's
 * event loop stays free, and the answer is the forecast plus an hourly series for charts (docs/simulator.md).
 */
import type { Forecast } from '../../../app/forecast.js';
import type { runSimulationInWorker } from '../../../app/simulation-worker.js';
import { parseTaskSettings } from '../../../core/campaigns/task-settings.js';
import { DomainError } from '../../../core/errors.js';
import { isPlainNumber } from '../../../core/numbers/phone-number.js';
import { parseSimModel } from '../../../providers/telephony/sim/sim-model.js';
import type { ActionHandler } from '../../action.js';
import type { ParamSpec } from '../../catalog/types.js';
import { aiccsSpec } from '../aiccs/aiccs-spec.js';
import { TASK_EXTENSIONS } from '../aiccs/task-extensions.js';
import type { SimulatorModelServices } from './simulator-model.js';
import { ok, waihuAction } from './product.js';

/** Limits of one forecast: the list size, the real time it may take, and how many run at once per process. */
export const FORECAST_LIMITS = Object.freeze({ maxNumbers: 100_000, timeoutMs: 120_000, maxRunning: 2, maxVirtualDays: 60 });

/** The seed `waihu simulate` uses unless told otherwise (config simSeed's default), so both give the same outcomes. */
const DEFAULT_SEED = 20_260_101;
const ALL_DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const TASK_PARAMS = ['TaskCps', 'CallTime', 'CallDay', 'MissCallRetry', 'CallRetryReason', 'CallRetryTimes', 'CallRetryInterval', 'TimeZone'];

/** CreateAiCallTask's own specs of the schedule and retry parameters, optional here (all day, every day). */
function taskParams(): ParamSpec[] {
  const spec = aiccsSpec('CreateAiCallTask', TASK_EXTENSIONS);
  return TASK_PARAMS.map((name) => {
    const param = spec.params.find((p) => p.name === name);
    if (!param) throw new Error(`CreateAiCallTask has no ${name}`);
    return { ...param, required: false };
  });
}

const PARAMS: ParamSpec[] = [
  { name: 'Numbers', type: 'Long', required: false, description: `How many synthetic numbers to forecast, 1-${FORECAST_LIMITS.maxNumbers} (13900000000 upwards); give Numbers or NumberList.` },
  {
    name: 'NumberList', type: 'Array', required: false, shrink: 'json', items: { name: '', type: 'String', required: false },
    description: `The numbers to forecast, at most ${FORECAST_LIMITS.maxNumbers}; give Numbers or NumberList.`,
  },
  ...taskParams(),
  { name: 'Model', type: 'String', required: false, maxLength: 8192, lengthUnit: 'chars', description: "An outcome model as JSON text (docs/simulator.md); the account's simulator model when left out." },
  { name: 'StartTime', type: 'Long', required: false, description: 'When the virtual campaign starts, epoch milliseconds; now when left out.' },
  { name: 'Seed', type: 'Long', required: false, min: 0, max: Number.MAX_SAFE_INTEGER, description: `Seed of the simulated outcomes (default ${DEFAULT_SEED}, as waihu simulate).` },
];

function invalid(param: string, message: string): DomainError {
  return new DomainError('InvalidArgument', message, param);
}

/** The numbers to dial: the list as given, or `Numbers` synthetic ones. */
function numbersOf(p: Record<string, unknown>): string[] {
  const list = p.NumberList;
  if (list !== undefined && p.Numbers !== undefined) throw invalid('Numbers', 'give Numbers or NumberList, not both');
  if (list === undefined) {
    if (p.Numbers === undefined) throw invalid('Numbers', 'Numbers (a count) or NumberList (the numbers) is required');
    const count = Number(p.Numbers);
    if (!Number.isInteger(count) || count < 1 || count > FORECAST_LIMITS.maxNumbers) {
      throw invalid('Numbers', `Numbers must be a whole number from 1 to ${FORECAST_LIMITS.maxNumbers} (got ${String(p.Numbers)})`);
    }
    return Array.from({ length: count }, (_, i) => String(13_900_000_000 + i));
  }
  if (!Array.isArray(list) || list.length === 0) throw invalid('NumberList', 'NumberList must be a non-empty array of numbers');
  if (list.length > FORECAST_LIMITS.maxNumbers) {
    throw invalid('Numbers', `a forecast takes at most ${FORECAST_LIMITS.maxNumbers} numbers (NumberList has ${list.length})`);
  }
  return list.map((n, i) => {
    const text = typeof n === 'string' || typeof n === 'number' ? String(n).trim() : '';
    if (!isPlainNumber(text)) throw invalid('NumberList', `NumberList[${i}] "${text}" is not a phone number (3-20 digits, optional leading +)`);
    return text;
  });
}

/** The Model parameter parsed and checked, or the account's own model when it is left out. */
async function modelOf(p: Record<string, unknown>, accountId: string, s: SimulatorModelServices): Promise<unknown> {
  if (p.Model === undefined || p.Model === '') return (await s.models.current(accountId)).model;
  let model: unknown;
  try {
    model = JSON.parse(p.Model as string);
  } catch (error) {
    throw invalid('Model', `not JSON text: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    parseSimModel(model);
  } catch (error) {
    if (error instanceof DomainError) throw invalid('Model', error.message);
    throw error;
  }
  return model;
}

/** The forecast in the response's PascalCase. */
function render(f: Forecast): Record<string, unknown> {
  return {
    Recipients: f.recipients, Completed: f.completed, StartTime: f.startAt, EndTime: f.endAt, DurationMs: f.durationMs,
    Attempts: f.attempts, Outcomes: f.outcomes, AnswerRate: f.answerRate, AchievedCps: f.achievedCps, TaskCps: f.taskCps,
    BusiestHour: f.busiestHour ? { Hour: f.busiestHour.hour, Dials: f.busiestHour.dials } : null,
    Hourly: f.hourly.map((h) => ({ Hour: h.hour, Dials: h.dials, Answered: h.answered })),
  };
}

/** Runs a simulation off the event loop (the app's worker thread); given by the composition root. */
export type ForecastRunner = typeof runSimulationInWorker;

/** The RunForecast handler; `timeZone` is the server's, used when TimeZone is left out (as the CLI does). */
export function forecastAction(s: SimulatorModelServices, timeZone: string, runForecast: ForecastRunner): ActionHandler {
  let running = 0;
  return {
    spec: waihuAction('RunForecast', "Forecasts a campaign for the caller's account on the simulated carrier: time to complete, outcomes, answer rate, achieved CPS and calls per hour.", PARAMS, { perUser: 20, api: 200 }),
    handle: async (ctx, p) => {
      const numbers = numbersOf(p);
      const settings = {
        TaskName: 'forecast', CallTime: p.CallTime ?? [JSON.stringify({ startTime: '00:00:00', endTime: '24:00:00' })], CallDay: p.CallDay ?? ALL_DAYS,
        TimeZone: p.TimeZone ?? timeZone,
        ...Object.fromEntries(['TaskCps', 'MissCallRetry', 'CallRetryReason', 'CallRetryTimes', 'CallRetryInterval'].filter((k) => p[k] !== undefined).map((k) => [k, p[k]])),
      };
      // Checked here, before a worker starts, so every mistake is named as the parameter the caller sent.
      const parsed = parseTaskSettings({ ...settings, StartType: 'IMMEDIATE' });
      const model = await modelOf(p, ctx.accountId, s);
      if (running >= FORECAST_LIMITS.maxRunning) {
        throw new DomainError('InvalidState', `${FORECAST_LIMITS.maxRunning} forecasts are already running on this server; try again when one has finished`);
      }
      running++;
      const began = performance.now();
      try {
        const forecast = await runForecast({
          rows: numbers.map((calleeNumber) => ({ calleeNumber })),
          settings, model,
          startAt: p.StartTime === undefined ? s.clock.now() : Number(p.StartTime),
          seed: p.Seed === undefined ? DEFAULT_SEED : Number(p.Seed),
          speed: 0,
          maxVirtualMs: FORECAST_LIMITS.maxVirtualDays * 86_400_000,
        }, FORECAST_LIMITS.timeoutMs);
        return ok({ ...render(forecast), TimeZone: parsed.timeZone, ElapsedMs: Math.round(performance.now() - began) });
      } finally {
        running--;
      }
    },
  };
}
