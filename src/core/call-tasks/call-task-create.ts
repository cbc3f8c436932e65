/**
 * CreateCallTask as a use case. Checked in the order a caller fixes things (callee data, template, caller numbers),
 * all before anything is written. The task is stored as a campaign task (product 'call-task', INIT, its flow the
 * template), its callees as the campaign's details, and what CreateCallTask was told in call_tasks.
 */
import { templateVariables, type TtsTemplateRecord } from '../media/tts-template.js';
import { newTaskRecord } from '../campaigns/new-task.js';
import { DomainError } from '../errors.js';
import type { CallTaskBizType, CallTaskDataType, CallTaskRecord } from './call-task.js';
import { parseCallTaskData, type Callee } from './call-task-data.js';
import type { NotifyTaskFlow } from './call-task-flow.js';
import { callTaskSettings } from './call-task-settings.js';
import type { CallTaskDeps } from './call-task-deps.js';

/** CreateCallTask's parameters after the gateway's checks (required ones present, enums valid). */
export interface CreateCallTaskInput {
  TaskName?: string;
  BizType?: CallTaskBizType;
  TemplateCode: string;
  TemplateName?: string;
  Resource: string;
  DataType?: CallTaskDataType;
  Data: string;
}

/** waihu's limits where the doc gives none. */
export const CALL_TASK_LIMITS = Object.freeze({ maxTaskNameLength: 128, maxTemplateNameLength: 128, maxCallerNumbers: 20 });

/** What TemplateCode names, resolved. */
interface ResolvedTemplate {
  bizType: CallTaskBizType;
  name: string;
  flow: NotifyTaskFlow;
  /** The `${name}` variables a TTS template fills; none for a voice file. */
  variables: string[];
}

function invalid(param: string, message: string): DomainError {
  return new DomainError('InvalidArgument', message, param);
}

function notFound(code: string): DomainError {
  return new DomainError('NotFound', `The specified TemplateCode "${code}" does not exist: it is neither a TTS template (CreateTtsTemplate) nor a voice file of this account.`, 'TemplateCode');
}

/** The BizType a TTS template is: a verification code (VMS_TTS) or a notification (VMS_VOICE_TTS). */
function bizTypeOfTemplate(template: TtsTemplateRecord): CallTaskBizType {
  return template.type === 'CODE' ? 'VMS_TTS' : 'VMS_VOICE_TTS';
}

async function ttsTemplate(deps: CallTaskDeps, accountId: string, code: string): Promise<TtsTemplateRecord | undefined> {
  try {
    return await deps.templates.get(accountId, code);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'NotFound') return undefined;
    throw error;
  }
}

/** The TTS template or voice file TemplateCode names, checked against BizType when one is given. */
async function resolveTemplate(deps: CallTaskDeps, accountId: string, code: string, bizType: CallTaskBizType | undefined): Promise<ResolvedTemplate> {
  if (bizType !== 'VMS_VOICE_CODE') {
    const template = await ttsTemplate(deps, accountId, code);
    if (template) {
      const actual = bizTypeOfTemplate(template);
      if (bizType !== undefined && bizType !== actual) {
        throw invalid('BizType', `BizType is ${bizType} but TemplateCode "${code}" is a ${template.type === 'CODE' ? 'verification-code' : 'notification'} template (BizType ${actual})`);
      }
      return { bizType: actual, name: template.name, flow: { kind: 'notify', templateCode: code, media: 'tts' }, variables: templateVariables(template.content) };
    }
    if (bizType !== undefined) throw notFound(code);
  }
  const file = await deps.voiceFiles(accountId, code);
  if (!file) throw notFound(code);
  return { bizType: 'VMS_VOICE_CODE', name: file.name ?? code, flow: { kind: 'notify', templateCode: code, media: 'voice-file' }, variables: [] };
}

/** Every template variable must have a value for every callee: a LIST task has none, a JSON task its paramNames. */
function checkVariables(template: ResolvedTemplate, dataType: CallTaskDataType, paramNames: readonly string[]): void {
  const missing = template.variables.filter((v) => !paramNames.includes(v));
  if (missing.length === 0) return;
  const names = missing.map((v) => `\${${v}}`).join(', ');
  if (dataType === 'LIST') {
    throw invalid('DataType', `the template fills ${names} per callee, which DataType LIST cannot carry; send DataType JSON with paramNames ${JSON.stringify(template.variables)}`);
  }
  throw invalid('Data', `the template fills ${names}, but paramNames ${JSON.stringify(paramNames)} does not name ${missing.length === 1 ? 'it' : 'them'}`);
}

/** Resource: one or more of the account's caller (virtual) numbers, comma-separated. */
async function callerNumbersOf(deps: CallTaskDeps, accountId: string, resource: string): Promise<string[]> {
  const numbers = [...new Set(resource.split(',').map((n) => n.trim()).filter((n) => n !== ''))];
  if (numbers.length === 0) throw invalid('Resource', 'Resource needs at least one caller number');
  if (numbers.length > CALL_TASK_LIMITS.maxCallerNumbers) throw invalid('Resource', `Resource lists ${numbers.length} numbers; at most ${CALL_TASK_LIMITS.maxCallerNumbers}`);
  for (const number of numbers) {
    if (!(await deps.store.hasCallerNumber(accountId, number))) {
      throw invalid('Resource', `"${number}" is not one of the account's virtual numbers (its caller numbers, AddCallerNumber)`);
    }
  }
  return numbers;
}

/** A name parameter, trimmed and length-checked; `fallback` when left out. */
function nameOf(raw: string | undefined, param: string, max: number, fallback: string): string {
  const text = raw?.trim() ?? '';
  if ([...text].length > max) throw invalid(param, `${param} is longer than ${max} characters`);
  return text === '' ? fallback : text;
}

/** Stores the campaign task, its callees and the CallTask, all or nothing. */
async function store(deps: CallTaskDeps, record: CallTaskRecord, flow: NotifyTaskFlow, callerNumbers: string[], callees: Callee[]): Promise<void> {
  const task = newTaskRecord(record.id, record.accountId, callTaskSettings(record.id, callerNumbers, deps.timeZone), record.createdAt, { product: 'call-task', flow });
  const details = callees.map((c) => ({ id: deps.ids.next(), number: c.number, encryptionType: 0 as const, outId: null, variables: c.variables }));
  await deps.store.insertCallTask(task, details, record);
}

/** Creates a CallTask in INIT; ExecuteCallTask starts it. Returns its id. */
export async function createCallTask(deps: CallTaskDeps, accountId: string, input: CreateCallTaskInput): Promise<CallTaskRecord> {
  const taskName = nameOf(input.TaskName, 'TaskName', CALL_TASK_LIMITS.maxTaskNameLength, '');
  // The doc gives no default; the data says which it is (a JSON object or a list of numbers).
  const dataType: CallTaskDataType = input.DataType ?? (input.Data.trim().startsWith('{') ? 'JSON' : 'LIST');
  const { callees, paramNames } = parseCallTaskData(dataType, input.Data);
  const template = await resolveTemplate(deps, accountId, input.TemplateCode.trim(), input.BizType);
  checkVariables(template, dataType, paramNames);
  const callerNumbers = await callerNumbersOf(deps, accountId, input.Resource);
  const record: CallTaskRecord = {
    id: deps.taskIds.next(), accountId, taskName, bizType: template.bizType, templateCode: template.flow.templateCode,
    templateName: nameOf(input.TemplateName, 'TemplateName', CALL_TASK_LIMITS.maxTemplateNameLength, template.name),
    resource: callerNumbers.join(','), dataType, calleeCount: callees.length, createdAt: deps.clock.now(),
  };
  await store(deps, record, template.flow, callerNumbers, callees);
  return record;
}
