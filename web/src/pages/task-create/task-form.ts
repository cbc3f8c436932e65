/**
 * The create wizard's form: every CreateAiCallTask parameter (and waihu's TimeZone, CallerNumbers, Concurrency),
 * the checks each step runs before Next (the same limits the action applies, docs/aiccs-tasks.md), and the exact
 * parameters sent. The server validates again; these checks only spare the user a round trip.
 */
import { localInputToMs } from '../../format';
import type { MessageKey } from '../../i18n';

export const CALL_DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export const RETRY_REASONS = ['CALL_REJECTED', 'USER_BUSY', 'SUSPEND', 'INVALID_NUMBER', 'POWERED_OFF', 'NETWORK_BUSY', 'NO_ANSWER'] as const;
/** The reasons retried when MissCallRetry is on and CallRetryReason is left out. */
export const DEFAULT_RETRY_REASONS: readonly string[] = ['USER_BUSY', 'POWERED_OFF', 'NETWORK_BUSY', 'NO_ANSWER'];

export const STEPS = ['basics', 'schedule', 'retries', 'numbers', 'review'] as const;
export type Step = (typeof STEPS)[number];

export interface CallWindow {
  start: string;
  end: string;
}

/** Every input as the user typed it (text for numbers, so a half-typed value is not lost). */
export interface TaskForm {
  TaskName: string;
  AgentId: string;
  ApplicationCode: string;
  ApplicationName: string;
  Source: string;
  StartType: 'IMMEDIATE' | 'SCHEDULE';
  /** A datetime-local value, read in the browser's time zone. */
  TaskStartTime: string;
  windows: CallWindow[];
  CallDay: string[];
  TimeZone: string;
  MissCallRetry: boolean;
  CallRetryReason: string[];
  CallRetryTimes: string;
  CallRetryInterval: string;
  TaskCps: string;
  Concurrency: string;
  VirtualNumber: string;
  CallerNumbers: string[];
  PhoneType: string;
  LineEncoding: string;
  LinePhoneNum: string;
}

export function emptyForm(): TaskForm {
  return {
    TaskName: '', AgentId: '', ApplicationCode: '', ApplicationName: '', Source: '',
    StartType: 'IMMEDIATE', TaskStartTime: '', windows: [{ start: '09:00:00', end: '18:00:00' }],
    CallDay: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'], TimeZone: '',
    MissCallRetry: false, CallRetryReason: [...DEFAULT_RETRY_REASONS], CallRetryTimes: '1', CallRetryInterval: '5',
    TaskCps: '10', Concurrency: '', VirtualNumber: '', CallerNumbers: [], PhoneType: '', LineEncoding: '', LinePhoneNum: '',
  };
}

export type FieldErrors = Partial<Record<string, MessageKey>>;

const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** Seconds after midnight of H:mm[:ss] (24:00:00 allowed as an end), or undefined. */
function clockSeconds(text: string, end: boolean): number | undefined {
  const m = CLOCK.exec(text.trim());
  if (!m) return undefined;
  const [h, min, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? '0')];
  if (end && h === 24 && min === 0 && s === 0) return 86_400;
  if (h > 23 || min > 59 || s > 59) return undefined;
  return h * 3600 + min * 60 + s;
}

/** HH:mm:ss, the wire form, from what a time input gives (HH:mm when the seconds are zero). */
export function wireClock(text: string): string {
  const t = text.trim();
  return /^\d{1,2}:\d{2}$/.test(t) ? `${t}:00` : t;
}

function intIn(text: string, min: number, max: number): boolean {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isSafeInteger(n) && n >= min && n <= max;
}

function validZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const PHONE = /^\+?\d{3,32}$/;

/** The problems of one step's fields, keyed by field (windows as `window.<i>`). Empty when the step may be left. */
export function validateStep(step: Step, f: TaskForm, now = Date.now()): FieldErrors {
  const e: FieldErrors = {};
  if (step === 'basics') {
    if (f.TaskName.trim() === '') e.TaskName = 'tc.err.nameRequired';
    else if (f.TaskName.trim().length > 128) e.TaskName = 'tc.err.nameTooLong';
    if (f.ApplicationCode.trim().length > 128) e.ApplicationCode = 'tc.err.tooLong128';
    if (f.ApplicationName.trim().length > 128) e.ApplicationName = 'tc.err.tooLong128';
    if (f.Source.trim() !== '' && !intIn(f.Source, -(2 ** 53 - 1), 2 ** 53 - 1)) e.Source = 'tc.err.integer';
  }
  if (step === 'schedule') {
    if (f.StartType === 'SCHEDULE') {
      const at = localInputToMs(f.TaskStartTime);
      if (at === undefined) e.TaskStartTime = 'tc.err.startTimeRequired';
      else if (at < now) e.TaskStartTime = 'tc.err.startTimePast';
    }
    if (f.windows.length === 0) e.windows = 'tc.err.windowsRequired';
    f.windows.forEach((w, i) => {
      const start = clockSeconds(w.start, false);
      const end = clockSeconds(w.end, true);
      if (start === undefined || end === undefined) e[`window.${i}`] = 'tc.err.windowFormat';
      else if (start === end) e[`window.${i}`] = 'tc.err.windowEmpty';
    });
    if (f.CallDay.length === 0) e.CallDay = 'tc.err.daysRequired';
    if (f.TimeZone.trim() !== '' && !validZone(f.TimeZone.trim())) e.TimeZone = 'tc.err.timeZone';
  }
  if (step === 'retries') {
    if (f.MissCallRetry) {
      if (!intIn(f.CallRetryTimes, 0, 3)) e.CallRetryTimes = 'tc.err.retryTimes';
      if (!intIn(f.CallRetryInterval, 1, 720)) e.CallRetryInterval = 'tc.err.retryInterval';
      if (f.CallRetryReason.length === 0) e.CallRetryReason = 'tc.err.retryReasons';
    }
    if (!intIn(f.TaskCps, 1, 500)) e.TaskCps = 'tc.err.cps';
    if (f.Concurrency.trim() !== '' && !intIn(f.Concurrency, 1, 10_000)) e.Concurrency = 'tc.err.concurrency';
  }
  if (step === 'numbers') {
    if (f.VirtualNumber.trim().length > 64) e.VirtualNumber = 'tc.err.tooLong64';
    if (f.CallerNumbers.some((n) => !PHONE.test(n))) e.CallerNumbers = 'tc.err.callerNumber';
    if (f.PhoneType.trim() !== '' && !intIn(f.PhoneType, -(2 ** 53 - 1), 2 ** 53 - 1)) e.PhoneType = 'tc.err.integer';
    if (f.LineEncoding.trim().length > 128) e.LineEncoding = 'tc.err.tooLong128';
    if (f.LinePhoneNum.trim().length > 32) e.LinePhoneNum = 'tc.err.tooLong32';
  }
  return e;
}

/** The first step with a problem, or undefined when the whole form is ready. */
export function firstInvalidStep(f: TaskForm): Step | undefined {
  return STEPS.find((s) => Object.keys(validateStep(s, f)).length > 0);
}

/** The exact CreateAiCallTask parameters; optional fields left blank are not sent (the action's defaults apply). */
export function createParams(f: TaskForm): Record<string, unknown> {
  const p: Record<string, unknown> = { TaskName: f.TaskName.trim() };
  const text = (name: keyof TaskForm & string, value: string) => {
    if (value.trim() !== '') p[name] = value.trim();
  };
  const int = (name: string, value: string) => {
    if (value.trim() !== '') p[name] = Number(value.trim());
  };
  text('AgentId', f.AgentId);
  text('ApplicationCode', f.ApplicationCode);
  text('ApplicationName', f.ApplicationName);
  int('Source', f.Source);
  p.StartType = f.StartType;
  if (f.StartType === 'SCHEDULE') p.TaskStartTime = localInputToMs(f.TaskStartTime);
  p.CallTime = f.windows.map((w) => JSON.stringify({ startTime: wireClock(w.start), endTime: wireClock(w.end) }));
  p.CallDay = CALL_DAYS.filter((d) => f.CallDay.includes(d));
  text('TimeZone', f.TimeZone);
  p.MissCallRetry = f.MissCallRetry;
  if (f.MissCallRetry) {
    p.CallRetryReason = RETRY_REASONS.filter((r) => f.CallRetryReason.includes(r));
    int('CallRetryTimes', f.CallRetryTimes);
    int('CallRetryInterval', f.CallRetryInterval);
  }
  int('TaskCps', f.TaskCps);
  int('Concurrency', f.Concurrency);
  text('VirtualNumber', f.VirtualNumber);
  if (f.CallerNumbers.length > 0) p.CallerNumbers = [...f.CallerNumbers];
  int('PhoneType', f.PhoneType);
  text('LineEncoding', f.LineEncoding);
  text('LinePhoneNum', f.LinePhoneNum);
  return p;
}
