/**
 * The configuration of a task as CreateAiCallTask and UpdateAiCallTask set it, validated once. Input keys are the
 * wire parameter names, so every error names the parameter the caller sent. TimeZone, CallerNumbers and
 * Concurrency are waihu extensions.
 */
import { DomainError } from '../errors.js';
import { parseCallDays, parseCallTime, type CallDay, type CallTime } from './call-time.js';
import { parseRetrySettings, type RetryInput, type RetrySettings } from './retry-settings.js';
import { readInt, readList, readString, readTimeZone } from './setting-values.js';

/** IMMEDIATE starts the task when it is created; SCHEDULE at TaskStartTime. */
export type StartType = 'IMMEDIATE' | 'SCHEDULE';

/** Everything a task is configured with. */
export interface TaskSettings {
  /** Unique within the account. */
  name: string;
  agentId: string | null;
  /** VirtualNumber: "呼出使用的服务实例". */
  virtualNumber: string | null;
  /** Caller lines the dialer rotates over; defaults to [VirtualNumber] when that is given. */
  callerNumbers: readonly string[];
  startType: StartType;
  /** Epoch ms; only for SCHEDULE (the doc: "StarType字段为SCHEDULE时该字段有效"). */
  taskStartTime: number | null;
  callTime: CallTime;
  callDays: readonly CallDay[];
  /** Calls started per second, 1..500. */
  taskCps: number;
  /** Calls in progress at once for this task; null means only TaskCps and the account/line caps apply. */
  concurrency: number | null;
  retry: RetrySettings;
  /** IANA zone in which CallTime and CallDay are read. */
  timeZone: string;
  applicationCode: string | null;
  applicationName: string | null;
  source: number | null;
  phoneType: number | null;
  lineEncoding: string | null;
  linePhoneNum: string | null;
}

/** Parameters of CreateAiCallTask/UpdateAiCallTask (plus waihu's), as received. */
export interface TaskSettingsInput extends RetryInput {
  TaskName?: unknown;
  AgentId?: unknown;
  VirtualNumber?: unknown;
  CallerNumbers?: unknown;
  StartType?: unknown;
  TaskStartTime?: unknown;
  CallTime?: unknown;
  CallDay?: unknown;
  TaskCps?: unknown;
  Concurrency?: unknown;
  TimeZone?: unknown;
  ApplicationCode?: unknown;
  ApplicationName?: unknown;
  Source?: unknown;
  PhoneType?: unknown;
  LineEncoding?: unknown;
  LinePhoneNum?: unknown;
}

/** Limits and defaults; the doc's where it has them (TaskCps ≤ 500), waihu's otherwise. */
export const TASK_LIMITS = Object.freeze({
  maxNameLength: 128,
  maxTaskCps: 500,
  defaultTaskCps: 10,
  maxConcurrency: 10_000,
  defaultTimeZone: 'Asia/Shanghai',
});

const INT64 = { min: -(2 ** 53 - 1), max: 2 ** 53 - 1 };

function parseName(value: unknown): string {
  const name = readString(value, 'TaskName', TASK_LIMITS.maxNameLength, null);
  if (name === null) throw new DomainError('InvalidArgument', 'TaskName is required', 'TaskName');
  return name;
}

function parseStart(input: TaskSettingsInput): { startType: StartType; taskStartTime: number | null } {
  const startType = readString(input.StartType, 'StartType', 16, null)?.toUpperCase();
  if (startType !== 'IMMEDIATE' && startType !== 'SCHEDULE') {
    throw new DomainError('InvalidArgument', 'StartType must be IMMEDIATE or SCHEDULE', 'StartType');
  }
  if (startType === 'IMMEDIATE') return { startType, taskStartTime: null };
  const at = readInt(input.TaskStartTime, 'TaskStartTime', { min: 1, max: INT64.max }, null);
  if (at === null) throw new DomainError('InvalidArgument', 'TaskStartTime is required when StartType is SCHEDULE', 'TaskStartTime');
  return { startType, taskStartTime: at };
}

function parseCallerNumbers(value: unknown, virtualNumber: string | null, current: TaskSettings | undefined): string[] {
  const list = readList(value, 'CallerNumbers', undefined);
  if (list === undefined) {
    if (virtualNumber !== null && virtualNumber !== current?.virtualNumber) return [virtualNumber];
    return current ? [...current.callerNumbers] : [];
  }
  return list.map((n) => {
    const number = readString(n, 'CallerNumbers', 32, null);
    if (number === null) throw new DomainError('InvalidArgument', 'CallerNumbers must not contain empty numbers', 'CallerNumbers');
    return number;
  });
}

/** The settings of UpdateAiCallTask's parameters, shared by create and update; left-out optional ones keep `current`. */
function parseUpdatable(input: TaskSettingsInput, current: TaskSettings | undefined) {
  const virtualNumber = readString(input.VirtualNumber, 'VirtualNumber', 64, current?.virtualNumber ?? null);
  return {
    name: parseName(input.TaskName),
    virtualNumber,
    callerNumbers: parseCallerNumbers(input.CallerNumbers, virtualNumber, current),
    ...parseStart(input),
    callTime: parseCallTime(readList(input.CallTime, 'CallTime', undefined)),
    callDays: parseCallDays(readList(input.CallDay, 'CallDay', undefined)),
    taskCps: readInt(input.TaskCps, 'TaskCps', { min: 1, max: TASK_LIMITS.maxTaskCps }, current?.taskCps ?? TASK_LIMITS.defaultTaskCps),
    concurrency: readInt(input.Concurrency, 'Concurrency', { min: 1, max: TASK_LIMITS.maxConcurrency }, current?.concurrency ?? null),
    retry: parseRetrySettings(input, current?.retry),
    timeZone: readTimeZone(input.TimeZone, 'TimeZone', current?.timeZone ?? TASK_LIMITS.defaultTimeZone),
    source: readInt(input.Source, 'Source', INT64, current?.source ?? null),
    phoneType: readInt(input.PhoneType, 'PhoneType', INT64, current?.phoneType ?? null),
    lineEncoding: readString(input.LineEncoding, 'LineEncoding', 128, current?.lineEncoding ?? null),
    linePhoneNum: readString(input.LinePhoneNum, 'LinePhoneNum', 32, current?.linePhoneNum ?? null),
  };
}

/** Validates CreateAiCallTask's parameters. */
export function parseTaskSettings(input: TaskSettingsInput): TaskSettings {
  return {
    ...parseUpdatable(input, undefined),
    agentId: readString(input.AgentId, 'AgentId', 64, null),
    applicationCode: readString(input.ApplicationCode, 'ApplicationCode', 128, null),
    applicationName: readString(input.ApplicationName, 'ApplicationName', 128, null),
  };
}

/**
 * The settings after UpdateAiCallTask: its required parameters (TaskName, StartType, CallTime, CallDay) replace the
 * current values; an optional one left out keeps its current value rather than resetting to the create default, so
 * an update cannot silently switch retries off or drop the caller line. AgentId and ApplicationCode/Name, which
 * UpdateAiCallTask cannot send, are kept.
 */
export function applyTaskUpdate(current: TaskSettings, input: TaskSettingsInput): TaskSettings {
  return {
    ...parseUpdatable(input, current),
    agentId: current.agentId,
    applicationCode: current.applicationCode,
    applicationName: current.applicationName,
  };
}
