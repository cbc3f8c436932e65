/** Rows of the campaign tables to domain records and back. */
import type { Insertable, Selectable } from 'kysely';
import { isCallResult, type CallResult } from '../core/calls/call-result.js';
import type { CallDay, CallWindow } from '../core/campaigns/call-time.js';
import type { AttemptRecord, BatchRecord, DetailRecord, HangupDirection, TaskRecord } from '../core/campaigns/campaign-records.js';
import type { DetailState } from '../core/campaigns/detail-state.js';
import { isTaskProduct, type TaskFlow } from '../core/campaigns/task-product.js';
import type { TaskSettings } from '../core/campaigns/task-settings.js';
import type { EncryptionType } from '../core/numbers/encryption-type.js';
import type { CallAttemptsTable, CampaignBatchesTable, CampaignDetailsTable, CampaignTasksTable } from './schema.js';

/** A nullable bigint column as a number (drivers may hand back other numeric forms). */
export function numberOrNull(value: number | string | bigint | null): number | null {
  return value === null ? null : Number(value);
}

function callResult(value: string | null): CallResult | null {
  return value !== null && isCallResult(value) ? value : null;
}

/** The columns that hold a task's settings. */
export function settingsColumns(s: TaskSettings): Omit<Insertable<CampaignTasksTable>, 'id' | 'account_id' | 'status' | 'created_at' | 'updated_at'> {
  return {
    name: s.name,
    agent_id: s.agentId,
    virtual_number: s.virtualNumber,
    caller_numbers: JSON.stringify(s.callerNumbers),
    start_type: s.startType,
    task_start_time: s.taskStartTime,
    call_time_raw: JSON.stringify(s.callTime.raw),
    call_windows: JSON.stringify(s.callTime.windows),
    call_days: JSON.stringify(s.callDays),
    task_cps: s.taskCps,
    concurrency: s.concurrency,
    retry_enabled: s.retry.enabled ? 1 : 0,
    retry_reasons: JSON.stringify(s.retry.reasons),
    retry_times: s.retry.times,
    retry_interval_min: s.retry.intervalMinutes,
    time_zone: s.timeZone,
    application_code: s.applicationCode,
    application_name: s.applicationName,
    source: s.source,
    phone_type: s.phoneType,
    line_encoding: s.lineEncoding,
    line_phone_num: s.linePhoneNum,
  };
}

function toSettings(row: Selectable<CampaignTasksTable>): TaskSettings {
  return {
    name: row.name,
    agentId: row.agent_id,
    virtualNumber: row.virtual_number,
    callerNumbers: JSON.parse(row.caller_numbers) as string[],
    startType: row.start_type,
    taskStartTime: numberOrNull(row.task_start_time),
    callTime: { raw: JSON.parse(row.call_time_raw) as string[], windows: JSON.parse(row.call_windows) as CallWindow[] },
    callDays: JSON.parse(row.call_days) as CallDay[],
    taskCps: Number(row.task_cps),
    concurrency: numberOrNull(row.concurrency),
    retry: {
      enabled: Number(row.retry_enabled) === 1,
      reasons: JSON.parse(row.retry_reasons) as CallResult[],
      times: Number(row.retry_times),
      intervalMinutes: Number(row.retry_interval_min),
    },
    timeZone: row.time_zone,
    applicationCode: row.application_code,
    applicationName: row.application_name,
    source: numberOrNull(row.source),
    phoneType: numberOrNull(row.phone_type),
    lineEncoding: row.line_encoding,
    linePhoneNum: row.line_phone_num,
  };
}

/** A task row as a record. */
export function toTask(row: Selectable<CampaignTasksTable>): TaskRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    // A product this build does not know is shown to no product rather than to aiccs.
    product: isTaskProduct(row.product) ? row.product : 'call-task',
    flow: row.flow === null ? null : (JSON.parse(row.flow) as TaskFlow),
    settings: toSettings(row),
    status: row.status,
    startFailedReason: row.start_failed_reason,
    scheduledStartAt: numberOrNull(row.scheduled_start_at),
    realStartTime: numberOrNull(row.real_start_time),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

/** A batch row as a record. */
export function toBatch(row: Selectable<CampaignBatchesTable>): BatchRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    taskId: row.task_id,
    encryptionType: Number(row.encryption_type) as EncryptionType,
    rowCount: Number(row.row_count),
    createdAt: Number(row.created_at),
  };
}

/** A detail row as a record. */
export function toDetail(row: Selectable<CampaignDetailsTable>): DetailRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    taskId: row.task_id,
    batchId: row.batch_id,
    number: row.number,
    encryptionType: Number(row.encryption_type) as EncryptionType,
    outId: row.out_id,
    variables: JSON.parse(row.variables) as Record<string, string>,
    state: Number(row.state) as DetailState,
    dueAt: Number(row.due_at),
    attemptCount: Number(row.attempt_count),
    leaseOwner: row.lease_owner,
    leaseExpiresAt: numberOrNull(row.lease_expires_at),
    importedAt: Number(row.created_at),
    callingTime: numberOrNull(row.calling_time),
    callResult: callResult(row.call_result),
    failedReason: row.failed_reason,
    durationSeconds: numberOrNull(row.duration_s),
    majorIntent: row.major_intent,
    conversationTurnCount: numberOrNull(row.turn_count),
    endedAt: numberOrNull(row.ended_at),
    updatedAt: Number(row.updated_at),
  };
}

/** An attempt row as a record. */
export function toAttempt(row: Selectable<CallAttemptsTable>): AttemptRecord {
  return {
    id: row.id,
    callId: row.call_id,
    accountId: row.account_id,
    taskId: row.task_id,
    detailId: row.detail_id,
    attemptNumber: Number(row.attempt_number),
    fromState: Number(row.from_state) as DetailState,
    leaseOwner: row.lease_owner,
    claimedAt: Number(row.claimed_at),
    callerNumber: row.caller_number,
    originatedAt: numberOrNull(row.originated_at),
    ringAt: numberOrNull(row.ring_at),
    answerAt: numberOrNull(row.answer_at),
    releaseAt: numberOrNull(row.release_at),
    durationSeconds: numberOrNull(row.duration_s),
    callResult: callResult(row.call_result),
    statusCode: row.status_code,
    failedReason: row.failed_reason,
    hangupDirection: row.hangup_direction as HangupDirection | null,
    conversationTurnCount: numberOrNull(row.turn_count),
    majorIntent: row.major_intent,
    interruptedAt: numberOrNull(row.interrupted_at),
    endedAt: numberOrNull(row.ended_at),
  };
}
