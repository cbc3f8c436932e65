/**
 * AI voice agent management as waihu actions: the writes aiccs leaves to its console (create, edit the draft,
 * publish, take offline, delete). Reading goes through aiccs' own PageQueryAgentList and QueryAiVoiceAgentDetail.
 */
import { AGENT_STATUS_CODE, hasConfig, hasPendingChanges, type VoiceAgentRecord } from '../../../core/agents/ai-voice-agent.js';
import type { VoiceAgentInput } from '../../../core/agents/voice-agent-service.js';
import type { AgentRegistry } from '../../../core/agents/agent-registry.js';
import { DomainError } from '../../../core/errors.js';
import type { ActionHandler } from '../../action.js';
import type { ParamSpec } from '../../catalog/types.js';
import { ok, waihuAction } from './product.js';

const AGENT_QPS = { perUser: 20, api: 200 };
const agentId: ParamSpec = { name: 'AgentId', type: 'String', required: true, maxLength: 64, lengthUnit: 'chars', description: 'The agent, as CreateAiVoiceAgent returned it.' };

/** The parameters Create and Update share; Update makes Name optional. */
function agentParams(nameRequired: boolean): ParamSpec[] {
  return [
    { name: 'Name', type: 'String', required: nameRequired, maxLength: 64, lengthUnit: 'chars', description: 'Name, unique among the account\'s agents.' },
    { name: 'Description', type: 'String', required: false, maxLength: 512, lengthUnit: 'chars', description: 'What the agent is for.' },
    { name: 'BusinessType', type: 'Integer', required: false, description: 'Business scenario: 1 个人客户线索转化.' },
    { name: 'ApplicationCode', type: 'String', required: false, maxLength: 32, lengthUnit: 'chars', description: 'LLM application whose voice settings the agent falls back on; "" unlinks.' },
    {
      name: 'ModelConfig', type: 'String', required: false, maxLength: 65_536, lengthUnit: 'chars',
      description: 'AiVoiceAgentModelConfig as JSON text (docs/agents.md); replaces the whole draft model configuration.',
    },
    {
      name: 'CallConfig', type: 'String', required: false, maxLength: 16_384, lengthUnit: 'chars',
      description: 'AiVoiceAgentCallConfig as JSON text: TtsConfig, EventConfig, VocabId; replaces the whole draft call configuration.',
    },
  ];
}

/** A JSON-text parameter parsed; undefined when absent or empty, InvalidParameter when it is not JSON. */
function jsonParam(params: Record<string, unknown>, name: string): unknown {
  const text = params[name];
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DomainError('InvalidArgument', `not JSON text: ${error instanceof Error ? error.message : String(error)}`, name);
  }
}

/** The use-case input of Create/Update from the request. */
function agentInput(p: Record<string, unknown>): VoiceAgentInput {
  return {
    name: p.Name,
    description: p.Description,
    businessType: p.BusinessType,
    applicationCode: p.ApplicationCode,
    modelConfig: jsonParam(p, 'ModelConfig'),
    callConfig: jsonParam(p, 'CallConfig'),
  };
}

/** What the write actions answer with: the agent's state, without its configuration. */
export function agentSummary(agent: VoiceAgentRecord): Record<string, unknown> {
  return {
    AgentId: agent.id,
    AgentName: agent.name,
    Description: agent.description,
    Status: AGENT_STATUS_CODE[agent.status],
    StatusName: agent.status,
    ...(agent.applicationCode ? { ApplicationCode: agent.applicationCode } : {}),
    OnlineVersion: agent.onlineVersion,
    WithConfig: hasConfig(agent),
    PendingChanges: hasPendingChanges(agent),
    CreateTime: agent.createdAt,
    ModifyTime: agent.updatedAt,
    ...(agent.lastOnlineAt !== null ? { LastOnlineTime: agent.lastOnlineAt } : {}),
  };
}

/** CreateAiVoiceAgent, UpdateAiVoiceAgent, PublishAiVoiceAgent, OfflineAiVoiceAgent and DeleteAiVoiceAgent. */
export function voiceAgentActions(registry: AgentRegistry): ActionHandler[] {
  const agents = registry.voiceAgents;
  return [
    {
      spec: waihuAction('CreateAiVoiceAgent', 'Creates an AI voice agent as a draft; Data is its AgentId.', agentParams(true), AGENT_QPS),
      handle: async (ctx, p) => ok((await agents.create(ctx.accountId, agentInput(p))).id),
    },
    {
      spec: waihuAction('UpdateAiVoiceAgent', 'Edits an agent: name, description, link and draft configuration; calls keep using the published version until PublishAiVoiceAgent.', [agentId, ...agentParams(false)], AGENT_QPS),
      handle: async (ctx, p) => ok(agentSummary(await agents.update(ctx.accountId, p.AgentId as string, agentInput(p)))),
    },
    {
      spec: waihuAction('PublishAiVoiceAgent', 'Puts the draft online as the next version (Status 1); tasks call with it from then on.', [agentId], AGENT_QPS),
      handle: async (ctx, p) => ok(agentSummary(await agents.publish(ctx.accountId, p.AgentId as string))),
    },
    {
      spec: waihuAction('OfflineAiVoiceAgent', 'Takes an online agent offline (Status 2); publishing it again brings it back.', [agentId], AGENT_QPS),
      handle: async (ctx, p) => ok(agentSummary(await agents.offline(ctx.accountId, p.AgentId as string))),
    },
    {
      spec: waihuAction('DeleteAiVoiceAgent', 'Deletes an agent that no unfinished task uses.', [agentId], AGENT_QPS),
      handle: async (ctx, p) => {
        await agents.delete(ctx.accountId, p.AgentId as string);
        return ok({ AgentId: p.AgentId });
      },
    },
  ];
}
