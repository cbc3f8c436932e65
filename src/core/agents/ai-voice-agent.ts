/**
 * An AI voice agent ("通信智能体"): a name, a draft configuration that UpdateAiVoiceAgent edits, and the version
 * PublishAiVoiceAgent last put online, which is what running tasks call with. Editing the draft of an online agent
 * changes nothing on the phone until the next publish, so a half-finished edit never reaches a callee.
 *
 * Statuses and their aiccs `Status` codes (aiccs documents only 1 = 已上线; the rest are waihu's):
 * - DRAFT 0: never published; tasks cannot call with it.
 * - ONLINE 1: a published version is in force.
 * - OFFLINE 2: taken offline (OfflineAiVoiceAgent); its last version is kept and a publish brings it back.
 */
import { DomainError } from '../errors.js';
import { readString } from '../campaigns/setting-values.js';
import {
  BUSINESS_TYPE_NAMES,
  START_WORD_TYPES,
  parseCallConfig,
  parseModelConfig,
  type AiVoiceAgentCallConfig,
  type AiVoiceAgentModelConfig,
} from './agent-config.js';
import { assignConfigIds, type NewId } from './agent-config-ids.js';

/** Every agent status. */
export const AGENT_STATUSES = ['DRAFT', 'ONLINE', 'OFFLINE'] as const;

/** One agent status. */
export type AgentStatus = (typeof AGENT_STATUSES)[number];

/** The integer aiccs reports as `Status` (and PageQueryAgentList filters by). */
export const AGENT_STATUS_CODE: Readonly<Record<AgentStatus, number>> = Object.freeze({ DRAFT: 0, ONLINE: 1, OFFLINE: 2 });

/** The status of an aiccs `Status` code; undefined for a code waihu does not use. */
export function agentStatusOfCode(code: number): AgentStatus | undefined {
  return AGENT_STATUSES.find((s) => AGENT_STATUS_CODE[s] === code);
}

/** Limits of the agent's own fields. */
export const AGENT_LIMITS = Object.freeze({ maxNameLength: 64, maxDescriptionLength: 512 });

/** What an agent calls with: the model configuration and the call (voice, events) configuration. */
export interface AgentConfig {
  model: AiVoiceAgentModelConfig;
  call: AiVoiceAgentCallConfig;
}

/** An agent as stored. */
export interface VoiceAgentRecord {
  /** AgentId: an 18-19 digit numeric string (aiccs types it int64 in QueryAiVoiceAgentDetail). */
  id: string;
  accountId: string;
  /** Unique within the account. */
  name: string;
  description: string;
  /** The LLM application whose voice settings the agent falls back on; null when none is linked. */
  applicationCode: string | null;
  status: AgentStatus;
  /** The configuration being edited. */
  draft: AgentConfig;
  /** The published configuration; null until the first publish. */
  online: AgentConfig | null;
  /** How many times the agent was published; 0 before the first time. */
  onlineVersion: number;
  lastOnlineAt: number | null;
  /** Bumped by every change, so concurrent read-modify-write updates can detect each other. */
  revision: number;
  createdAt: number;
  updatedAt: number;
}

/** What CreateAiVoiceAgent and UpdateAiVoiceAgent may set; absent members keep their value. */
export interface VoiceAgentChanges {
  name?: unknown;
  description?: unknown;
  businessType?: unknown;
  /** Resolved by the caller: an existing application's code, or null to unlink. */
  applicationCode?: string | null;
  modelConfig?: unknown;
  callConfig?: unknown;
}

/** The agent's name, trimmed and checked. */
export function readAgentName(value: unknown, param = 'Name'): string {
  const name = readString(value, param, AGENT_LIMITS.maxNameLength, null);
  if (name === null) throw new DomainError('InvalidArgument', `${param} is required`, param);
  return name;
}

/** A BusinessType code aiccs knows. */
function readBusinessType(value: unknown): number {
  const code = typeof value === 'string' ? Number(value) : value;
  if (typeof code !== 'number' || BUSINESS_TYPE_NAMES[code] === undefined) {
    throw new DomainError('InvalidArgument', `BusinessType must be one of ${Object.keys(BUSINESS_TYPE_NAMES).join(', ')}`, 'BusinessType');
  }
  return code;
}

/** The draft after `changes`: a new ModelConfig replaces the old one whole, BusinessType is set into it. */
function nextDraft(previous: AgentConfig | undefined, changes: VoiceAgentChanges, newId: NewId): AgentConfig {
  let model = changes.modelConfig !== undefined ? assignConfigIds(parseModelConfig(changes.modelConfig), previous?.model, newId) : (previous?.model ?? {});
  if (changes.businessType !== undefined) model = { ...model, BusinessType: readBusinessType(changes.businessType) };
  const call = changes.callConfig !== undefined ? parseCallConfig(changes.callConfig) : (previous?.call ?? {});
  return { model, call };
}

/** Where a new agent comes from. */
export interface NewVoiceAgent {
  id: string;
  accountId: string;
  at: number;
  newId: NewId;
}

/** A new DRAFT agent from CreateAiVoiceAgent's input. */
export function newVoiceAgent(origin: NewVoiceAgent, changes: VoiceAgentChanges): VoiceAgentRecord {
  return {
    id: origin.id,
    accountId: origin.accountId,
    name: readAgentName(changes.name),
    description: readString(changes.description, 'Description', AGENT_LIMITS.maxDescriptionLength, '') ?? '',
    applicationCode: changes.applicationCode ?? null,
    status: 'DRAFT',
    draft: nextDraft(undefined, changes, origin.newId),
    online: null,
    onlineVersion: 0,
    lastOnlineAt: null,
    revision: 1,
    createdAt: origin.at,
    updatedAt: origin.at,
  };
}

/** The agent with its draft and own fields edited; what is online stays as it was. */
export function editedVoiceAgent(agent: VoiceAgentRecord, changes: VoiceAgentChanges, at: number, newId: NewId): VoiceAgentRecord {
  return {
    ...agent,
    name: changes.name !== undefined ? readAgentName(changes.name) : agent.name,
    description: changes.description !== undefined ? (readString(changes.description, 'Description', AGENT_LIMITS.maxDescriptionLength, '') ?? '') : agent.description,
    applicationCode: changes.applicationCode !== undefined ? changes.applicationCode : agent.applicationCode,
    draft: nextDraft(agent.draft, changes, newId),
    revision: agent.revision + 1,
    updatedAt: at,
  };
}

/** StartWordType in force: as set, else 1 when there is a Prologue to open with, else 2. */
export function startWordType(model: AiVoiceAgentModelConfig): 1 | 2 {
  return model.StartWordType ?? (model.Prologue?.trim() ? START_WORD_TYPES.agentFirst : START_WORD_TYPES.calleeFirst);
}

/** What a draft lacks before it can go online; empty when it is complete. */
export function publishProblems(model: AiVoiceAgentModelConfig): string[] {
  const problems: string[] = [];
  const blank = (text: string | undefined) => !text?.trim();
  if ((model.TaskType ?? 'BASIC') === 'BASIC' && blank(model.BasicTaskDescription)) {
    problems.push('ModelConfig.BasicTaskDescription is required for a BASIC task');
  }
  if (model.TaskType === 'ADVANCED') {
    if (blank(model.SysRole)) problems.push('ModelConfig.SysRole is required for an ADVANCED task');
    if (blank(model.FlowDesc)) problems.push('ModelConfig.FlowDesc is required for an ADVANCED task');
  }
  if (startWordType(model) === START_WORD_TYPES.agentFirst && blank(model.Prologue)) {
    problems.push('ModelConfig.Prologue is required when StartWordType is 1 (the agent speaks first)');
  }
  return problems;
}

/** The agent with its draft put online as the next version; InvalidState naming what an incomplete draft lacks. */
export function publishedVoiceAgent(agent: VoiceAgentRecord, at: number): VoiceAgentRecord {
  const problems = publishProblems(agent.draft.model);
  if (problems.length > 0) throw new DomainError('InvalidState', `agent ${agent.id} cannot be published: ${problems.join('; ')}`, 'AgentId');
  return {
    ...agent,
    status: 'ONLINE',
    online: agent.draft,
    onlineVersion: agent.onlineVersion + 1,
    lastOnlineAt: at,
    revision: agent.revision + 1,
    updatedAt: at,
  };
}

/** The agent taken offline; only an ONLINE agent can be. */
export function offlineVoiceAgent(agent: VoiceAgentRecord, at: number): VoiceAgentRecord {
  if (agent.status !== 'ONLINE') throw new DomainError('InvalidState', `agent ${agent.id} is ${agent.status}; only an ONLINE agent can be taken offline`, 'AgentId');
  return { ...agent, status: 'OFFLINE', revision: agent.revision + 1, updatedAt: at };
}

/** True once the draft holds any model configuration (aiccs WithConfig). */
export function hasConfig(agent: VoiceAgentRecord): boolean {
  return Object.keys(agent.draft.model).length > 0;
}

/** True when the draft differs from what is online (or nothing is). */
export function hasPendingChanges(agent: VoiceAgentRecord): boolean {
  return agent.online === null || JSON.stringify(agent.online) !== JSON.stringify(agent.draft);
}
