/**
 * CancelAiCallDetails as a use case. Which details: DetailIdList wins ("以该参数为准,BatchId和PhoneNumbers无效");
 * otherwise a BatchId of the task, optionally narrowed to PhoneNumbers ("必须指定BatchId,否则认为参数无效").
 * Only details not yet queued or calling (states 0-2) are cancelled; the rest are reported one by one.
 */
import { DomainError } from '../errors.js';
import { parseEncryptionType, type EncryptionType } from '../numbers/encryption-type.js';
import { normalizeRecipientNumber } from '../numbers/phone-number.js';
import type { CancelOutcome, DetailSelector } from '../../ports/campaign-store.js';
import { notFound, requireTask, type CampaignDeps } from './campaign-deps.js';
import type { TaskRecord } from './campaign-records.js';
import { optionalId, optionalIdList, requireId } from './query-values.js';
import { absent } from './setting-values.js';

/** CancelAiCallDetails' parameters, as received. */
export interface CancelInput {
  TaskId?: unknown;
  DetailIdList?: unknown;
  BatchId?: unknown;
  PhoneNumbers?: unknown;
  EncryptionType?: unknown;
}

function invalid(param: string, message: string): DomainError {
  return new DomainError('InvalidArgument', message, param);
}

/** PhoneNumbers as stored: checked against EncryptionType when given, digests lower-cased. */
function readNumbers(input: CancelInput): { numbers?: string[]; encryptionType?: EncryptionType } {
  const list = optionalIdList(input.PhoneNumbers, 'PhoneNumbers');
  if (!list) return {};
  if (absent(input.EncryptionType)) return { numbers: list.map((n) => n.toLowerCase()) };
  const encryptionType = parseEncryptionType(input.EncryptionType);
  return { numbers: list.map((n) => normalizeRecipientNumber(n, encryptionType, 'PhoneNumbers')), encryptionType };
}

/** The selector the parameters name, with the batch checked to be the task's own. */
async function selectorOf(deps: CampaignDeps, task: TaskRecord, input: CancelInput): Promise<DetailSelector> {
  const detailIds = optionalIdList(input.DetailIdList, 'DetailIdList');
  if (detailIds) return { detailIds };
  const batchId = optionalId(input.BatchId, 'BatchId');
  const { numbers, encryptionType } = readNumbers(input);
  if (batchId === undefined) {
    if (numbers) throw invalid('PhoneNumbers', 'PhoneNumbers needs BatchId: numbers are looked up within one import batch');
    throw invalid('DetailIdList', 'CancelAiCallDetails needs DetailIdList, or BatchId (optionally narrowed by PhoneNumbers)');
  }
  const batch = await deps.store.getBatch(task.accountId, batchId);
  if (!batch || batch.taskId !== task.id) throw notFound('BatchId', batchId);
  return { batchId, ...(numbers ? { numbers } : {}), ...(encryptionType !== undefined ? { encryptionType } : {}) };
}

/**
 * Cancels what the parameters select. When the cancel leaves a running task with every recipient terminal, the task
 * completes now rather than at the dialer's next pass.
 */
export async function cancelDetails(deps: CampaignDeps, accountId: string, input: CancelInput): Promise<CancelOutcome> {
  const task = await requireTask(deps, accountId, requireId(input.TaskId, 'TaskId'));
  const selector = await selectorOf(deps, task, input);
  const now = deps.clock.now();
  const outcome = await deps.store.cancelDetails(accountId, task.id, selector, now);
  if (outcome.cancelled.length > 0) await deps.store.completeTaskIfDone(task.id, now);
  return outcome;
}
