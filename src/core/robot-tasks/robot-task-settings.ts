/**
 * CreateRobotTask's parameters, validated once, and what they become on the campaign engine: the settings of the
 * campaign task the robot task runs as, and its redial policy.
 *
 * Redial (RetryType=1) maps the doc's call-state codes onto the engine's call results, which the retry policy
 * (dialer/policies/retry.ts) compares each ended attempt against:
 *
 * | RecallStateCodes | doc meaning | engine CallResult (simulator magic suffix)      |
 * | ---------------- | ----------- | ----------------------------------------------- |
 * | 200002           | 占线 busy    | USER_BUSY (0001)                                |
 * | 200003           | 无应答       | NO_ANSWER (0002)                                |
 * | 200005           | 无法接通     | UNAVAILABLE (0007), NO_USER_RESPONSE (0006)      |
 * | 200010           | 关机         | POWERED_OFF (0003)                              |
 * | 200011           | 停机         | SUSPEND (0005)                                  |
 * | 200012           | 呼损         | NETWORK_BUSY (0012), OPERATOR_BLOCK (0011)       |
 *
 * Choices the doc leaves open: without RecallStateCodes the transient states are redialled (200002, 200003, 200005,
 * 200010, 200012); RecallTimes 0-3, default 1 (the engine's retry limit); RecallInterval 2-720 minutes ("must be
 * greater than 1"), default 5. Robot tasks call around the clock: the doc gives them no calling window.
 */
import type { CallResult } from '../calls/call-result.js';
import { productTaskSettings } from '../campaigns/product-task-settings.js';
import { RETRY_LIMITS, type RetrySettings } from '../campaigns/retry-settings.js';
import type { TaskSettings } from '../campaigns/task-settings.js';
import { readBool, readInt, readString } from '../campaigns/setting-values.js';
import { DomainError } from '../errors.js';
import { isPlainNumber } from '../numbers/phone-number.js';

/** The documented redial states and the engine results each stands for. */
export const RECALL_STATE_RESULTS = Object.freeze({
  '200002': ['USER_BUSY'],
  '200003': ['NO_ANSWER'],
  '200005': ['UNAVAILABLE', 'NO_USER_RESPONSE'],
  '200010': ['POWERED_OFF'],
  '200011': ['SUSPEND'],
  '200012': ['NETWORK_BUSY', 'OPERATOR_BLOCK'],
} as const satisfies Record<string, readonly CallResult[]>);

/** One documented redial state code. */
export type RecallStateCode = keyof typeof RECALL_STATE_RESULTS;

/** The documented codes, in the doc's order of the CreateRobotTask table. */
export const RECALL_STATE_CODES: readonly RecallStateCode[] = ['200010', '200011', '200002', '200012', '200005', '200003'];

/** Redialled when RetryType=1 names no states. */
export const DEFAULT_RECALL_STATE_CODES: readonly RecallStateCode[] = ['200002', '200003', '200005', '200010', '200012'];

/** Limits and defaults of a robot task. */
export const ROBOT_TASK_LIMITS = Object.freeze({
  maxCallers: 100,
  maxCorpName: 128,
  minRecallInterval: 2,
  maxRecallInterval: RETRY_LIMITS.maxIntervalMinutes,
  defaultRecallInterval: 5,
  maxRecallTimes: RETRY_LIMITS.maxTimes,
  defaultRecallTimes: 1,
  taskCps: 10,
});

/** CreateRobotTask's parameters after validation. */
export interface RobotTaskConfig {
  taskName: string;
  dialogId: string;
  corpName: string;
  callers: string[];
  numberStatusIdent: boolean;
  retryType: 0 | 1;
  recallStateCodes: RecallStateCode[];
  recallTimes: number;
  recallInterval: number;
  isSelfLine: boolean;
}

function invalid(param: string, message: string): DomainError {
  return new DomainError('InvalidArgument', message, param);
}

function isRecallStateCode(code: string): code is RecallStateCode {
  return Object.hasOwn(RECALL_STATE_RESULTS, code);
}

/** A comma list as its trimmed, non-empty items. */
function commaList(value: unknown): string[] {
  return String(value ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
}

function parseCallers(value: unknown): string[] {
  const callers = [...new Set(commaList(value))];
  if (callers.length === 0) throw invalid('Caller', 'Caller needs at least one calling number');
  if (callers.length > ROBOT_TASK_LIMITS.maxCallers) throw invalid('Caller', `Caller takes at most ${ROBOT_TASK_LIMITS.maxCallers} numbers`);
  for (const caller of callers) {
    if (!isPlainNumber(caller.replace(/-/g, ''))) throw invalid('Caller', `Caller "${caller}" is not a phone number`);
  }
  return callers;
}

function parseRecallStateCodes(value: unknown): RecallStateCode[] {
  const codes = commaList(value);
  if (codes.length === 0) return [...DEFAULT_RECALL_STATE_CODES];
  for (const code of codes) {
    if (!isRecallStateCode(code)) throw invalid('RecallStateCodes', `RecallStateCodes "${code}" is not one of ${RECALL_STATE_CODES.join(', ')}`);
  }
  return RECALL_STATE_CODES.filter((c) => codes.includes(c));
}

/** Validates CreateRobotTask's parameters (types and the catalog's ranges were checked by the gateway). */
export function parseRobotTaskConfig(p: Record<string, unknown>): RobotTaskConfig {
  const taskName = readString(p.TaskName, 'TaskName', 30, null);
  if (taskName === null) throw invalid('TaskName', 'TaskName must not be blank');
  const dialogId = readString(p.DialogId, 'DialogId', 64, null);
  if (dialogId === null) throw invalid('DialogId', 'DialogId is required');
  const retryType = readInt(p.RetryType, 'RetryType', { min: 0, max: 1 }, 0) as 0 | 1;
  return {
    taskName,
    dialogId,
    corpName: readString(p.CorpName, 'CorpName', ROBOT_TASK_LIMITS.maxCorpName, '') ?? '',
    callers: parseCallers(p.Caller),
    numberStatusIdent: readBool(p.NumberStatusIdent, 'NumberStatusIdent', false),
    retryType,
    recallStateCodes: parseRecallStateCodes(p.RecallStateCodes),
    recallTimes: readInt(p.RecallTimes, 'RecallTimes', { min: 0, max: ROBOT_TASK_LIMITS.maxRecallTimes }, ROBOT_TASK_LIMITS.defaultRecallTimes),
    recallInterval: readInt(p.RecallInterval, 'RecallInterval', { min: ROBOT_TASK_LIMITS.minRecallInterval, max: ROBOT_TASK_LIMITS.maxRecallInterval },
      ROBOT_TASK_LIMITS.defaultRecallInterval),
    isSelfLine: readBool(p.IsSelfLine, 'IsSelfLine', false),
  };
}

/** The engine results behind redial state codes. */
export function recallResultsOf(codes: readonly RecallStateCode[]): CallResult[] {
  return codes.flatMap((c) => [...RECALL_STATE_RESULTS[c]]);
}

/** The doc's redial code of an engine result, when it has one. */
export function recallStateCodeOf(result: CallResult): RecallStateCode | undefined {
  return RECALL_STATE_CODES.find((c) => (RECALL_STATE_RESULTS[c] as readonly CallResult[]).includes(result));
}

/** The engine retry settings of a robot task: its RecallStateCodes as the call results they stand for. */
export function robotRetrySettings(config: RobotTaskConfig): RetrySettings {
  return {
    enabled: config.retryType === 1,
    reasons: recallResultsOf(config.recallStateCodes),
    times: config.recallTimes,
    intervalMinutes: config.recallInterval,
  };
}

/**
 * The settings of the campaign task a robot task runs as (product-task-settings.ts): around the clock, at the robot
 * task pace, redialling as RecallStateCodes, RecallTimes and RecallInterval say. The user's TaskName is kept with the
 * robot task; the campaign task's name is internal.
 */
export function robotTaskSettings(taskId: string, config: RobotTaskConfig, timeZone: string): TaskSettings {
  return productTaskSettings({
    product: 'robot-task', id: taskId, callerNumbers: config.callers, virtualNumber: null, taskCps: ROBOT_TASK_LIMITS.taskCps,
    retry: robotRetrySettings(config), timeZone,
  });
}
