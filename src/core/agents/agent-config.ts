/**
 * The configuration of an AI voice agent ("通信智能体") in aiccs' own shape: AiVoiceAgentModelConfig and
 * AiVoiceAgentCallConfig exactly as QueryAiVoiceAgentDetail returns them. Keeping the wire names here (instead of a
 * camelCase copy) means one schema is the type, the validation of CreateAiVoiceAgent/UpdateAiVoiceAgent input and
 * the shape the query answers with, and a detail copied from Alibaba's console can be pasted back unchanged.
 */
import { z } from 'zod';
import { DomainError } from '../errors.js';

/** Longest free text of one field (role, task and flow descriptions, prologue). */
export const MAX_CONFIG_TEXT = 8000;

const id = z.string().trim().max(64).optional();
const label = z.string().trim().min(1, 'must not be empty').max(64);
const note = z.string().max(1000).optional();
const longText = z.string().max(MAX_CONFIG_TEXT).optional();

const enumValue = z.strictObject({ Id: id, Value: label, Description: note });

/** One allowed value of the main purpose or of an ENUM tag. */
export type ConfigEnumValue = z.infer<typeof enumValue>;

const mainPurpose = z.strictObject({
  Id: id,
  MainPurposeName: label,
  // aiccs: "目前只有ENUM类型".
  MainPurposeType: z.literal('ENUM').optional(),
  MainPurposeDescription: note,
  MainPurposeEnum: z.array(enumValue).min(1, 'needs at least one value').max(50),
});

const childTask = z.strictObject({ Id: id, ChildTaskName: label, ChildTaskDescription: z.string().max(MAX_CONFIG_TEXT) });

const tagType = z.enum(['ENUM', 'TEXT']);

const phoneTag = z.strictObject({
  Id: id,
  // The key the per-call variables use, so it must be usable as a ${key} placeholder.
  PhoneTagKey: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'must be a letter or _ followed by letters, digits or _ (at most 64)'),
  PhoneTagName: label,
  PhoneTagType: tagType,
  PhoneTagDescription: note,
  PhoneTagRequired: z.boolean().optional(),
  PhoneTagSource: z.string().max(64).optional(),
  PhoneTagEnum: z.array(enumValue).max(100).optional(),
});

const outputTag = z.strictObject({
  Id: id,
  OutputTagName: label,
  OutputTagType: tagType,
  OutputTagDescription: note,
  OutputTagEnum: z.array(enumValue).max(100).optional(),
});

const customException = z.strictObject({
  ExceptionType: z.string().max(64).optional(),
  Reply: z.string().max(1000).optional(),
  SupportBreak: z.boolean().optional(),
  ExceptionSign: z.boolean().optional(),
});

const names = z.array(z.string().max(256)).max(100).optional();

/** Known BusinessType codes and their names (aiccs documents only 1). */
export const BUSINESS_TYPE_NAMES: Readonly<Record<number, string>> = Object.freeze({ 1: '个人客户线索转化' });

/** Known CustomExceptionVoiceStyle codes and their names (1 from the enum table, 2 from the doc's example). */
export const VOICE_STYLE_NAMES: Readonly<Record<number, string>> = Object.freeze({ 1: '平实', 2: '亲切' });

/** StartWordType: 1 the agent opens with its Prologue, 2 it waits for the callee to speak first. */
export const START_WORD_TYPES = Object.freeze({ agentFirst: 1, calleeFirst: 2 });

const codeOf = (table: Readonly<Record<number, string>>, what: string) =>
  z.number().int().refine((n) => table[n] !== undefined, { message: `must be one of ${Object.keys(table).join(', ')} (${what})` });

const modelSchema = z.strictObject({
  TaskType: z.enum(['BASIC', 'ADVANCED']).optional(),
  BusinessType: codeOf(BUSINESS_TYPE_NAMES, 'business type').optional(),
  BasicTaskDescription: longText,
  SysRole: z.string().max(1000).optional(),
  UserRole: z.string().max(1000).optional(),
  FlowDesc: longText,
  Prologue: z.string().max(1000).optional(),
  StartWordType: z.union([z.literal(1), z.literal(2)], { error: 'must be 1 (the agent opens with the Prologue) or 2 (it waits for the callee)' }).optional(),
  MainPurpose: mainPurpose.optional(),
  ChildTaskList: z.array(childTask).max(20).optional(),
  PhoneTagConfig: z.array(phoneTag).max(50).optional(),
  OutputTagConfig: z.array(outputTag).max(50).optional(),
  KnowledgeEnable: z.boolean().optional(),
  KnowledgeId: z.string().max(64).optional(),
  KnowledgeDocIdList: names,
  KnowledgeDocNameList: names,
  KnowledgeDocOriginalNameList: names,
  CustomExceptionEnable: z.boolean().optional(),
  CustomExceptionFileId: z.string().max(256).optional(),
  CustomExceptionFileName: z.string().max(256).optional(),
  CustomExceptionUrlPath: z.string().max(1024).optional(),
  CustomExceptionVoiceStyle: codeOf(VOICE_STYLE_NAMES, 'voice style').optional(),
  CustomExceptionList: z.array(customException).max(50).optional(),
  RecordingFile: z.string().max(1024).optional(),
});

/** An agent's model configuration (aiccs AiVoiceAgentModelConfig); every field optional until it is published. */
export type AiVoiceAgentModelConfig = z.infer<typeof modelSchema>;

/** One child task of the model configuration. */
export type ConfigChildTask = z.infer<typeof childTask>;
/** One call variable of the model configuration. */
export type ConfigPhoneTag = z.infer<typeof phoneTag>;
/** One output tag of the model configuration. */
export type ConfigOutputTag = z.infer<typeof outputTag>;

const callSchema = z.strictObject({
  VocabId: z.string().max(64).optional(),
  TtsConfig: z
    .strictObject({
      VoiceCode: z.string().max(64).optional(),
      VoiceType: z.string().max(32).optional(),
      TtsStyle: z.string().max(64).optional(),
      TtsSpeed: z.number().int().min(-200).max(200).optional(),
      TtsVolume: z.number().int().min(0).max(100).optional(),
      MixingEnabled: z.boolean().optional(),
      MixingTemplate: z.number().int().min(0).optional(),
      BackgroundEnabled: z.boolean().optional(),
      BackgroundSound: z.number().int().min(0).optional(),
      BackgroundVolume: z.number().int().min(0).max(100).optional(),
    })
    .optional(),
  // Ranges are the doc's ("最大取值/最小取值").
  EventConfig: z
    .strictObject({
      MuteActive: z.boolean().optional(),
      MuteDuration: z.number().int().min(3).max(15).optional(),
      MuteHangupNum: z.number().int().min(1).max(5).optional(),
      SessionTimeout: z.number().int().min(600).max(3600).optional(),
      CallAssistantRecognize: z.boolean().optional(),
      CallAssistantHangup: z.boolean().optional(),
    })
    .optional(),
});

/** An agent's call configuration (aiccs AiVoiceAgentCallConfig): voice and call events. */
export type AiVoiceAgentCallConfig = z.infer<typeof callSchema>;

/** `a.b[2].c` for an issue path, the way a user finds the field in their JSON. */
function pathText(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

/** Validates with `schema`; InvalidArgument naming `param` and every bad field otherwise. */
function parseWith<T>(schema: z.ZodType<T>, input: unknown, param: string): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const where = pathText(issue.path);
    return where === '' ? issue.message : `${where}: ${issue.message}`;
  });
  throw new DomainError('InvalidArgument', problems.join('; '), param);
}

/** A model configuration checked field by field, names and values unique per list; `param` names it in errors. */
export function parseModelConfig(input: unknown, param = 'ModelConfig'): AiVoiceAgentModelConfig {
  const config = parseWith(modelSchema, input, param);
  const problems = duplicateProblems(config);
  if (problems.length > 0) throw new DomainError('InvalidArgument', problems.join('; '), param);
  return config;
}

/** A call configuration checked field by field; `param` names it in errors. */
export function parseCallConfig(input: unknown, param = 'CallConfig'): AiVoiceAgentCallConfig {
  return parseWith(callSchema, input, param);
}

/** The first repeated key of a list, with where it is. */
function repeated<T>(list: readonly T[] | undefined, key: (item: T) => string | undefined, where: string, what: string): string[] {
  const seen = new Set<string>();
  for (const [index, item] of (list ?? []).entries()) {
    const k = key(item);
    if (k === undefined) continue;
    if (seen.has(k)) return [`${where}[${index}]: ${what} "${k}" appears twice`];
    seen.add(k);
  }
  return [];
}

/** Names, keys, values and ids that must be unique within their list, and ENUM/TEXT consistency of tags. */
function duplicateProblems(c: AiVoiceAgentModelConfig): string[] {
  const enumChecks = (list: readonly ConfigEnumValue[] | undefined, where: string) => [
    ...repeated(list, (v) => v.Value, where, 'Value'),
    ...repeated(list, (v) => v.Id || undefined, where, 'Id'),
  ];
  return [
    ...enumChecks(c.MainPurpose?.MainPurposeEnum, 'MainPurpose.MainPurposeEnum'),
    ...repeated(c.ChildTaskList, (t) => t.ChildTaskName, 'ChildTaskList', 'ChildTaskName'),
    ...repeated(c.PhoneTagConfig, (t) => t.PhoneTagKey, 'PhoneTagConfig', 'PhoneTagKey'),
    ...repeated(c.OutputTagConfig, (t) => t.OutputTagName, 'OutputTagConfig', 'OutputTagName'),
    ...(c.PhoneTagConfig ?? []).flatMap((t, i) => [
      ...enumChecks(t.PhoneTagEnum, `PhoneTagConfig[${i}].PhoneTagEnum`),
      ...tagTypeProblems(t.PhoneTagType, t.PhoneTagEnum, `PhoneTagConfig[${i}]`, 'PhoneTagEnum'),
    ]),
    ...(c.OutputTagConfig ?? []).flatMap((t, i) => [
      ...enumChecks(t.OutputTagEnum, `OutputTagConfig[${i}].OutputTagEnum`),
      ...tagTypeProblems(t.OutputTagType, t.OutputTagEnum, `OutputTagConfig[${i}]`, 'OutputTagEnum'),
    ]),
  ];
}

/** An ENUM tag needs values; a TEXT tag takes none (the doc: the enum list exists only for ENUM). */
function tagTypeProblems(type: 'ENUM' | 'TEXT', values: readonly unknown[] | undefined, where: string, field: string): string[] {
  if (type === 'ENUM' && (values?.length ?? 0) === 0) return [`${where}.${field}: an ENUM tag needs at least one value`];
  if (type === 'TEXT' && (values?.length ?? 0) > 0) return [`${where}.${field}: a TEXT tag takes no values`];
  return [];
}
