/**
 * ImportTaskNumberDatas (one batch of at most 1000 JSON rows) and ImportOneTaskPhoneNumber (one recipient, no
 * batch) as use cases. Rows are validated all or nothing before anything is written; the store writes a batch and
 * its details in one transaction.
 */
import { DomainError } from '../errors.js';
import { parseEncryptionType, type EncryptionType } from '../numbers/encryption-type.js';
import type { NewDetail } from '../../ports/campaign-store.js';
import { guardedWrite, requireTask, type CampaignDeps } from './campaign-deps.js';
import type { TaskRecord } from './campaign-records.js';
import { requireId } from './query-values.js';
import { parseImportRows, parseSingleRecipient, type Recipient } from './recipient.js';
import { assertTaskAllows, type TaskAction } from './task-refusals.js';
import { readList, readString } from './setting-values.js';

/** ImportTaskNumberDatas' parameters, as received. */
export interface NumberImportInput {
  TaskId?: unknown;
  DataType?: unknown;
  OssFileName?: unknown;
  PhoneNumberList?: unknown;
  EncryptionType?: unknown;
}

/** ImportOneTaskPhoneNumber's parameters, as received. */
export interface SingleImportInput {
  TaskId?: unknown;
  PhoneNumber?: unknown;
  OutId?: unknown;
  Variables?: unknown;
  EncryptionType?: unknown;
}

/** What ImportTaskNumberDatas stored. */
export interface ImportResult {
  /** The new batch's id (the BatchId). */
  batchId: string;
  /** The stored details, in the order given. */
  details: NewDetail[];
}

function invalid(param: string, message: string): DomainError {
  return new DomainError('InvalidArgument', message, param);
}

/** Only JSON rows can be imported through the API, as on Alibaba ("API调用暂时仅支持JSON数据类型"). */
function checkJsonImport(input: NumberImportInput): void {
  const dataType = readString(input.DataType, 'DataType', 16, null)?.toUpperCase();
  if (!dataType) throw invalid('DataType', 'DataType is required; use JSON');
  if (dataType !== 'JSON') {
    throw invalid('DataType', `DataType ${dataType} is not supported through the API: send the rows in PhoneNumberList with DataType JSON`);
  }
  if (readString(input.OssFileName, 'OssFileName', 1024, null) !== null) {
    throw invalid('OssFileName', 'OssFileName imports are not supported through the API: send the rows in PhoneNumberList');
  }
}

/** Stores recipients in one transaction, giving each detail its id. */
async function storeRecipients(
  deps: CampaignDeps,
  action: TaskAction,
  task: TaskRecord,
  batchId: string | null,
  encryptionType: EncryptionType,
  recipients: readonly Recipient[],
): Promise<NewDetail[]> {
  const details = recipients.map((r) => ({ ...r, id: deps.ids.next() }));
  const input = { accountId: task.accountId, taskId: task.id, batchId, encryptionType, details, at: deps.clock.now() };
  await guardedWrite(deps, action, task, () => deps.store.importDetails(input));
  return details;
}

/** Imports up to 1000 rows as one new batch; refused for a cancelled task. A completed task reopens. */
export async function importNumbers(deps: CampaignDeps, accountId: string, input: NumberImportInput): Promise<ImportResult> {
  const taskId = requireId(input.TaskId, 'TaskId');
  checkJsonImport(input);
  const encryptionType = parseEncryptionType(input.EncryptionType);
  const rows = readList(input.PhoneNumberList, 'PhoneNumberList', undefined);
  if (rows === undefined) throw invalid('PhoneNumberList', 'PhoneNumberList is required when DataType is JSON');
  const recipients = parseImportRows(rows, encryptionType);
  const task = await requireTask(deps, accountId, taskId);
  assertTaskAllows('ImportTaskNumberDatas', task);
  const batchId = deps.ids.next();
  return { batchId, details: await storeRecipients(deps, 'ImportTaskNumberDatas', task, batchId, encryptionType, recipients) };
}

/** Imports one recipient, in no batch; refused for a cancelled task. */
export async function importOne(deps: CampaignDeps, accountId: string, input: SingleImportInput): Promise<NewDetail> {
  const taskId = requireId(input.TaskId, 'TaskId');
  const encryptionType = parseEncryptionType(input.EncryptionType);
  const recipient = parseSingleRecipient(input, encryptionType);
  const task = await requireTask(deps, accountId, taskId);
  assertTaskAllows('ImportOneTaskPhoneNumber', task);
  const [detail] = await storeRecipients(deps, 'ImportOneTaskPhoneNumber', task, null, encryptionType, [recipient]);
  if (!detail) throw new DomainError('Internal', 'the import stored no detail');
  return detail;
}
