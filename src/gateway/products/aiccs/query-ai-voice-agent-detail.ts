/**
 * QueryAiVoiceAgentDetail: one agent with its model and call configuration, in the doc's field names and types
 * (AgentId int64, Status integer). It shows the draft, the configuration being edited, which equals the online one
 * right after a publish; waihu's extension `ConfigVersion=ONLINE` shows the published version instead.
 */
import { VOICE_STYLE_NAMES, type AiVoiceAgentModelConfig } from '../../../core/agents/agent-config.js';
import { AGENT_STATUS_CODE, startWordType, type AgentConfig, type VoiceAgentRecord } from '../../../core/agents/ai-voice-agent.js';
import { DomainError } from '../../../core/errors.js';
import type { ActionHandler } from '../../action.js';
import type { ParamSpec } from '../../catalog/types.js';
import { gatewayErrors } from '../../errors.js';
import { aiccsSpec } from './aiccs-spec.js';
import { int64Id, okData, present } from './envelope.js';
import { businessTypeName, type AgentQueryServices } from './page-query-agent-list.js';

const configVersion: ParamSpec = {
  name: 'ConfigVersion', type: 'String', required: false, enum: ['DRAFT', 'ONLINE'],
  description: 'waihu: DRAFT (default) shows the configuration being edited, ONLINE the published one.',
};

/** The configuration the request asks for. */
function chosenConfig(agent: VoiceAgentRecord, version: unknown): AgentConfig {
  if (version !== 'ONLINE') return agent.draft;
  if (agent.online === null) throw new DomainError('InvalidState', `agent ${agent.id} has never been published; it has no ONLINE configuration`, 'ConfigVersion');
  return agent.online;
}

/** The model configuration with the values in force where the input left them to defaults. */
function modelConfig(model: AiVoiceAgentModelConfig): AiVoiceAgentModelConfig {
  if (Object.keys(model).length === 0) return model;
  return { ...model, TaskType: model.TaskType ?? 'BASIC', StartWordType: startWordType(model) };
}

/** `Data` of the response. */
function detailData(agent: VoiceAgentRecord, config: AgentConfig): Record<string, unknown> {
  const style = config.model.CustomExceptionVoiceStyle;
  return present({
    AgentId: int64Id(agent.id),
    AgentName: agent.name,
    Description: agent.description,
    Status: AGENT_STATUS_CODE[agent.status],
    BusinessTypeName: businessTypeName(config.model),
    VoiceStyleName: style === undefined ? undefined : VOICE_STYLE_NAMES[style],
    AiVoiceAgentModelConfig: modelConfig(config.model),
    AiVoiceAgentCallConfig: config.call,
  });
}

/** The QueryAiVoiceAgentDetail handler. */
export function queryAiVoiceAgentDetail(s: AgentQueryServices): ActionHandler {
  return {
    spec: aiccsSpec('QueryAiVoiceAgentDetail', [configVersion]),
    handle: async (ctx, params) => {
      const agentId = typeof params.AgentId === 'string' ? params.AgentId.trim() : '';
      // The doc marks AgentId optional, but there is no detail of no agent.
      if (agentId === '') throw gatewayErrors.missingParameter('AgentId');
      const agent = await s.agents.voiceAgents.get(ctx.accountId, agentId);
      return okData(detailData(agent, chosenConfig(agent, params.ConfigVersion)));
    },
  };
}
