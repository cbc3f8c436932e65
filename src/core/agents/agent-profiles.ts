/**
 * Published agents and LLM applications turned into the AgentProfile the agent flow runs. An agent's prompt is
 * assembled from its roles, task, flow, steps and call variables, one labelled section each, so the model sees the
 * configuration in the order a person filling the aiccs form wrote it.
 */
import { DomainError } from '../errors.js';
import { START_WORD_TYPES, type AiVoiceAgentCallConfig, type AiVoiceAgentModelConfig, type ConfigEnumValue } from './agent-config.js';
import type { AgentProfile, EnumValue, MainPurpose, OutputTagDefinition } from './agent-profile.js';
import { startWordType, type VoiceAgentRecord } from './ai-voice-agent.js';
import type { LlmApplicationRecord } from './llm-application.js';

/** A labelled section, or nothing when the text is blank. */
function section(title: string, text: string | undefined): string[] {
  const body = text?.trim();
  return body ? [`## ${title}\n${body}`] : [];
}

/** The call variables as `${key}` placeholders the flow fills from the recipient's variables. */
function variablesSection(model: AiVoiceAgentModelConfig): string[] {
  const tags = model.PhoneTagConfig ?? [];
  if (tags.length === 0) return [];
  const lines = tags.map((t) => `- ${t.PhoneTagName}${t.PhoneTagDescription ? `（${t.PhoneTagDescription}）` : ''}: \${${t.PhoneTagKey}}`);
  return [`## 通话信息\n${lines.join('\n')}`];
}

/** The steps of an agent, numbered in order. */
function stepsSection(model: AiVoiceAgentModelConfig): string[] {
  const tasks = model.ChildTaskList ?? [];
  if (tasks.length === 0) return [];
  return [`## 步骤\n${tasks.map((t, i) => `${i + 1}. ${t.ChildTaskName}: ${t.ChildTaskDescription}`).join('\n')}`];
}

/** The instructions an agent's model configuration gives the model. */
export function agentPrompt(model: AiVoiceAgentModelConfig): string {
  const parts = [
    ...section('你的角色', model.SysRole),
    ...section('通话对象', model.UserRole),
    ...(model.TaskType === 'ADVANCED' ? section('流程', model.FlowDesc) : section('任务', model.BasicTaskDescription)),
    ...stepsSection(model),
    ...variablesSection(model),
  ];
  return parts.join('\n\n');
}

/** An enum value of the configuration in the profile's form. */
function enumValueOf(v: ConfigEnumValue): EnumValue {
  return { value: v.Value, ...(v.Description ? { description: v.Description } : {}), ...(v.Id ? { id: v.Id } : {}) };
}

/** The output tags of the configuration in the profile's form. */
function outputTagsOf(model: AiVoiceAgentModelConfig): OutputTagDefinition[] {
  return (model.OutputTagConfig ?? []).map((t) => ({
    name: t.OutputTagName,
    type: t.OutputTagType,
    values: (t.OutputTagEnum ?? []).map(enumValueOf),
    ...(t.OutputTagDescription ? { description: t.OutputTagDescription } : {}),
    ...(t.Id ? { id: t.Id } : {}),
  }));
}

/** The main purpose of the configuration in the profile's form. */
function mainPurposeOf(model: AiVoiceAgentModelConfig): MainPurpose | undefined {
  const mp = model.MainPurpose;
  if (!mp) return undefined;
  return { name: mp.MainPurposeName, values: mp.MainPurposeEnum.map(enumValueOf), ...(mp.MainPurposeDescription ? { description: mp.MainPurposeDescription } : {}) };
}

/** Voice settings: the agent's own TtsConfig first, then its linked application's (aiccs: "默认取大模型应用配置"). */
function voiceOf(tts: AiVoiceAgentCallConfig['TtsConfig'], app?: LlmApplicationRecord) {
  const voice = tts?.VoiceCode || app?.ttsVoiceCode || undefined;
  const speed = tts?.TtsSpeed ?? app?.ttsSpeed;
  const volume = tts?.TtsVolume ?? app?.ttsVolume;
  return { ...(voice ? { voice } : {}), ...(speed !== undefined ? { speed } : {}), ...(volume !== undefined ? { volume } : {}) };
}

/**
 * The profile of an agent's published version; `application` is its linked application, when it has one.
 * InvalidState when the agent has never been published or is offline: a task must not call with a draft.
 */
export function agentProfileOf(agent: VoiceAgentRecord, application?: LlmApplicationRecord): AgentProfile {
  if (agent.online === null || agent.status !== 'ONLINE') {
    throw new DomainError('InvalidState', `agent ${agent.id} is ${agent.status}; publish it before calling with it`, 'AgentId');
  }
  const { model, call } = agent.online;
  const mainPurpose = mainPurposeOf(model);
  return {
    ref: agent.id,
    name: agent.name,
    prompt: agentPrompt(model),
    startWord: startWordType(model) === START_WORD_TYPES.agentFirst ? (model.Prologue ?? '').trim() : '',
    childTasks: (model.ChildTaskList ?? []).map((t) => ({ name: t.ChildTaskName, description: t.ChildTaskDescription })),
    outputTags: outputTagsOf(model),
    ...(mainPurpose ? { mainPurpose } : {}),
    ...voiceOf(call.TtsConfig, application),
    ...eventsOf(call.EventConfig),
  };
}

/** The agent's call events as the flow's settings: seconds to milliseconds; silence handling only when MuteActive. */
function eventsOf(events: AiVoiceAgentCallConfig['EventConfig']): Pick<AgentProfile, 'muteTimeMs' | 'muteHangupCount' | 'sessionTimeoutMs'> {
  if (!events) return {};
  const mute = events.MuteActive !== false;
  return {
    ...(mute && events.MuteDuration !== undefined ? { muteTimeMs: events.MuteDuration * 1000 } : {}),
    ...(mute && events.MuteHangupNum !== undefined ? { muteHangupCount: events.MuteHangupNum } : {}),
    ...(events.SessionTimeout !== undefined ? { sessionTimeoutMs: events.SessionTimeout * 1000 } : {}),
  };
}

/** The profile of an LLM application: its prompt and opening line as written, placeholders left for the call. */
export function applicationProfileOf(app: LlmApplicationRecord): AgentProfile {
  return {
    ref: app.code,
    name: app.name,
    prompt: app.prompt,
    startWord: app.startWord,
    childTasks: [],
    outputTags: [],
    ...(app.ttsVoiceCode ? { voice: app.ttsVoiceCode } : {}),
    speed: app.ttsSpeed,
    volume: app.ttsVolume,
  };
}
