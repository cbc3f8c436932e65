/**
 * QueryAiCallDetailPage, QueryConversationDetailInfo and QueryConversationDetailInfoNew as use cases: details of one
 * of the account's tasks, filtered and paged, and one detail with the call attempt that answers for it.
 */
import { isCallResult, CALL_RESULTS, type CallResult } from '../calls/call-result.js';
import { DomainError } from '../errors.js';
import { parseEncryptionType } from '../numbers/encryption-type.js';
import { normalizeRecipientNumber } from '../numbers/phone-number.js';
import type { DetailFilter, PageRequest } from '../../ports/campaign-store.js';
import type { CallDialogRecord } from '../../ports/conversation-store.js';
import { notFound, requireTask, type CampaignDeps } from './campaign-deps.js';
import type { AttemptRecord, DetailRecord } from './campaign-records.js';
import { detailStatesForQueryStatus } from './detail-state.js';
import { checkRange, optionalCount, optionalId, optionalIdList, optionalText, readPage, requireId } from './query-values.js';
import { absent, readInt, readString } from './setting-values.js';

/** QueryAiCallDetailPage's parameters, as received. */
export interface DetailListInput {
  TaskId?: unknown;
  Status?: unknown;
  BatchId?: unknown;
  CalledNumber?: unknown;
  EncryptionType?: unknown;
  CallResult?: unknown;
  MajorIntent?: unknown;
  MinConversationDuration?: unknown;
  MaxConversationDuration?: unknown;
  StartImportedTime?: unknown;
  EndImportedTime?: unknown;
  StartCallingTime?: unknown;
  EndCallingTime?: unknown;
  OutId?: unknown;
  DetailIds?: unknown;
  PageNo?: unknown;
  PageSize?: unknown;
}

/** One page of details. */
export interface DetailPage {
  page: PageRequest;
  total: number;
  items: DetailRecord[];
}

/** QueryConversationDetailInfo's parameters, as received. */
export interface ConversationInput {
  TaskId?: unknown;
  DetailId?: unknown;
  BatchId?: unknown;
}

/** QueryConversationDetailInfoNew's parameters, as received: the task and one of DetailId, CallId, OutId. */
export interface ConversationLookupInput {
  TaskId?: unknown;
  DetailId?: unknown;
  CallId?: unknown;
  OutId?: unknown;
}

/** A detail and the attempt shown for it (its latest, or the one a CallId named); null before the first call. */
export interface Conversation {
  detail: DetailRecord;
  attempt: AttemptRecord | null;
  /** What was said on that attempt's call and its analysis; null when it was not answered (or not yet ended). */
  dialog: CallDialogRecord | null;
}

/** The conversation of a detail's attempt: the attempt's dialog looked up by its call id. */
async function withDialog(deps: CampaignDeps, accountId: string, detail: DetailRecord, attempt: AttemptRecord | null): Promise<Conversation> {
  const dialog = attempt ? await deps.store.getCallDialog(accountId, attempt.callId) : undefined;
  return { detail, attempt, dialog: dialog ?? null };
}

/** The doc's DetailIds limit ("最多不能超过100个"). */
export const MAX_DETAIL_IDS = 100;

function invalid(param: string, message: string): DomainError {
  return new DomainError('InvalidArgument', message, param);
}

/** Status 0 (not finished: states 0-3), 1 (ended: 4) or 2 (failed: 5); required. */
function readQueryStatus(value: unknown): 0 | 1 | 2 {
  const status = readInt(value, 'Status', { min: 0, max: 2 }, null);
  if (status === null) throw invalid('Status', 'Status is required: 0 (not finished), 1 (ended) or 2 (failed)');
  return status as 0 | 1 | 2;
}

function readCallResult(value: unknown): CallResult | undefined {
  const result = readString(value, 'CallResult', 32, null)?.toUpperCase();
  if (!result) return undefined;
  if (!isCallResult(result)) throw invalid('CallResult', `CallResult must be one of ${CALL_RESULTS.join(', ')}`);
  return result;
}

/** CalledNumber and EncryptionType: the number as it was imported (digests lower-cased), the type as a filter. */
function numberFilter(input: DetailListInput): Pick<DetailFilter, 'number' | 'encryptionType'> {
  const number = optionalText(input.CalledNumber, 'CalledNumber', 128);
  if (absent(input.EncryptionType)) return number === undefined ? {} : { number: number.toLowerCase() };
  const encryptionType = parseEncryptionType(input.EncryptionType);
  if (number === undefined) return { encryptionType };
  return { encryptionType, number: normalizeRecipientNumber(number, encryptionType, 'CalledNumber') };
}

/** Minutes (the doc's unit for the duration bounds) to the seconds the store filters on. */
function minutes(value: unknown, param: string): number | undefined {
  const n = optionalCount(value, param);
  return n === undefined ? undefined : n * 60;
}

/** Every QueryAiCallDetailPage filter; ranges are inclusive and must not be upside down. */
export function detailFilter(input: DetailListInput): DetailFilter {
  const filter: DetailFilter = {
    states: detailStatesForQueryStatus(readQueryStatus(input.Status)),
    batchId: optionalId(input.BatchId, 'BatchId'),
    ...numberFilter(input),
    callResult: readCallResult(input.CallResult),
    majorIntent: optionalText(input.MajorIntent, 'MajorIntent', 128),
    minDurationSeconds: minutes(input.MinConversationDuration, 'MinConversationDuration'),
    maxDurationSeconds: minutes(input.MaxConversationDuration, 'MaxConversationDuration'),
    importedFrom: optionalCount(input.StartImportedTime, 'StartImportedTime'),
    importedTo: optionalCount(input.EndImportedTime, 'EndImportedTime'),
    callingFrom: optionalCount(input.StartCallingTime, 'StartCallingTime'),
    callingTo: optionalCount(input.EndCallingTime, 'EndCallingTime'),
    outId: optionalText(input.OutId, 'OutId', 128),
    detailIds: optionalIdList(input.DetailIds, 'DetailIds', MAX_DETAIL_IDS),
  };
  checkRange(filter.minDurationSeconds, filter.maxDurationSeconds, 'MinConversationDuration', 'MaxConversationDuration');
  checkRange(filter.importedFrom, filter.importedTo, 'StartImportedTime', 'EndImportedTime');
  checkRange(filter.callingFrom, filter.callingTo, 'StartCallingTime', 'EndCallingTime');
  return filter;
}

/** One page of a task's details, newest import first. */
export async function pageDetails(deps: CampaignDeps, accountId: string, input: DetailListInput): Promise<DetailPage> {
  const taskId = requireId(input.TaskId, 'TaskId');
  const filter = detailFilter(input);
  const page = readPage(input);
  const task = await requireTask(deps, accountId, taskId);
  const { total, items } = await deps.store.pageDetails(accountId, task.id, filter, page);
  return { page, total, items };
}

/** The task's detail with its latest attempt, or NotFound naming DetailId. */
async function detailOfTask(deps: CampaignDeps, accountId: string, taskId: string, detailId: string): Promise<Conversation> {
  const found = await deps.store.getDetailWithAttempts(accountId, detailId);
  if (!found || found.detail.taskId !== taskId) throw notFound('DetailId', detailId);
  return withDialog(deps, accountId, found.detail, found.attempts.at(-1) ?? null);
}

/**
 * QueryConversationDetailInfo: TaskId, DetailId and BatchId must agree. A detail imported by
 * ImportOneTaskPhoneNumber belongs to no batch, so for it BatchId is not checked (send 0).
 */
export async function findConversation(deps: CampaignDeps, accountId: string, input: ConversationInput): Promise<Conversation> {
  const [taskId, detailId, batchId] = [requireId(input.TaskId, 'TaskId'), requireId(input.DetailId, 'DetailId'), requireId(input.BatchId, 'BatchId')];
  const task = await requireTask(deps, accountId, taskId);
  const found = await detailOfTask(deps, accountId, task.id, detailId);
  if (found.detail.batchId !== null && found.detail.batchId !== batchId) throw notFound('BatchId', batchId);
  return found;
}

/** The attempt a CallId names, within the task, with its detail. */
async function byCallId(deps: CampaignDeps, accountId: string, taskId: string, callId: string): Promise<Conversation> {
  const attempt = await deps.store.getAttemptByCallId(accountId, callId);
  const detail = attempt && attempt.taskId === taskId ? await deps.store.getDetail(accountId, attempt.detailId) : undefined;
  if (!attempt || !detail) throw notFound('CallId', callId);
  return withDialog(deps, accountId, detail, attempt);
}

/** The newest detail of the task with that OutId. */
async function byOutId(deps: CampaignDeps, accountId: string, taskId: string, outId: string): Promise<Conversation> {
  const { items } = await deps.store.pageDetails(accountId, taskId, { outId }, { pageNo: 1, pageSize: 1 });
  const newest = items[0];
  if (!newest) throw notFound('OutId', outId);
  return detailOfTask(deps, accountId, taskId, newest.id);
}

/** QueryConversationDetailInfoNew: the detail named by DetailId, else by CallId, else by OutId (newest). */
export async function lookUpConversation(deps: CampaignDeps, accountId: string, input: ConversationLookupInput): Promise<Conversation> {
  const taskId = requireId(input.TaskId, 'TaskId');
  const detailId = optionalId(input.DetailId, 'DetailId');
  const callId = optionalId(input.CallId, 'CallId');
  const outId = optionalText(input.OutId, 'OutId', 128);
  if (detailId === undefined && callId === undefined && outId === undefined) {
    throw invalid('DetailId', 'QueryConversationDetailInfoNew needs DetailId, CallId or OutId');
  }
  const task = await requireTask(deps, accountId, taskId);
  if (detailId !== undefined) return detailOfTask(deps, accountId, task.id, detailId);
  if (callId !== undefined) return byCallId(deps, accountId, task.id, callId);
  return byOutId(deps, accountId, task.id, outId as string);
}
